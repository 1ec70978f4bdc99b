import type { ProblemBatchResult } from "@jiangxin/domain";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { moveProblemInTx } from "../problems/moveProblem";
import { runBatch } from "./runBatch";

/** 批量受理: every selected problem 待受理 → 已受理 by the transition table, or none (runBatch). */
export function batchAccept(ctx: AppContext, actor: Actor, ids: readonly string[]): Promise<ProblemBatchResult> {
  return runBatch(ctx, actor, ids, "受理", (tx, id) => moveProblemInTx(ctx, tx, actor, id, { to: "accepted" }));
}
