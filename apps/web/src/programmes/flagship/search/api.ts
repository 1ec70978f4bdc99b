import {
  flagshipSearchResultSchema,
  problemBatchResultSchema,
  type FlagshipSearchHit,
  type ProblemBatchAssign,
  type ProblemBatchLink,
  type ProblemBatchResult,
} from "@jiangxin/domain";
import { request } from "../../../app/request";

export function searchFlagship(q: string, signal?: AbortSignal): Promise<FlagshipSearchHit[]> {
  return request("/api/flagship/search", { query: { q }, schema: flagshipSearchResultSchema, signal }).then((r) => r.items);
}

// Batch actions: all or nothing; a refusal is an ApiError (409) whose fields name each refused row.
export function batchAcceptProblems(ids: string[]): Promise<ProblemBatchResult> {
  return request("/api/problems/batch-accept", { method: "POST", body: { ids }, schema: problemBatchResultSchema });
}

export function batchAssignProblems(input: ProblemBatchAssign): Promise<ProblemBatchResult> {
  return request("/api/problems/batch-assign", { method: "POST", body: input, schema: problemBatchResultSchema });
}

export function batchLinkProblems(input: ProblemBatchLink): Promise<ProblemBatchResult> {
  return request("/api/problems/batch-link", { method: "POST", body: input, schema: problemBatchResultSchema });
}
