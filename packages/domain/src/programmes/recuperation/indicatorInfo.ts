import type { IndicatorInfo } from "../programmeDescriptor";

/** The recuperation figures for the 驾驶舱 and annual targets (docs/recuperation.md defines them). */
export const recuperationIndicators = [
  {
    key: "recuperation.places",
    label: "疗休养人次",
    unit: "人次",
    definition: "年内已接受的疗休养名额：期次开始日期在该年度内、职工已接受(含已入住)的名额，未到(爽约)与已放弃的不计；按申请人所在工会的县(市、区)计",
    recordsPath: "/recuperation/rounds",
  },
  {
    key: "recuperation.spending",
    label: "带动疗休养消费",
    unit: "元",
    definition: "按实际入住计：每条入住记录的天数 × 基地每人每日价格(不超过省定标准600元/人/天)之和，入住开始日期在该年度内",
    recordsPath: "/recuperation/bases",
  },
] as const satisfies readonly IndicatorInfo[];
