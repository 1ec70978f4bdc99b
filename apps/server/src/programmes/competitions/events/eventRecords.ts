import type { Competition, CompetitionEvent } from "@jiangxin/domain";
import { and, count, eq, inArray } from "drizzle-orm";
import { coversCounty } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError, notFound } from "../../../platform/errors";
import { unions } from "../../../masterData/unions";
import { competitionEvents, competitionRegistrations, competitions } from "../tables";

export type CompetitionRow = typeof competitions.$inferSelect;
export type EventRow = typeof competitionEvents.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function contestantCounts(db: Db, eventIds: string[]): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ eventId: competitionRegistrations.eventId, n: count() })
    .from(competitionRegistrations)
    .where(and(inArray(competitionRegistrations.eventId, eventIds), eq(competitionRegistrations.status, "registered")))
    .groupBy(competitionRegistrations.eventId);
  return new Map(rows.map((r) => [r.eventId, r.n]));
}

export function toEvent(e: EventRow, contestants: number): CompetitionEvent {
  return {
    id: e.id,
    competitionId: e.competitionId,
    name: e.name,
    tradeCode: e.tradeCode,
    tradeName: e.tradeName,
    scheme: e.scheme,
    prizeCounts: e.prizeCounts,
    eligibility: e.eligibility,
    appealWindowMinutes: e.appealWindowMinutes,
    status: e.status,
    judgingOpenedAt: iso(e.judgingOpenedAt),
    entryNumbersDrawn: e.entryNumbersDrawnAt !== null,
    chiefSignedAt: iso(e.chiefSignedAt),
    supervisorSignedAt: iso(e.supervisorSignedAt),
    publishedAt: iso(e.publishedAt),
    finalAt: iso(e.finalAt),
    contestants,
  };
}

export async function toCompetition(ctx: AppContext, db: Db, c: CompetitionRow, events: EventRow[]): Promise<Competition> {
  const [u] = await db.select({ name: unions.name }).from(unions).where(eq(unions.id, c.organiserUnionId));
  const counts = await contestantCounts(db, events.map((e) => e.id));
  return {
    id: c.id,
    name: c.name,
    tier: c.tier,
    level: c.level,
    organiserUnionId: c.organiserUnionId,
    organiserUnionName: u?.name ?? "",
    year: c.year,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    venue: c.venue,
    countyCode: c.countyCode,
    countyName: ctx.regions.get(c.countyCode)?.name ?? c.countyCode,
    events: events.map((e) => toEvent(e, counts.get(e.id) ?? 0)),
  };
}

export async function findCompetition(db: Db, id: string): Promise<CompetitionRow> {
  const [c] = await db.select().from(competitions).where(eq(competitions.id, id));
  if (!c) throw notFound("竞赛");
  return c;
}

/** An event and its competition (competitions are announced to every account; what is inside is scoped further). */
export async function findEvent(db: Db, id: string): Promise<{ event: EventRow; competition: CompetitionRow }> {
  const [row] = await db
    .select({ event: competitionEvents, competition: competitions })
    .from(competitionEvents)
    .innerJoin(competitions, eq(competitions.id, competitionEvents.competitionId))
    .where(eq(competitionEvents.id, id));
  if (!row) throw notFound("赛项");
  return row;
}

/** The organiser's staff: a staff account whose region covers where the competition is held. */
export function isOrganiser(actor: Actor, c: CompetitionRow): boolean {
  return (actor.role === "province" || actor.role === "city" || actor.role === "county") && coversCounty(actor, c.countyCode);
}

export function requireOrganiser(actor: Actor, c: CompetitionRow): void {
  if (!isOrganiser(actor, c)) throw new AppError("FORBIDDEN", "只有举办地所在辖区的工会工作人员可以管理该竞赛");
}
