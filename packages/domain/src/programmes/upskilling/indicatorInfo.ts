import type { IndicatorInfo } from "../programmeDescriptor";

/** 双提升's figures for the 驾驶舱 and annual targets (the province's target is 30,000 funded a year). */
export const upskillingIndicators = [
  { key: "upskilling.applications", label: "双提升申请", unit: "人", definition: "该年度提交的学历与技能提升补助申请数(提交时已通过资格校验)", recordsPath: "/upskilling/review" },
  { key: "upskilling.approved", label: "双提升审核通过", unit: "人", definition: "该年度申请中经基层、县、市三级审核通过的人数(含已发放和发放失败待重发)", recordsPath: "/upskilling/review?status=approved" },
  { key: "upskilling.funded", label: "双提升补助发放", unit: "人", definition: "该年度申请中补助已发放到银行卡的人数(每人1,000元)", recordsPath: "/upskilling/review?status=paid" },
] as const satisfies readonly IndicatorInfo[];
