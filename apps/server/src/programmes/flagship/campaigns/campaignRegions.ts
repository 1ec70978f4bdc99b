import { type CampaignRegionRow, type CampaignRegions, campaignTargetsSchema, type StatFigures, yearElapsed } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { concernsActor, coversCounty } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { notFound } from "../../../platform/errors";
import type { RegionDirectory } from "../../../platform/regions/regionDirectory";
import { computeFigures, zeroFigures } from "../stats/computeFigures";
import { campaigns } from "./tables";

type Targets = z.infer<typeof campaignTargetsSchema>;
type TargetKey = keyof Targets;
const targetKeys: readonly TargetKey[] = ["sessions", "trainees", "enterprises", "problemsSolved"];

/**
 * The counties a campaign covers: its regions' counties (the whole province when it names none),
 * kept to the priority counties of 1 July of its year when it is priority-only.
 */
export function campaignCounties(regions: RegionDirectory, c: { regionCodes: string[]; priorityOnly: boolean; year: number }): string[] {
  const codes = c.regionCodes.length > 0 ? c.regionCodes : ["330000"];
  const counties = [...new Set(codes.flatMap((code) => regions.countiesUnder(code)))];
  return c.priorityOnly ? counties.filter((code) => regions.priorityOn(code, `${c.year}-07-01`).length > 0) : counties;
}


/**
 * Each county's progress against an even share of every target (target ÷ the campaign's county
 * count), rated by its weakest target: 领先 when that is at least the year's pace, 落后 below it.
 * Counts use the statistics queries, so a county's figures are the campaign's records located there.
 */
export async function campaignRegions(ctx: AppContext, actor: Actor, id: string): Promise<CampaignRegions> {
  const [row] = await ctx.database.db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!row || !concernsActor(actor, row.ownerRegionCode, ctx.regions)) throw notFound("专项行动");
  const all = campaignCounties(ctx.regions, row);
  const visible = all.filter((code) => coversCounty(actor, code));
  const byCounty =
    visible.length === 0
      ? new Map<string, StatFigures>()
      : await computeFigures(ctx.database.db, { year: row.year, counties: visible, campaignId: row.id }, { kind: "region", regionOf: new Map(visible.map((c) => [c, c])) });
  const pace = yearElapsed(row.year, ctx.now()); // share of the campaign's year gone by
  const setKeys = targetKeys.filter((k) => row.targets[k] !== undefined);
  const share: CampaignRegionRow["share"] = Object.fromEntries(setKeys.map((k) => [k, (row.targets[k] ?? 0) / Math.max(1, all.length)]));
  const midYear = `${row.year}-07-01`;

  const rows: CampaignRegionRow[] = visible.map((code) => {
    const f = byCounty.get(code) ?? zeroFigures;
    const progress = { sessions: f.sessions, trainees: f.workerTrainings, enterprises: f.enterprisesServed, problemsSolved: f.problemsSolved };
    // A zero share is met by definition, as a zero target is on the campaign's own bars.
    const ratios = setKeys.map((k) => ((share[k] ?? 0) === 0 ? 1 : progress[k] / (share[k] ?? 1)));
    const ratio = ratios.length === 0 ? null : Math.round(Math.min(...ratios) * 10_000) / 10_000;
    const status = ratio === null || pace === 0 ? null : ratio >= pace ? "ahead" : "behind";
    const region = ctx.regions.get(code);
    const city = region?.parentCode ? ctx.regions.get(region.parentCode) : undefined;
    return { code, name: region?.name ?? code, cityName: city?.name ?? null, priority: ctx.regions.priorityOn(code, midYear), progress, share, ratio, status };
  });
  // Behind first, the furthest behind at the top; without targets, the fewest sessions first.
  rows.sort((a, b) => (a.ratio ?? a.progress.sessions) - (b.ratio ?? b.progress.sessions) || a.progress.sessions - b.progress.sessions || a.code.localeCompare(b.code));
  return { campaignId: row.id, year: row.year, counties: all.length, pace, rows };
}
