import type { DemandListQuery, OverdueQuery, ProblemListQuery } from "@jiangxin/domain";

/**
 * Problems and demand lists share one prefix: a move changes a problem's status, which a demand
 * list shows too, so one invalidation refreshes both.
 */
export const problemQueryKeys = {
  all: ["problems"] as const,
  list: (query: ProblemListQuery) => ["problems", "list", query] as const,
  detail: (id: string) => ["problems", "detail", id] as const,
  overdue: (query: OverdueQuery) => ["problems", "overdue", query] as const,
  demandLists: (query: DemandListQuery) => ["problems", "demandLists", query] as const,
  demandList: (id: string) => ["problems", "demandList", id] as const,
};
