import {
  findTransition,
  isOpenProblemStatus,
  problemStatusLabels,
  roleLabels,
  type ProblemDetail,
  type ProblemMove,
  type ProblemStatus,
} from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError, notFound } from "../../../platform/errors";
import { experts } from "../../../masterData/experts";
import { openProblemsServedBy } from "./expertLoad";
import { requireNotVoided } from "../corrections/recordCorrection";
import { findProblem } from "./queries";
import { problemDetailFor } from "./problemService";
import { problemScope } from "./problemScope";
import { afterProblemMove, tellAssignedExpert } from "./inboxWiring";
import { recordProblemEvent } from "./recordProblemEvent";
import { problemTeamMembers, problems } from "./tables";

const label = (s: ProblemStatus) => problemStatusLabels[s];

/**
 * The expert who will own the problem after a move that needs one: the one named in the move, or
 * the current owner. Naming a new owner checks that the expert is active, not already a co-expert
 * of this problem, and has room (problems owned or helped on), with the
 * expert's row locked so two assignments cannot both take its last place.
 */
async function ownerAfterMove(tx: Db, actor: Actor, problemId: string, current: string | null, named: string | undefined): Promise<string> {
  if (named === undefined || named === current) {
    if (current) return current;
    throw new AppError("VALIDATION_FAILED", "请选择负责专家", { ownerExpertId: "请选择负责专家" });
  }
  if (actor.role === "expert") throw new AppError("FORBIDDEN", "专家不能指派其他专家，请联系县级工会");
  const [expert] = await tx.select().from(experts).where(eq(experts.id, named)).for("update");
  if (!expert) throw new AppError("VALIDATION_FAILED", "所选专家不存在", { ownerExpertId: "所选专家不存在" });
  if (!expert.active) throw new AppError("VALIDATION_FAILED", `${expert.name}已停用，不能指派`, { ownerExpertId: `${expert.name}已停用，不能指派` });
  // The owner is never also a co-expert of the same problem (the load would count it twice).
  const [member] = await tx
    .select({ expertId: problemTeamMembers.expertId })
    .from(problemTeamMembers)
    .where(and(eq(problemTeamMembers.problemId, problemId), eq(problemTeamMembers.expertId, expert.id)));
  if (member) {
    const message = `${expert.name}已是本难题的协助专家，请先将其移出团队再指派为负责专家`;
    throw new AppError("CONFLICT", message, { ownerExpertId: message });
  }
  const open = await openProblemsServedBy(tx, expert.id);
  if (open >= expert.maxOpenProblems) {
    throw new AppError("CONFLICT", `${expert.name}已承担${open}个未完成难题，达到上限${expert.maxOpenProblems}个，请另选专家`, {
      ownerExpertId: `已达承担上限(${open}/${expert.maxOpenProblems})`,
    });
  }
  return expert.id;
}

/**
 * Moves a problem along the transition table. The UPDATE is conditional on the status the move
 * starts from, so of two concurrent identical moves exactly one succeeds; the other gets 409.
 */
export async function moveProblem(ctx: AppContext, actor: Actor, id: string, move: ProblemMove): Promise<ProblemDetail> {
  return ctx.database.db.transaction(async (tx) => {
    await moveProblemInTx(ctx, tx, actor, id, move);
    return problemDetailFor(ctx, actor, id, tx);
  });
}

/** The move inside a caller's transaction, so several moves (accepting a plan) stand or fall together. */
export async function moveProblemInTx(ctx: AppContext, tx: Db, actor: Actor, id: string, move: ProblemMove): Promise<void> {
  const note = move.note || undefined;
  const now = ctx.now();
  {
    const row = await findProblem(tx, problemScope(actor), id);
    if (!row) throw notFound("难题");
    requireNotVoided(row.problem, "难题");
    const from = row.problem.status as ProblemStatus;
    const transition = findTransition(from, move.to);
    if (!transition) throw new AppError("CONFLICT", `“${label(from)}”不能直接变为“${label(move.to)}”`);
    if (!transition.roles.includes(actor.role)) {
      throw new AppError("FORBIDDEN", `${roleLabels[actor.role]}账号不能进行“${transition.label}”操作`);
    }
    if (transition.noteRequired && !note) {
      throw new AppError("VALIDATION_FAILED", `“${transition.label}”需要填写说明`, { note: "请填写说明" });
    }
    let ownerExpertId = row.problem.ownerExpertId;
    if (transition.needsOwner) {
      ownerExpertId = await ownerAfterMove(tx, actor, id, row.problem.ownerExpertId, move.ownerExpertId);
    } else if (move.ownerExpertId !== undefined) {
      throw new AppError("VALIDATION_FAILED", `“${transition.label}”不指派专家`, { ownerExpertId: "此操作不指派专家" });
    }
    // Withdrawing an assignment frees the expert: the problem goes back to waiting for one.
    if (from === "matched" && move.to === "accepted") ownerExpertId = null;

    const updated = await tx
      .update(problems)
      .set({
        status: move.to,
        statusChangedAt: now,
        ownerExpertId,
        ...(move.to === "solutionProposed" ? { solution: note ?? null } : {}),
        ...(move.to === "solved" ? { solvedAt: now } : {}),
      })
      .where(and(eq(problems.id, id), eq(problems.status, from)))
      .returning({ id: problems.id });
    if (updated.length === 0) throw new AppError("CONFLICT", "该难题的状态刚被他人更改，请刷新后再试");
    // Withdrawing the assignment withdraws the whole team: a problem waiting for experts has none.
    const released =
      from === "matched" && move.to === "accepted"
        ? await tx.delete(problemTeamMembers).where(eq(problemTeamMembers.problemId, id)).returning({ expertId: problemTeamMembers.expertId })
        : [];

    await recordProblemEvent(tx, actor, { problemId: id, at: now, from, to: move.to, note });
    await writeAudit(tx, auditActorOf(actor), {
      action: "problem.move",
      objectType: "problem",
      objectId: id,
      detail: {
        from,
        to: move.to,
        ...(ownerExpertId !== row.problem.ownerExpertId ? { ownerExpertId } : {}),
        ...(released.length > 0 ? { releasedTeamMembers: released.map((r) => r.expertId) } : {}),
        ...(note ? { note } : {}),
      },
    });
    await afterProblemMove(tx, row.problem, from, now);
    if (ownerExpertId && ownerExpertId !== row.problem.ownerExpertId) {
      await tellAssignedExpert(tx, ownerExpertId, { id, title: row.problem.title, enterpriseName: row.enterpriseName }, "owner", now);
    }
  }
}

/** A progress note (a follow-up attempt, a call made): the timeline grows, the status stays. */
export async function addProblemNote(ctx: AppContext, actor: Actor, id: string, note: string): Promise<ProblemDetail> {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await findProblem(tx, problemScope(actor), id);
    if (!row) throw notFound("难题");
    requireNotVoided(row.problem, "难题");
    const status = row.problem.status as ProblemStatus;
    if (!isOpenProblemStatus(status)) throw new AppError("CONFLICT", `难题状态为“${label(status)}”，不能再记录进展`);
    await recordProblemEvent(tx, actor, { problemId: id, at: now, from: status, to: status, note });
    await writeAudit(tx, auditActorOf(actor), { action: "problem.note", objectType: "problem", objectId: id, detail: { status, note } });
    await afterProblemMove(tx, row.problem, status, now);
    return problemDetailFor(ctx, actor, id, tx);
  });
}
