import type { CompetitionEvent, PanelDuty } from "@jiangxin/domain";
import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { competitionEvents, competitionPanelMembers, competitions } from "../tables";
import { contestantCounts, findEvent, isOrganiser, toEvent } from "./eventRecords";
import { dutiesOf } from "../panels/panelService";

export type EventView = {
  event: CompetitionEvent;
  competitionId: string;
  competitionName: string;
  /** What the reader may do here: the pages show the buttons that match. */
  organiser: boolean;
  duties: PanelDuty[];
};

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

/** The events the reader sits on the panel of (a judge's 评分任务 list), newest competition first. */
export async function myPanelEvents(ctx: AppContext, actor: Actor): Promise<(EventView & { startsOn: string })[]> {
  const { db } = ctx.database;
  const rows = await db
    .select({ event: competitionEvents, competition: competitions, duty: competitionPanelMembers.duty })
    .from(competitionPanelMembers)
    .innerJoin(competitionEvents, eq(competitionEvents.id, competitionPanelMembers.eventId))
    .innerJoin(competitions, eq(competitions.id, competitionEvents.competitionId))
    .where(eq(competitionPanelMembers.userId, actor.userId))
    .orderBy(asc(competitions.startsOn));
  const counts = await contestantCounts(db, rows.map((r) => r.event.id));
  return rows.reverse().map((r) => ({
    event: toEvent(r.event, counts.get(r.event.id) ?? 0),
    competitionId: r.competition.id,
    competitionName: r.competition.name,
    startsOn: r.competition.startsOn,
    organiser: isOrganiser(actor, r.competition),
    duties: [r.duty],
  }));
}
