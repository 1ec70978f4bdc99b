import type { ExpertListQuery } from "@jiangxin/domain";

/** One prefix for every expert query, so a write can invalidate lists, details and suggestions together. */
export const expertQueryKeys = {
  all: ["experts"] as const,
  list: (query: ExpertListQuery) => ["experts", "list", query] as const,
  detail: (id: string) => ["experts", "detail", id] as const,
  suggestions: (problemId: string) => ["experts", "suggestions", problemId] as const,
};
