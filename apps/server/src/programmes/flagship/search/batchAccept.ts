import type { ProblemBatchResult } from "@jiangxin/domain";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { AppError } from "../../../platform/errors";
import { moveProblem } from "../problems/moveProblem";
import { findProblem } from "../problems/queries";
import { problemScope } from "../problems/problemScope";

/**
 * 批量受理: each selected problem is accepted on its own (its own transaction and audit row, the
 * transition table's rules), so one already accepted or out of scope fails alone with its reason and
 * the rest go through. One after another: PGlite has one connection anyway.
 */
export async function batchAccept(ctx: AppContext, actor: Actor, ids: readonly string[]): Promise<ProblemBatchResult> {
  const result: ProblemBatchResult = { done: [], failed: [] };
  for (const id of new Set(ids)) {
    try {
      await moveProblem(ctx, actor, id, { to: "accepted" });
      result.done.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const row = error.code === "NOT_FOUND" ? undefined : await findProblem(ctx.database.db, problemScope(actor), id);
      result.failed.push({ id, title: row?.problem.title ?? "(无权查看或不存在)", message: error.message });
    }
  }
  return result;
}
