import {
  isOpenProblemStatus,
  transitionsFrom,
  type OverdueQuery,
  type ProblemDetail,
  type ProblemListQuery,
} from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { hasPermission, mayAssignExperts } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { notFound } from "../../../platform/errors";
import { eventsOf, findProblem, listIdleProblems, listProblems, teamMembersOf, toProblem } from "./queries";
import { problemScope } from "./problemScope";
import { problemRatings } from "./tables";

const dayMs = 24 * 3600 * 1000;

function countiesOf(ctx: AppContext, regionCode: string | undefined): string[] | undefined {
  if (!regionCode) return undefined;
  ctx.regions.require(regionCode);
  return ctx.regions.countiesUnder(regionCode);
}

export async function listProblemsForActor(ctx: AppContext, actor: Actor, query: ProblemListQuery) {
  const { rows, total } = await listProblems(
    ctx.database.db,
    {
      scope: problemScope(actor),
      q: query.q,
      status: query.status,
      counties: countiesOf(ctx, query.regionCode),
      enterpriseId: query.enterpriseId,
      expertId: query.expertId,
      open: query.open,
      includeVoided: query.showVoided,
    },
    { page: query.page, pageSize: query.pageSize },
  );
  return { items: rows.map((r) => toProblem(r, ctx.regions)), total, page: query.page, pageSize: query.pageSize };
}

/** The problem, its timeline, and what this actor may do with it now. Pass `tx` inside a transaction. */
export async function problemDetailFor(ctx: AppContext, actor: Actor, id: string, db: Db = ctx.database.db): Promise<ProblemDetail> {
  const row = await findProblem(db, problemScope(actor), id);
  if (!row) throw notFound("难题");
  const problem = toProblem(row, ctx.regions);
  // One after the other: `db` may be a transaction, which runs one statement at a time.
  const events = await eventsOf(db, ctx.regions, id);
  const [rating] = await db.select().from(problemRatings).where(eq(problemRatings.problemId, id));
  const teamMembers = await teamMembersOf(db, ctx.regions, id);
  // Scoping already limits an expert to the problems it owns, so the table's roles are the whole rule.
  // A voided problem is history: no moves, notes or team changes are offered (the server refuses them too).
  const live = problem.voided === null;
  const moves = live && hasPermission(actor, "problem.move")
    ? transitionsFrom(problem.status, actor.role).map((t) => ({ to: t.to, label: t.label, noteRequired: t.noteRequired ?? false, needsOwner: t.needsOwner ?? false }))
    : [];
  return {
    ...problem,
    teamMembers,
    canManageTeam: live && mayAssignExperts(actor) && isOpenProblemStatus(problem.status),
    events,
    moves,
    canNote: live && hasPermission(actor, "problem.move") && isOpenProblemStatus(problem.status),
    canRate: hasPermission(actor, "problem.rate") && problem.status === "solved" && !rating,
    rating: rating ? { score: rating.score, comment: rating.comment, at: rating.at.toISOString() } : null,
  };
}

/**
 * Open problems with no activity for more than `days` days, the longest quiet first. Activity is any
 * timeline event, a move or a progress note: notes logged every week mean someone is working on it.
 */
export async function overdueForActor(ctx: AppContext, actor: Actor, query: OverdueQuery) {
  const days = query.days ?? ctx.config.overdueDays;
  const now = ctx.now();
  const { rows, total } = await listIdleProblems(
    ctx.database.db,
    { scope: problemScope(actor), counties: countiesOf(ctx, query.regionCode), open: true, idleSince: new Date(now.getTime() - days * dayMs) },
    { page: query.page, pageSize: query.pageSize },
  );
  const items = rows.map((r) => ({
    ...toProblem(r, ctx.regions),
    lastActivityAt: r.lastActivityAt.toISOString(),
    idleDays: Math.floor((now.getTime() - r.lastActivityAt.getTime()) / dayMs),
  }));
  return { days, items, total, page: query.page, pageSize: query.pageSize };
}
