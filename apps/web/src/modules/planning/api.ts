import { planAcceptResultSchema, planResultSchema, type PlanComputeInput, type PlanPair, type PlanResult } from "@jiangxin/domain";
import { request } from "../../app/request";

/** Computes a plan; nothing is written. At province scale this takes a few seconds. */
export function computePlan(input: PlanComputeInput, signal?: AbortSignal): Promise<PlanResult> {
  return request("/api/plans/compute", { method: "POST", body: input, schema: planResultSchema, signal });
}

/** Assigns every pair at once, or none (409 when the plan went stale). */
export function acceptPlan(assignments: PlanPair[]): Promise<{ accepted: number }> {
  return request("/api/plans/accept", { method: "POST", body: { assignments }, schema: planAcceptResultSchema });
}
