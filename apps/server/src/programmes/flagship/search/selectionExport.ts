import { problemSelectionExportQuerySchema, type Problem } from "@jiangxin/domain";
import type { AppContext, HttpApp } from "../../../platform/context";
import { exportList } from "../../../platform/exportList";
import { problemExportColumns } from "../problems/problemExportColumns";
import { findProblem, toProblem } from "../problems/queries";
import { problemScope } from "../problems/problemScope";

/**
 * 导出所选: the rows ticked on the problem list, in the order ticked, each read within the reader's own
 * scope (an id outside it is simply absent). At most 500 ids, so one page and one query per id.
 */
export function selectionExport(app: HttpApp, ctx: AppContext): void {
  exportList(app, {
    url: "/api/problems/export-selected",
    permission: "problem.read",
    tags: ["难题 problems"],
    summary: "难题清单(所选)",
    querystring: problemSelectionExportQuerySchema,
    filename: () => "难题清单(所选).xlsx",
    list: async (actor, query) => {
      if (query.page > 1) return { items: [], total: 0 };
      const items: Problem[] = [];
      for (const id of new Set(query.ids)) {
        const row = await findProblem(ctx.database.db, problemScope(actor), id);
        if (row) items.push(toProblem(row, ctx.regions));
      }
      return { items, total: items.length };
    },
    columns: problemExportColumns,
  });
}
