import { competitionStatsSchema, errorBodySchema, type CompetitionStats } from "@jiangxin/domain";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { visibleCounties } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { AppError } from "../../../platform/errors";
import { personBriefs } from "../../../masterData/people";
import { competitionEvents, competitionRegistrations, competitionResults, competitions, goldBlueCollars } from "../tables";

type Count = { contestants: number; winners: number };

/**
 * Contestants and prize-winners of a year's competitions by city (where they work), trade and sex,
 * and 金蓝领 per year, within the reader's region (staff only: these are people, counted).
 */
export async function competitionStats(ctx: AppContext, actor: Actor, year: number): Promise<CompetitionStats> {
  const counties = visibleCounties(actor);
  if (actor.scope.kind !== "all" && actor.scope.kind !== "counties") throw new AppError("FORBIDDEN", "竞赛统计面向工会工作人员");
  const inScope: SQL[] = counties === "all" ? [] : [counties.length ? inArray(competitionRegistrations.countyCode, [...counties]) : sql`false`];
  const { db } = ctx.database;
  const rows = await db
    .select({ personId: competitionRegistrations.personId, county: competitionRegistrations.countyCode, tradeName: competitionEvents.tradeName, prize: competitionResults.prize })
    .from(competitionRegistrations)
    .innerJoin(competitionEvents, eq(competitionEvents.id, competitionRegistrations.eventId))
    .innerJoin(competitions, eq(competitions.id, competitionEvents.competitionId))
    .leftJoin(competitionResults, eq(competitionResults.registrationId, competitionRegistrations.id))
    .where(and(eq(competitions.year, year), eq(competitionRegistrations.status, "registered"), ...inScope));
  const briefs = await personBriefs(ctx, db, rows.map((r) => r.personId));
  const tally = <K extends string>(key: (r: (typeof rows)[number]) => K) => {
    const m = new Map<K, Count>();
    for (const r of rows) {
      const c = m.get(key(r)) ?? { contestants: 0, winners: 0 };
      c.contestants += 1;
      if (r.prize) c.winners += 1;
      m.set(key(r), c);
    }
    return m;
  };
  const city = (county: string) => ctx.regions.get(county)?.parentCode ?? county;
  const byCity = [...tally((r) => city(r.county))].map(([code, c]) => ({ code, name: ctx.regions.get(code)?.name ?? code, ...c })).sort((a, b) => a.code.localeCompare(b.code));
  const byTrade = [...tally((r) => r.tradeName)].map(([tradeName, c]) => ({ tradeName, ...c })).sort((a, b) => b.contestants - a.contestants);
  const bySex = [...tally((r) => briefs.get(r.personId)?.sex ?? "unknown")].map(([sex, c]) => ({ sex, ...c }));
  const gbc = await db
    .select({ year: goldBlueCollars.year, approved: sql<number>`count(*)::int` })
    .from(goldBlueCollars)
    .innerJoin(competitionRegistrations, eq(competitionRegistrations.id, goldBlueCollars.registrationId))
    .where(and(eq(goldBlueCollars.status, "approved"), ...inScope))
    .groupBy(goldBlueCollars.year)
    .orderBy(goldBlueCollars.year);
  return { year, byCity, byTrade, bySex, goldBlueCollarByYear: gbc };
}

export function statsRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/competitions/stats",
    { config: { permission: "competition.write" }, schema: { tags: ["职业技能竞赛 competitions"], summary: "竞赛统计：选手与获奖者按市、职业、性别，金蓝领按年度", querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: competitionStatsSchema, 403: errorBodySchema } } },
    (request) => competitionStats(ctx, actorOfRequest(request), request.query.year),
  );
}
