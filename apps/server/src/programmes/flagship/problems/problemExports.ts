import { chinaDayOf, demandListQuerySchema, problemListQuerySchema, problemStatusLabels, trades, urgencyLabels } from "@jiangxin/domain";
import type { AppContext, HttpApp } from "../../../platform/context";
import { exportList } from "../../../platform/exportList";
import { listDemandListsForActor } from "./demandListService";
import { listProblemsForActor } from "./problemService";

const day = (iso: string | null) => (iso ? chinaDayOf(iso) : "");

export function problemExports(app: HttpApp, ctx: AppContext): void {
  exportList(app, {
    url: "/api/problems/export",
    permission: "problem.read",
    tags: ["难题 problems"],
    summary: "难题清单",
    querystring: problemListQuerySchema,
    filename: () => "难题清单.xlsx",
    list: (actor, query) => listProblemsForActor(ctx, actor, query),
    columns: [
      { header: "编号", value: (p) => p.code },
      { header: "难题", width: 32, value: (p) => p.title },
      { header: "企业", width: 32, value: (p) => p.enterpriseName },
      { header: "所在县(市、区)", value: (p) => p.countyName },
      { header: "工种", value: (p) => trades[p.trade] },
      { header: "紧急程度", value: (p) => urgencyLabels[p.urgency] },
      { header: "进度", value: (p) => problemStatusLabels[p.status] },
      { header: "负责专家", value: (p) => p.ownerExpertName },
      { header: "解决方案", width: 40, value: (p) => p.solution },
      { header: "解决日期", value: (p) => day(p.solvedAt) },
      { header: "提出日期", value: (p) => day(p.createdAt) },
    ],
  });
  exportList(app, {
    url: "/api/demand-lists/export",
    permission: "problem.read",
    tags: ["需求清单 demand lists"],
    summary: "需求清单",
    querystring: demandListQuerySchema,
    filename: () => "需求清单.xlsx",
    list: (actor, query) => listDemandListsForActor(ctx, actor, query),
    columns: [
      { header: "企业", width: 32, value: (d) => d.enterpriseName },
      { header: "所在县(市、区)", value: (d) => d.countyName },
      { header: "提交日期", value: (d) => day(d.submittedAt) },
      { header: "提交方", value: (d) => (d.source === "enterprise" ? "企业" : "工会代录") },
      { header: "难题数", value: (d) => d.problemCount },
      { header: "已解决", value: (d) => d.solvedCount },
      { header: "培训需求(项)", value: (d) => d.trainingNeedCount },
      { header: "培训人数", value: (d) => d.trainingWorkers },
      { header: "备注", width: 30, value: (d) => d.note },
    ],
  });
}
