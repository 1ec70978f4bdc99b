import { and, eq, gte, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import type { IndicatorCounts, IndicatorQuery } from "../../../platform/programme";
import { competitionEvents, competitionRegistrations, competitionResults, competitions, goldBlueCollars } from "../tables";

/**
 * 职业技能竞赛's figures per county (docs/competitions.md): competitions by where they are held and
 * their first day in the year (so far: before `before`); contestants, prize-winners and 金蓝领 by
 * where the contestant works (registrations.county_code, copied from the person at registration).
 */
export async function countCompetitionIndicators(ctx: AppContext, q: IndicatorQuery): Promise<IndicatorCounts> {
  const { db } = ctx.database;
  const inYear: SQL[] = [gte(competitions.startsOn, `${q.year}-01-01`), lt(competitions.startsOn, q.before && q.before < `${q.year + 1}-01-01` ? q.before : `${q.year + 1}-01-01`)];
  const compCounty = q.counties ? [inArray(competitions.countyCode, q.counties.length ? q.counties : ["-"])] : [];
  const regCounty = q.counties ? [inArray(competitionRegistrations.countyCode, q.counties.length ? q.counties : ["-"])] : [];

  const [comps, contestants, winners, gbc] = await Promise.all([
    db
      .select({
        county: competitions.countyCode,
        provincial: sql<number>`count(*) filter (where ${competitions.level} = 'province')::int`,
        all: sql<number>`count(*)::int`,
        key: sql<number>`count(*) filter (where ${competitions.tier} = 'key')::int`,
        model: sql<number>`count(*) filter (where ${competitions.tier} = 'model')::int`,
      })
      .from(competitions)
      .where(and(...inYear, ...compCounty))
      .groupBy(competitions.countyCode),
    db
      .select({ county: competitionRegistrations.countyCode, n: sql<number>`count(*)::int` })
      .from(competitionRegistrations)
      .innerJoin(competitionEvents, eq(competitionEvents.id, competitionRegistrations.eventId))
      .innerJoin(competitions, eq(competitions.id, competitionEvents.competitionId))
      .where(and(...inYear, ...regCounty, eq(competitionRegistrations.status, "registered")))
      .groupBy(competitionRegistrations.countyCode),
    db
      .select({ county: competitionRegistrations.countyCode, n: sql<number>`count(*)::int` })
      .from(competitionResults)
      .innerJoin(competitionRegistrations, eq(competitionRegistrations.id, competitionResults.registrationId))
      .innerJoin(competitionEvents, eq(competitionEvents.id, competitionResults.eventId))
      .innerJoin(competitions, eq(competitions.id, competitionEvents.competitionId))
      .where(and(...inYear, ...regCounty, isNotNull(competitionResults.prize)))
      .groupBy(competitionRegistrations.countyCode),
    db
      .select({ county: competitionRegistrations.countyCode, n: sql<number>`count(*)::int` })
      .from(goldBlueCollars)
      .innerJoin(competitionRegistrations, eq(competitionRegistrations.id, goldBlueCollars.registrationId))
      .where(and(eq(goldBlueCollars.year, q.year), eq(goldBlueCollars.status, "approved"), ...regCounty, ...(q.before ? [lt(goldBlueCollars.decidedAt, new Date(`${q.before}T00:00:00+08:00`))] : [])))
      .groupBy(competitionRegistrations.countyCode),
  ]);
  const m = (rows: { county: string; n: number }[]) => new Map(rows.map((r) => [r.county, r.n]));
  return new Map<string, Map<string, number>>([
    ["competitions.provincial", new Map(comps.map((r) => [r.county, r.provincial]))],
    ["competitions.townshipPlus", new Map(comps.map((r) => [r.county, r.all]))],
    ["competitions.keyTier", new Map(comps.map((r) => [r.county, r.key]))],
    ["competitions.modelTier", new Map(comps.map((r) => [r.county, r.model]))],
    ["competitions.contestants", m(contestants)],
    ["competitions.prizeWinners", m(winners)],
    ["competitions.goldBlueCollar", m(gbc)],
  ]);
}
