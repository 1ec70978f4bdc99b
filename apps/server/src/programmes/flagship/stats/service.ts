import { nextDay, todayInChina } from "@jiangxin/domain";
import type { StatFigures, StatsByRegion, StatsByRegionQuery, StatsMonthly, StatsQuery, StatsRegionRow, StatsSummary } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { concernsActor } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { notFound } from "../../../platform/errors";
import { campaigns } from "../campaigns/tables";
import { countiesFor } from "../../../platform/countiesFor";
import { computeFigures, zeroFigures } from "./computeFigures";
import { samePeriodLastYear } from "./samePeriodLastYear";

/** The region a statistic is about when none is asked for: the caller's own. */
const regionOf = (actor: Actor, regionCode: string | undefined) => regionCode ?? actor.regionCode ?? "330000";

/**
 * 404 for a campaign the actor may not see. Cheaper than campaigns/getCampaign, which also computes
 * the campaign's progress; the visibility rule is the same `concernsActor`.
 */
async function checkCampaign(ctx: AppContext, actor: Actor, campaignId: string | undefined): Promise<void> {
  if (!campaignId) return;
  const [row] = await ctx.database.db.select({ owner: campaigns.ownerRegionCode }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!row || !concernsActor(actor, row.owner, ctx.regions)) throw notFound("专项行动");
}

export async function statsSummary(ctx: AppContext, actor: Actor, q: StatsQuery): Promise<StatsSummary> {
  const counties = countiesFor(actor, ctx.regions, q.regionCode);
  await checkCampaign(ctx, actor, q.campaignId);
  const label = { regionCode: regionOf(actor, q.regionCode), campaignId: q.campaignId ?? null };
  const through = samePeriodLastYear(q.year, todayInChina(ctx.now()));
  const filter = { counties, campaignId: q.campaignId };
  let current: StatFigures;
  let previous: StatFigures;
  if (through) {
    // The current year so far against last year to the same day: two passes.
    const [now, then] = await Promise.all([
      computeFigures(ctx.database.db, { ...filter, year: q.year }, { kind: "total" }),
      computeFigures(ctx.database.db, { ...filter, year: q.year - 1, before: nextDay(through) }, { kind: "total" }),
    ]);
    current = now.get("all") ?? zeroFigures;
    previous = then.get("all") ?? zeroFigures;
  } else {
    // Both whole years in one pass over each fact table, grouped by year.
    const byYear = await computeFigures(ctx.database.db, { ...filter, year: q.year, fromYear: q.year - 1 }, { kind: "year" });
    current = byYear.get(String(q.year)) ?? zeroFigures;
    previous = byYear.get(String(q.year - 1)) ?? zeroFigures;
  }
  return { current: { ...label, year: q.year, ...current }, previous: { ...label, year: q.year - 1, ...previous }, previousThrough: through };
}

export async function statsMonthly(ctx: AppContext, actor: Actor, q: StatsQuery): Promise<StatsMonthly> {
  const counties = countiesFor(actor, ctx.regions, q.regionCode);
  await checkCampaign(ctx, actor, q.campaignId);
  const byMonth = await computeFigures(ctx.database.db, { year: q.year, counties, campaignId: q.campaignId }, { kind: "month" });
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...(byMonth.get(String(i + 1)) ?? zeroFigures) }));
  return { year: q.year, regionCode: regionOf(actor, q.regionCode), campaignId: q.campaignId ?? null, months };
}

/**
 * The region's figures and its children's (or every county's, for the map). Each visible county is
 * mapped to the row it rolls up into and counted in one grouped pass, so the rows' additive figures
 * add up to `total` by construction; enterprises served are distinct per row.
 */
export async function statsByRegion(ctx: AppContext, actor: Actor, q: StatsByRegionQuery): Promise<StatsByRegion> {
  const code = regionOf(actor, q.regionCode);
  const counties = countiesFor(actor, ctx.regions, code);
  await checkCampaign(ctx, actor, q.campaignId);
  const region = ctx.regions.get(code);
  const visible = new Set(counties ?? ctx.regions.countiesUnder(code));
  const rowCodes = q.depth === "counties" || region?.level === "county" ? ctx.regions.countiesUnder(code) : ctx.regions.children(code).map((c) => c.code);
  const regionOfCounty = new Map<string, string>();
  for (const row of rowCodes) {
    for (const county of ctx.regions.countiesUnder(row)) if (visible.has(county)) regionOfCounty.set(county, row);
  }
  const filter = { year: q.year, counties, campaignId: q.campaignId };
  const byRow = await computeFigures(ctx.database.db, filter, { kind: "region", regionOf: regionOfCounty }, { withTotal: true });
  const total = byRow.get("total") ?? { ...zeroFigures };
  const midYear = `${q.year}-07-01`;
  const shown = new Set(regionOfCounty.values());
  const rows: StatsRegionRow[] = rowCodes
    .filter((c) => shown.has(c))
    .map((c) => {
      const r = ctx.regions.get(c);
      return { code: c, name: r?.name ?? c, level: r?.level ?? "county", parentCode: r?.parentCode ?? null, priority: ctx.regions.priorityOn(c, midYear), ...(byRow.get(c) ?? zeroFigures) };
    });
  return { year: q.year, regionCode: code, campaignId: q.campaignId ?? null, depth: q.depth, total, rows };
}
