import type { EnterpriseListQuery } from "@jiangxin/domain";

/** One prefix for every enterprise query, so a write can invalidate lists and details together. */
export const enterpriseQueryKeys = {
  all: ["enterprises"] as const,
  list: (query: EnterpriseListQuery) => ["enterprises", "list", query] as const,
  detail: (id: string) => ["enterprises", "detail", id] as const,
  corrections: (id: string) => ["enterprises", "corrections", id] as const,
};
