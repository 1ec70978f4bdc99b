import { planAcceptResultSchema, planResultSchema, type PlanAcceptInput, type PlanComputeInput, type PlanResult } from "@jiangxin/domain";
import { request } from "../../../app/request";

/** Computes a plan; nothing is written. At province scale this takes a few seconds. */
export function computePlan(input: PlanComputeInput, signal?: AbortSignal): Promise<PlanResult> {
  return request("/api/plans/compute", { method: "POST", body: input, schema: planResultSchema, signal });
}

/**
 * Assigns every pair at once, or none (409 when the plan went stale). Per problem the pair marked
 * owner, or else the first, becomes its 负责专家 and the others its 协助专家; `accepted` counts problems.
 */
export function acceptPlan(assignments: PlanAcceptInput["assignments"]): Promise<{ accepted: number; members: number }> {
  return request("/api/plans/accept", { method: "POST", body: { assignments }, schema: planAcceptResultSchema });
}
