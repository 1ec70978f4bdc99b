import type { EventView, JudgingEvent } from "@jiangxin/domain";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { competitionEvents, competitionMarks, competitionPanelMembers, competitions } from "../tables";
import { contestantCounts, findEvent, isOrganiser, toEvent } from "./eventRecords";
import { dutiesOf } from "../panels/panelService";

export async function eventView(ctx: AppContext, actor: Actor, eventId: string): Promise<EventView> {
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  const counts = await contestantCounts(db, [eventId]);
  return {
    event: toEvent(event, counts.get(eventId) ?? 0),
    competitionId: competition.id,
    competitionName: competition.name,
    organiser: isOrganiser(actor, competition),
    duties: await dutiesOf(db, eventId, actor.userId),
  };
}

/** The events the reader sits on the panel of (a judge's 评分任务 list, with what is left to do), newest competition first. */
export async function myPanelEvents(ctx: AppContext, actor: Actor): Promise<JudgingEvent[]> {
  const { db } = ctx.database;
  const rows = await db
    .select({ event: competitionEvents, competition: competitions, duty: competitionPanelMembers.duty })
    .from(competitionPanelMembers)
    .innerJoin(competitionEvents, eq(competitionEvents.id, competitionPanelMembers.eventId))
    .innerJoin(competitions, eq(competitions.id, competitionEvents.competitionId))
    .where(eq(competitionPanelMembers.userId, actor.userId))
    .orderBy(asc(competitions.startsOn));
  const ids = rows.map((r) => r.event.id);
  const counts = await contestantCounts(db, ids);
  const mine = ids.length
    ? await db
        .select({
          eventId: competitionMarks.eventId,
          allocated: sql<number>`count(*) filter (where ${competitionMarks.judgeUserId} = ${actor.userId})::int`,
          entered: sql<number>`count(${competitionMarks.mark}) filter (where ${competitionMarks.judgeUserId} = ${actor.userId})::int`,
          toVerify: sql<number>`count(*) filter (where ${competitionMarks.judgeUserId} <> ${actor.userId} and ${competitionMarks.mark} is not null and ${competitionMarks.verification} = 'pending')::int`,
        })
        .from(competitionMarks)
        .where(inArray(competitionMarks.eventId, ids))
        .groupBy(competitionMarks.eventId)
    : [];
  const progress = new Map(mine.map((m) => [m.eventId, { allocated: m.allocated, entered: m.entered, toVerify: m.toVerify }]));
  return rows.reverse().map((r) => ({
    progress: progress.get(r.event.id) ?? { allocated: 0, entered: 0, toVerify: 0 },
    event: toEvent(r.event, counts.get(r.event.id) ?? 0),
    competitionId: r.competition.id,
    competitionName: r.competition.name,
    startsOn: r.competition.startsOn,
    organiser: isOrganiser(actor, r.competition),
    duties: [r.duty],
  }));
}
