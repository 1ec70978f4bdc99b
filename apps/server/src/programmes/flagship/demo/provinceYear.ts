import type { AppContext } from "../../../platform/context";
import { firmsNeeded, planSessions, type YearTargets } from "./planSessions";
import { makePopulation, type Population } from "./provincePopulation";
import { seededRandom } from "../../../fixtures/random";
import { makeYearActivity } from "./yearActivity";
import { insertYearRows, type YearRows } from "./yearRows";

/** What the provincial federation reported for one year (the newspaper page in shared/mission). */
export const articleFigures = {
  sessions: 2352,
  expertParticipations: 7745,
  enterprisesServed: 5654,
  problemsSolved: 6568,
  workerTrainings: 107_000,
  /** "产生经济效益超13亿元" */
  benefitYuan: 1_310_000_000,
};

export type ProvinceYearOptions = { year: number; scale: number; seed: number };
export type ProvinceYearSummary = typeof articleFigures & { experts: number; enterprises: number; problems: number; agreements: number; campaignId: string };

/** The article's figures × `factor`, rounded; at least one session. */
export function scaledTargets(factor: number): YearTargets {
  return {
    sessions: Math.max(1, Math.round(articleFigures.sessions * factor)),
    expertParticipations: Math.round(articleFigures.expertParticipations * factor),
    enterprisesServed: Math.round(articleFigures.enterprisesServed * factor),
    problemsSolved: Math.round(articleFigures.problemsSolved * factor),
    workerTrainings: Math.round(articleFigures.workerTrainings * factor),
    benefitYuan: Math.round(articleFigures.benefitYuan * factor),
  };
}

/**
 * One finished province-year of 劳模工匠助企行 at `scale` × the article's volume, with the
 * population it draws on, not yet inserted. Spread over the 90 counties with more work in the
 * priority counties; the figures match the article exactly at scale 1 (sessions, participations,
 * enterprises served, problems solved, trainings, benefit). Deterministic for a seed: the plan, the
 * population and the activity share one stream, drawn in that order.
 */
export function generateProvinceYear(ctx: AppContext, opts: ProvinceYearOptions): { population: Population; rows: YearRows; summary: ProvinceYearSummary } {
  const rnd = seededRandom(opts.seed);
  const { year, scale } = opts;
  const target = scaledTargets(scale);
  const counties = ctx.regions.countiesUnder("330000");
  const isPriority = (code: string) => ctx.regions.priorityOn(code, `${year}-07-01`).length > 0;
  const plan = planSessions(counties, isPriority, target, rnd);
  const population = makePopulation(ctx, { year, scale, counties, isPriority, firmsNeeded: firmsNeeded(counties, plan) }, rnd);

  // Every served firm is visited once in the year, in the order the population made them.
  const cursor = new Map<string, number>();
  const firmsFor = (county: string, count: number) => {
    const start = cursor.get(county) ?? 0;
    cursor.set(county, start + count);
    return (population.firmsByCounty.get(county) ?? []).slice(start, start + count);
  };
  const yearStart = Date.parse(`${year}-01-01T00:00:00Z`);
  const { rows, campaignId } = makeYearActivity(
    ctx,
    {
      year,
      target,
      plan,
      population,
      campaignQuota: Math.max(1, Math.round(36 * scale)),
      waitingCount: Math.round(300 * scale),
      agreementCount: Math.round(300 * scale),
      lastSessionDay: 350,
      // Problems still waiting at the year's end came in over its second half.
      waitingDay: (r) => new Date(yearStart + r.int(200, 364) * 86_400_000).toISOString().slice(0, 10),
      firmsFor,
    },
    rnd,
    seededRandom(opts.seed ^ 0x7ea3),
  );
  const summary: ProvinceYearSummary = {
    ...target,
    experts: population.expertRows.length,
    enterprises: population.enterpriseRows.length,
    problems: rows.problems.length,
    agreements: rows.agreements.length,
    campaignId,
  };
  return { population, rows, summary };
}

/** Generates one finished province-year (generateProvinceYear) and inserts it. */
export async function loadProvinceYear(ctx: AppContext, opts: ProvinceYearOptions): Promise<ProvinceYearSummary> {
  const { population, rows, summary } = generateProvinceYear(ctx, opts);
  await ctx.database.db.transaction((tx) => insertYearRows(tx, population, [rows]));
  return summary;
}
