import { chinaDayOf, problemSelectionExportQuerySchema, problemStatusLabels, trades, urgencyLabels, type Problem } from "@jiangxin/domain";
import type { AppContext, HttpApp } from "../../../platform/context";
import { exportList } from "../../../platform/exportList";
import { findProblem, toProblem } from "../problems/queries";
import { problemScope } from "../problems/problemScope";

const day = (iso: string | null) => (iso ? chinaDayOf(iso) : "");

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
    columns: [
      { header: "编号", value: (p) => p.code },
      { header: "难题", width: 32, value: (p) => p.title },
      { header: "企业", width: 32, value: (p) => p.enterpriseName },
      { header: "所在县(市、区)", value: (p) => p.countyName },
      { header: "工种", value: (p) => trades[p.trade] },
      { header: "紧急程度", value: (p) => urgencyLabels[p.urgency] },
      { header: "进度", value: (p) => (p.voided ? `${problemStatusLabels[p.status]}(已作废)` : problemStatusLabels[p.status]) },
      { header: "负责专家", value: (p) => p.ownerExpertName },
      { header: "专家单位·县·等级", width: 36, value: (p) => p.ownerExpertDetail },
      { header: "解决方案", width: 40, value: (p) => p.solution },
      { header: "解决日期", value: (p) => day(p.solvedAt) },
      { header: "提出日期", value: (p) => day(p.createdAt) },
    ],
  });
}
