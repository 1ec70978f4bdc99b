import { isGoldBlueCollarNominee, prizeForPlace, rankContestants, scoreContestant, type MarkingScheme, type PrizeCounts } from "@jiangxin/domain";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";
import { insertChunked } from "../../../fixtures/insertChunked";
import type { Random } from "../../../fixtures/random";
import { competitionEvents, competitionMarks, competitionPanelMembers, competitionRegistrations, competitionResults, competitions, goldBlueCollars } from "../tables";

const scheme = (gap: number): MarkingScheme => ({
  aspects: [
    { key: "M1", name: "实操技能", kind: "measurement", maxMark: 60, weight: 60 },
    { key: "J1", name: "服务沟通与人文关怀", kind: "judgement", maxMark: 20, weight: 20 },
    { key: "T1", name: "理论知识", kind: "measurement", maxMark: 20, weight: 20 },
  ],
  dropExtremes: true,
  divergenceGap: gap,
  tieBreakers: [{ by: "kindSubtotal", kind: "measurement" }],
});
// 22 prizes over the two events: 1 + 3 + 7 each.
const prizes: PrizeCounts = { first: 1, second: 3, third: 7, merit: 0 };

export type PanelAccounts = { judges: string[]; chief: string; supervisor: string; province: string };

/**
 * 2025年浙江省女职工生活照护职业技能竞赛 as the article tells it: two events (家政经理人 40, 家庭照护员
 * 43 = 83 contestants), 22 prizes, results final; 家政经理人's top three approved as 浙江金蓝领 with
 * certificates, 家庭照护员's still waiting for the province. Contestants are women from the people
 * registry (the sex digit shows in the masked ID), marks generated and ranked by the domain's rules.
 */
export async function loadLifeCare(ctx: AppContext, tx: Db, rnd: Random, panel: PanelAccounts): Promise<{ contestants: number; prizes: number }> {
  const women = await queryRows<{ id: string; county_code: string }>(
    tx,
    sql`select id, county_code from people where substr(resident_id_masked, 17, 1) in ('0','2','4','6','8') and cardinality(platforms) = 0 order by resident_id_hash limit 83`,
  );
  const [province] = await queryRows<{ id: string }>(tx, sql`select id from unions where kind = 'provincial' limit 1`);
  const [c] = await tx
    .insert(competitions)
    .values({ name: "2025年浙江省女职工生活照护职业技能竞赛", tier: "key", level: "province", organiserUnionId: province!.id, year: 2025, startsOn: "2025-10-18", endsOn: "2025-10-19", venue: "杭州市职工文化中心", countyCode: "330106" })
    .returning({ id: competitions.id });
  const events = [
    { name: "家政经理人", tradeCode: "4-10-01-06", tradeName: "家政经理人", people: women.slice(0, 40), approved: true },
    { name: "家庭照护员", tradeCode: "4-10-01-05", tradeName: "家庭照护员", people: women.slice(40, 83), approved: false },
  ];
  let certificate = 0;
  let prizeCount = 0;
  const published = new Date("2025-10-19T09:00:00+08:00");
  for (const ev of events) {
    const s = scheme(4);
    const [e] = await tx
      .insert(competitionEvents)
      .values({
        competitionId: c!.id,
        name: ev.name,
        tradeCode: ev.tradeCode,
        tradeName: ev.tradeName,
        scheme: s,
        prizeCounts: prizes,
        eligibility: { occupations: [], minAge: 18, maxAge: 55, skillLevels: [] },
        status: "final",
        entryNumbersDrawnAt: new Date("2025-10-10T02:00:00Z"),
        judgingOpenedAt: new Date("2025-10-18T00:30:00Z"),
        chiefSignedAt: new Date("2025-10-19T00:40:00Z"),
        chiefSignedBy: panel.chief,
        supervisorSignedAt: new Date("2025-10-19T00:45:00Z"),
        supervisorSignedBy: panel.supervisor,
        publishedAt: published,
        finalAt: new Date(published.getTime() + 2 * 3600_000),
      })
      .returning({ id: competitionEvents.id });
    const eventId = e!.id;
    await tx.insert(competitionPanelMembers).values([
      ...panel.judges.map((userId) => ({ eventId, userId, duty: "judge" as const })),
      { eventId, userId: panel.chief, duty: "chief" as const },
      { eventId, userId: panel.supervisor, duty: "supervisor" as const },
    ]);
    const order = [...ev.people].sort(() => rnd.next() - 0.5);
    const regs = await tx
      .insert(competitionRegistrations)
      .values(ev.people.map((p) => ({ eventId, personId: p.id, countyCode: p.county_code, registeredBy: "union" as const, entryNumber: `A${String(order.indexOf(p) + 1).padStart(3, "0")}`, createdAt: new Date("2025-09-20T02:00:00Z") })))
      .returning({ id: competitionRegistrations.id, personId: competitionRegistrations.personId });
    const marks: (typeof competitionMarks.$inferInsert)[] = [];
    for (const r of regs) {
      const skill = rnd.next();
      const half = (x: number) => Math.round(x * 2) / 2;
      const add = (aspectKey: string, judge: string, mark: number) =>
        marks.push({ eventId, registrationId: r.id, aspectKey, judgeUserId: judge, mark, enteredAt: new Date("2025-10-18T06:00:00Z"), verification: "confirmed", verifiedBy: panel.chief, verifiedAt: new Date("2025-10-18T08:00:00Z") });
      add("M1", panel.judges[0]!, half(36 + skill * 22 + rnd.next() * 2));
      add("T1", panel.judges[1]!, half(11 + skill * 8 + rnd.next()));
      for (const j of panel.judges) add("J1", j, Math.min(20, half(12 + skill * 6 + rnd.next() * 3)));
    }
    await insertChunked(tx, competitionMarks, marks);
    const scores = regs.map((r) =>
      scoreContestant(s, r.id, marks.filter((m) => m.registrationId === r.id).map((m) => ({ aspectKey: m.aspectKey, judgeId: m.judgeUserId, mark: m.mark! }))),
    );
    const ranked = rankContestants(s, scores);
    await tx.insert(competitionResults).values(ranked.map((x) => ({ registrationId: x.contestantId, eventId, total: x.total!, place: x.place, prize: prizeForPlace(prizes, x.place) })));
    prizeCount += ranked.filter((x) => prizeForPlace(prizes, x.place) !== null).length;
    const personOf = new Map(regs.map((r) => [r.id, r.personId]));
    const nominees = ranked.filter((x) => isGoldBlueCollarNominee(x.place));
    await tx.insert(goldBlueCollars).values(
      nominees.map((x) => ({
        eventId,
        registrationId: x.contestantId,
        personId: personOf.get(x.contestantId)!,
        place: x.place,
        year: 2025,
        ...(ev.approved
          ? { status: "approved" as const, certificateNo: `ZJJLL-2025-${String(++certificate).padStart(4, "0")}`, checkToken: randomBytes(12).toString("base64url"), decidedBy: panel.province, decidedAt: new Date("2025-11-05T02:00:00Z") }
          : {}),
      })),
    );
  }
  void ctx;
  return { contestants: women.length, prizes: prizeCount };
}
