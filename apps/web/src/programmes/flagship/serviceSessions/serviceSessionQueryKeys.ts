import type { ServiceSessionListQuery } from "@jiangxin/domain";

/** One prefix for every session query, so a write refreshes lists, details and the three lists together. */
export const serviceSessionQueryKeys = {
  all: ["serviceSessions"] as const,
  list: (query: ServiceSessionListQuery) => ["serviceSessions", "list", query] as const,
  detail: (id: string) => ["serviceSessions", "detail", id] as const,
  threeLists: (id: string) => ["serviceSessions", "threeLists", id] as const,
  /** Problems the session may still take on (关联已有难题); under the prefix, so a link refreshes it. */
  linkCandidates: (id: string) => ["serviceSessions", "linkCandidates", id] as const,
};
