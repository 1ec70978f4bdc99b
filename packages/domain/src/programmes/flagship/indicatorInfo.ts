import type { IndicatorInfo } from "../programmeDescriptor";

/** The flagship's figures for the 驾驶舱 and annual targets; docs/indicators.md defines each at length. */
export const flagshipIndicators = [
  { key: "flagship.sessions", label: "服务场次", unit: "场", definition: "年内开展的服务场次：场次日期在该年度内的到企业现场服务", recordsPath: "/service-sessions" },
  { key: "flagship.expertParticipations", label: "参加劳模工匠", unit: "人次", definition: "这些场次的参加专家人次：一名专家参加一场计一人次", recordsPath: "/service-sessions" },
  { key: "flagship.enterprisesServed", label: "服务企业", unit: "家", definition: "这些场次走访的不同企业数：同一企业走访多次计一家", recordsPath: "/enterprises" },
  { key: "flagship.problemsSolved", label: "解决问题", unit: "个", definition: "状态为已解决且解决日期在该年度内的难题，无论何时何地发现", recordsPath: "/problems?status=solved" },
  { key: "flagship.workerTrainings", label: "培训技术工人", unit: "人次", definition: "培训日期在该年度内的培训人次之和", recordsPath: "/trainings" },
  { key: "flagship.benefitEstimatedYuan", label: "经济效益(预估)", unit: "元", definition: "首次预估在该年度内的成效之预估经济效益合计" },
  {
    key: "flagship.campaignSessions",
    label: "专项行动服务场次",
    unit: "场",
    definition: "标记为该年度专项行动(如“进山区海岛县”)的服务场次",
    recordsPath: "/campaigns",
  },
  {
    key: "flagship.campaignTrainings",
    label: "专项行动培训人次",
    unit: "人次",
    definition: "标记为该年度专项行动的培训(或属于专项行动场次的培训)人次之和",
    recordsPath: "/campaigns",
  },
] as const satisfies readonly IndicatorInfo[];
