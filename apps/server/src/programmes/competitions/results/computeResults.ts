import { prizeForPlace, rankContestants, scoreContestant, type EventResults, type ResultRow } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { personBriefs, type PersonBrief } from "../../../masterData/people";
import { competitionMarks, competitionRegistrations } from "../tables";
import { contestantCounts, findEvent, toEvent } from "../events/eventRecords";

/**
 * An event's results computed from its marks now (draft to final alike): the same domain functions
 * rank them everywhere, so an upheld appeal's corrected mark re-ranks by itself.
 */
export async function computeResults(ctx: AppContext, db: Db, eventId: string, opts: { names: boolean }): Promise<EventResults> {
  const { event, competition } = await findEvent(db, eventId);
  const regs = await db.select().from(competitionRegistrations).where(and(eq(competitionRegistrations.eventId, eventId), eq(competitionRegistrations.status, "registered")));
  const marks = await db.select().from(competitionMarks).where(eq(competitionMarks.eventId, eventId));
  const scheme = event.scheme;
  const scores = regs.map((r) =>
    scoreContestant(
      scheme,
      r.id,
      marks.filter((m) => m.registrationId === r.id && m.mark !== null).map((m) => ({ aspectKey: m.aspectKey, judgeId: m.judgeUserId, mark: m.mark! })),
    ),
  );
  const ranked = new Map(rankContestants(scheme, scores).map((r) => [r.contestantId, r]));
  const briefs = opts.names ? await personBriefs(ctx, db, regs.map((r) => r.personId)) : new Map<string, PersonBrief>();
  const rows: ResultRow[] = regs.map((r, i) => {
    const s = scores[i]!;
    const k = ranked.get(r.id);
    const p = briefs.get(r.personId);
    return {
      registrationId: r.id,
      entryNumber: r.entryNumber,
      personName: p?.name ?? "",
      employerName: p?.employerName ?? null,
      total: s.total,
      place: k?.place ?? null,
      shared: k?.shared ?? false,
      prize: k ? prizeForPlace(event.prizeCounts, k.place) : null,
      aspects: s.aspects.map((a) => ({ key: a.key, score: a.score, weighted: a.weighted, divergent: a.divergent, spread: a.spread, counted: a.counted, dropped: a.dropped })),
      divergentAspects: s.divergentAspects,
    };
  });
  rows.sort((a, b) => (a.place ?? 1e9) - (b.place ?? 1e9) || (a.entryNumber ?? "").localeCompare(b.entryNumber ?? ""));
  const allocated = marks.length;
  const windowEnds = event.publishedAt ? new Date(event.publishedAt.getTime() + event.appealWindowMinutes * 60_000).toISOString() : null;
  return {
    event: toEvent(event, (await contestantCounts(db, [eventId])).get(eventId) ?? 0),
    competitionName: competition.name,
    rows,
    marksExpected: allocated,
    marksEntered: marks.filter((m) => m.mark !== null).length,
    marksConfirmed: marks.filter((m) => m.verification === "confirmed").length,
    appealWindowEndsAt: windowEnds,
  };
}
