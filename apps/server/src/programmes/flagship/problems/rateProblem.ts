import type { ProblemDetail, ProblemRatingInput } from "@jiangxin/domain";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { findProblem } from "./queries";
import { problemDetailFor } from "./problemService";
import { problemScope } from "./problemScope";
import { problemRatings } from "./tables";

/** The enterprise rates the help on one of its solved problems, once. */
export async function rateProblem(ctx: AppContext, actor: Actor, id: string, input: ProblemRatingInput): Promise<ProblemDetail> {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await findProblem(tx, problemScope(actor), id);
    if (!row) throw notFound("难题");
    if (row.problem.status !== "solved") throw new AppError("CONFLICT", "难题解决后才能评价");
    // The primary key on problem_id makes "once" hold under concurrent submissions too.
    const inserted = await tx
      .insert(problemRatings)
      .values({ problemId: id, score: input.score, comment: input.comment || null, byUserId: actor.userId, at: now })
      .onConflictDoNothing()
      .returning({ problemId: problemRatings.problemId });
    if (inserted.length === 0) throw new AppError("CONFLICT", "该难题已评价过，不能重复评价");
    await writeAudit(tx, auditActorOf(actor), { action: "problem.rate", objectType: "problem", objectId: id, detail: { score: input.score } });
    return problemDetailFor(ctx, actor, id, tx);
  });
}
