import type { StatFigures } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import type { IndicatorCounts, IndicatorQuery } from "../../../platform/programme";
import { campaigns } from "../campaigns/tables";
import { computeFigures } from "../stats/computeFigures";

type Field = Exclude<keyof StatFigures, "benefitVerifiedYuan">;

const yearly: Record<string, Field> = {
  "flagship.sessions": "sessions",
  "flagship.expertParticipations": "expertParticipations",
  "flagship.enterprisesServed": "enterprisesServed",
  "flagship.problemsSolved": "problemsSolved",
  "flagship.workerTrainings": "workerTrainings",
  "flagship.benefitEstimatedYuan": "benefitEstimatedYuan",
};

/**
 * The flagship's 驾驶舱 figures per county: the yearly report's figures (the same queries as 统计,
 * so they agree), and the year's campaigns' sessions and trainings (the 专项行动 targets).
 */
export async function countFlagshipIndicators(ctx: AppContext, q: IndicatorQuery): Promise<IndicatorCounts> {
  const { db } = ctx.database;
  const counties = q.counties ?? ctx.regions.countiesUnder("330000");
  const byCounty = { kind: "region" as const, regionOf: new Map(counties.map((c) => [c, c])) };
  const filter = { year: q.year, before: q.before, counties };
  const [figures, yearCampaigns] = await Promise.all([
    computeFigures(db, filter, byCounty),
    db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.year, q.year)),
  ]);
  const perCampaign = await Promise.all(yearCampaigns.map((c) => computeFigures(db, { ...filter, campaignId: c.id }, byCounty)));

  const out = new Map<string, Map<string, number>>();
  for (const [key, field] of Object.entries(yearly)) {
    out.set(key, new Map([...figures].map(([county, f]) => [county, Number(f[field])])));
  }
  const sum = (field: "sessions" | "workerTrainings") => {
    const m = new Map<string, number>();
    for (const fig of perCampaign) for (const [county, f] of fig) m.set(county, (m.get(county) ?? 0) + f[field]);
    return m;
  };
  out.set("flagship.campaignSessions", sum("sessions"));
  out.set("flagship.campaignTrainings", sum("workerTrainings"));
  return out;
}
