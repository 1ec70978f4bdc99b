import { participationTargetShare, type InclusiveFigures } from "@jiangxin/domain";
import type { Actor } from "../../platform/actor";
import { visibleCounties } from "../../platform/access";
import type { AppContext } from "../../platform/context";
import { countMembersBy, countNewMembers, countParticipation, listBenefitItems } from "../../masterData/members";

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0);

/** The counties a figure covers: the actor's, cut to the region asked for. */
export function figureCounties(ctx: AppContext, actor: Actor, regionCode: string | undefined): string[] {
  const mine = visibleCounties(actor);
  const asked = regionCode ? ctx.regions.countiesUnder(ctx.regions.require(regionCode).code) : ctx.regions.countiesUnder("330000");
  return mine === "all" ? asked : asked.filter((c) => mine.includes(c));
}

/**
 * The 9+X figures for the reader's region, from records at the time of asking: members now by county,
 * occupation, platform and union kind; new members per month of the year; participation (members with
 * at least one ledger row in the year) per county and per item against the target share.
 */
export async function computeInclusiveFigures(ctx: AppContext, actor: Actor, q: { year: number; regionCode?: string }): Promise<InclusiveFigures> {
  const { db } = ctx.database;
  const counties = figureCounties(ctx, actor, q.regionCode);
  const [byCounty, byOccupation, byPlatform, byUnionKind, fresh, participation, items] = await Promise.all([
    countMembersBy(db, { by: "county", counties }),
    countMembersBy(db, { by: "occupation", counties }),
    countMembersBy(db, { by: "platform", counties }),
    countMembersBy(db, { by: "unionKind", counties }),
    countNewMembers(db, { year: q.year, counties }),
    countParticipation(db, { year: q.year, counties }),
    listBenefitItems(db),
  ]);
  const membersOf = new Map(byCounty.map((r) => [r.key ?? "", r.count]));
  const members = byCounty.reduce((n, r) => n + r.count, 0);
  const participantsOf = new Map(participation.filter((r) => r.itemCode === null).map((r) => [r.countyCode, r.participants]));
  const participants = [...participantsOf.values()].reduce((a, b) => a + b, 0);
  const months = new Map<string, number>();
  for (const r of fresh) months.set(r.month, (months.get(r.month) ?? 0) + r.count);
  const itemRows = new Map<string, { rows: number; participants: number }>();
  for (const r of participation) {
    if (r.itemCode === null) continue;
    const it = itemRows.get(r.itemCode) ?? { rows: 0, participants: 0 };
    itemRows.set(r.itemCode, { rows: it.rows + r.rows, participants: it.participants + r.participants });
  }
  const top = (rows: { key: string | null; count: number }[]) => rows.slice(0, 12).map((r) => ({ key: r.key ?? "未填写", count: r.count }));
  return {
    year: q.year,
    members,
    newMembersByMonth: Array.from({ length: 12 }, (_, i) => `${q.year}-${String(i + 1).padStart(2, "0")}`).map((month) => ({ month, count: months.get(month) ?? 0 })),
    byCounty: counties
      .map((code) => {
        const m = membersOf.get(code) ?? 0;
        const p = participantsOf.get(code) ?? 0;
        return { code, name: ctx.regions.get(code)?.name ?? code, members: m, participants: p, rate: share(p, m) };
      })
      .filter((r) => r.members > 0 || r.participants > 0),
    byOccupation: top(byOccupation),
    byPlatform: top(byPlatform.filter((r) => r.key !== null)),
    byUnionKind: top(byUnionKind),
    byItem: items.map((it) => {
      const r = itemRows.get(it.code) ?? { rows: 0, participants: 0 };
      return { code: it.code, name: it.name, rows: r.rows, participants: r.participants, rate: share(r.participants, members) };
    }),
    participants,
    participationRate: share(participants, members),
    participationTarget: participationTargetShare,
    computedAt: ctx.now().toISOString(),
  };
}
