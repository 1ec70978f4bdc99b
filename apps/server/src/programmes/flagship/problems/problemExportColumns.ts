import { chinaDayOf, problemStatusLabels, trades, urgencyLabels, type Problem } from "@jiangxin/domain";
import type { XlsxColumn } from "../../../platform/xlsx";

const day = (iso: string | null) => (iso ? chinaDayOf(iso) : "");

/**
 * The columns of every problem export (the filtered list and 导出所选), so both files read alike: a
 * voided row says so beside its status, and the owner carries work unit · county · level as on screen.
 */
export const problemExportColumns: XlsxColumn<Problem>[] = [
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
];
