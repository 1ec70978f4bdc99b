import { flagshipSearchResultSchema, problemBatchResultSchema, type FlagshipSearchHit, type ProblemBatchResult } from "@jiangxin/domain";
import { request } from "../../../app/request";

export function searchFlagship(q: string, signal?: AbortSignal): Promise<FlagshipSearchHit[]> {
  return request("/api/flagship/search", { query: { q }, schema: flagshipSearchResultSchema, signal }).then((r) => r.items);
}

export function batchAcceptProblems(ids: string[]): Promise<ProblemBatchResult> {
  return request("/api/problems/batch-accept", { method: "POST", body: { ids }, schema: problemBatchResultSchema });
}
