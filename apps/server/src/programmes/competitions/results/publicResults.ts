import { prizeLabels, publicEventResultsSchema, type PublicEventResults } from "@jiangxin/domain";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { AppContext, HttpApp } from "../../../platform/context";
import { publicMaxAgeSeconds } from "../../../platform/publicArea";
import { publicRateLimits } from "../../../platform/rateLimit";
import { personBriefs } from "../../../masterData/people";
import { competitionEvents, competitionRegistrations, competitionResults, competitions } from "../tables";

/** Final results of a year's events (公众服务): names, employers, places, totals and prizes; nothing else about the people. */
export async function publicResults(ctx: AppContext, year: number): Promise<PublicEventResults[]> {
  const { db } = ctx.database;
  const events = await db
    .select({ id: competitionEvents.id, eventName: competitionEvents.name, tradeName: competitionEvents.tradeName, finalAt: competitionEvents.finalAt, competitionName: competitions.name, year: competitions.year })
    .from(competitionEvents)
    .innerJoin(competitions, eq(competitions.id, competitionEvents.competitionId))
    .where(eq(competitionEvents.status, "final"))
    .orderBy(desc(competitionEvents.finalAt), asc(competitionEvents.name));
  const ofYear = events.filter((e) => e.year === year);
  if (ofYear.length === 0) return [];
  const rows = await db
    .select({ eventId: competitionResults.eventId, place: competitionResults.place, total: competitionResults.total, prize: competitionResults.prize, personId: competitionRegistrations.personId })
    .from(competitionResults)
    .innerJoin(competitionRegistrations, eq(competitionRegistrations.id, competitionResults.registrationId))
    .where(inArray(competitionResults.eventId, ofYear.map((e) => e.id)))
    .orderBy(asc(competitionResults.place));
  const names = await personBriefs(ctx, db, rows.map((r) => r.personId));
  return ofYear.map((e) => ({
    competitionName: e.competitionName,
    eventName: e.eventName,
    tradeName: e.tradeName,
    year: e.year,
    finalAt: e.finalAt?.toISOString() ?? "",
    rows: rows
      .filter((r) => r.eventId === e.id && r.prize !== null)
      .map((r) => ({ place: r.place, name: names.get(r.personId)?.name ?? "", employerName: names.get(r.personId)?.employerName ?? null, total: r.total, prize: r.prize ? prizeLabels[r.prize] : null })),
  }));
}

export function publicResultRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/public/competition-results",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: { tags: ["公众服务 public"], summary: "职业技能竞赛获奖名单(成绩确定后公开)", querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: z.array(publicEventResultsSchema) } },
    },
    async (request, reply) => {
      void reply.header("cache-control", `public, max-age=${publicMaxAgeSeconds}`);
      return publicResults(ctx, request.query.year ?? Number(ctx.now().toISOString().slice(0, 4)));
    },
  );
}
