import {
  pageOf,
  unionCoverageSchema,
  unionDetailSchema,
  unionSchema,
  type UnionCoverage,
  type UnionDetail,
  type UnionInput,
  type UnionListQuery,
  type UnionPatch,
} from "@jiangxin/domain";
import { request } from "../../app/request";

const unionPageSchema = pageOf(unionSchema);
export type UnionPage = ReturnType<typeof unionPageSchema.parse>;

/** Already limited by the server to the user's region (staff) or its own union's subtree (基层工会). */
export function listUnions(query: UnionListQuery, signal?: AbortSignal): Promise<UnionPage> {
  return request("/api/unions", { query: { ...query }, schema: unionPageSchema, signal });
}

export function getUnion(id: string, signal?: AbortSignal): Promise<UnionDetail> {
  return request(`/api/unions/${encodeURIComponent(id)}`, { schema: unionDetailSchema, signal });
}

export function createUnion(input: UnionInput): Promise<UnionDetail> {
  return request("/api/unions", { method: "POST", body: input, schema: unionDetailSchema });
}

export function updateUnion(id: string, patch: UnionPatch): Promise<UnionDetail> {
  return request(`/api/unions/${encodeURIComponent(id)}`, { method: "PATCH", body: patch, schema: unionDetailSchema });
}

export function getUnionCoverage(query: { sizes: string; nonPublicOnly: boolean; regionCode?: string | undefined }, signal?: AbortSignal): Promise<UnionCoverage> {
  return request("/api/unions/coverage", { query: { ...query, nonPublicOnly: query.nonPublicOnly ? "true" : undefined }, schema: unionCoverageSchema, signal });
}
