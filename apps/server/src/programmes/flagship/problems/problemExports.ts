import { chinaDayOf, demandListQuerySchema, problemListQuerySchema } from "@jiangxin/domain";
import type { AppContext, HttpApp } from "../../../platform/context";
import { exportList } from "../../../platform/exportList";
import { listDemandListsForActor } from "./demandListService";
import { problemExportColumns } from "./problemExportColumns";
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
    columns: problemExportColumns,
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
