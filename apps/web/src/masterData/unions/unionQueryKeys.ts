import type { UnionListQuery } from "@jiangxin/domain";

/** One prefix for every union query, so a write can invalidate lists, details and coverage together. */
export const unionQueryKeys = {
  all: ["unions"] as const,
  list: (query: UnionListQuery) => ["unions", "list", query] as const,
  detail: (id: string) => ["unions", "detail", id] as const,
  coverage: (query: object) => ["unions", "coverage", query] as const,
};
