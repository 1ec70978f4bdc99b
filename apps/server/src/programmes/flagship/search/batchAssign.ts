import type { ProblemBatchAssign, ProblemBatchResult } from "@jiangxin/domain";
import { mayAssignExperts } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { AppError } from "../../../platform/errors";
import { moveProblemInTx } from "../problems/moveProblem";
import { runBatch } from "./runBatch";

/**
 * 批量指派: one expert owns every selected problem (已受理 → 已匹配专家), the reason written on each
 * problem's timeline and audit row; the expert's room is checked row by row inside the transaction,
 * so the problem that would pass its limit is the one refused (and then none is saved).
 */
export function batchAssign(ctx: AppContext, actor: Actor, input: ProblemBatchAssign): Promise<ProblemBatchResult> {
  if (!mayAssignExperts(actor)) throw new AppError("FORBIDDEN", "只有县级及以上工会可以指派专家");
  return runBatch(ctx, actor, input.ids, "指派", (tx, id) => moveProblemInTx(ctx, tx, actor, id, { to: "matched", ownerExpertId: input.expertId, note: `批量指派：${input.reason}` }));
}
