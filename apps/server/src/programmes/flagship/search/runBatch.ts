import type { ProblemBatchResult } from "@jiangxin/domain";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import { findProblem } from "../problems/queries";
import { problemScope } from "../problems/problemScope";

/**
 * One batch action over selected problems, all or nothing: every row is tried in one transaction (each
 * writing its own audit row), every refusal is collected with its reason, and if any row was refused
 * the transaction is rolled back and a 409 names each refused row (fields: problem id → “标题：原因”).
 * A row's checks come before its writes, so a refused row leaves the transaction usable for the rest
 * and the user sees every reason at once, not the first only.
 */
export async function runBatch(
  ctx: AppContext,
  actor: Actor,
  ids: readonly string[],
  verb: string,
  each: (tx: Db, id: string) => Promise<void>,
): Promise<ProblemBatchResult> {
  const unique = [...new Set(ids)];
  await ctx.database.db.transaction(async (tx) => {
    const refused: Record<string, string> = {};
    for (const id of unique) {
      try {
        await each(tx, id);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // A problem outside the reader's scope is not named (its title would leak).
        const row = error.code === "NOT_FOUND" ? undefined : await findProblem(tx, problemScope(actor), id);
        refused[id] = `${row?.problem.title ?? "(无权查看或不存在)"}：${error.message}`;
      }
    }
    const n = Object.keys(refused).length;
    if (n > 0) throw new AppError("CONFLICT", `所选${unique.length}个难题中有${n}个不能${verb}，全部未保存：${Object.values(refused).join("；")}`, refused);
  });
  return { done: unique, failed: [] };
}
