import type { PlanAcceptInput } from "@jiangxin/domain";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { moveProblemInTx } from "../problems/moveProblem";

/**
 * Accepting a plan is the lifecycle move 已受理 → 已匹配专家 for each pair, all in one transaction:
 * the same checks, events and audit rows as a move made by hand, and if any pair fails (the problem
 * was matched meanwhile, the expert is now full) nothing is kept and the staff member re-plans.
 */
export async function acceptPlan(ctx: AppContext, actor: Actor, input: PlanAcceptInput): Promise<{ accepted: number }> {
  const seen = new Set<string>();
  input.assignments.forEach((a, i) => {
    if (seen.has(a.problemId)) throw new AppError("VALIDATION_FAILED", "同一难题在方案中出现两次", { [`assignments.${i}`]: "同一难题只能指派一位负责专家" });
    seen.add(a.problemId);
  });
  return ctx.database.db.transaction(async (tx) => {
    for (const [i, a] of input.assignments.entries()) {
      try {
        await moveProblemInTx(ctx, tx, actor, a.problemId, { to: "matched", ownerExpertId: a.expertId });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        // Name the pair: the page shows which row went stale.
        const message = e.code === "CONFLICT" ? `方案已过期：第${i + 1}项${e.message}，请重新规划` : `第${i + 1}项：${e.message}`;
        throw new AppError(e.code, message, { ...e.fields, [`assignments.${i}`]: e.message });
      }
    }
    await writeAudit(tx, auditActorOf(actor), { action: "plan.accept", objectType: "plan", detail: { count: input.assignments.length } });
    return { accepted: input.assignments.length };
  });
}
