import type { IndicatorInfo } from "../programmeDescriptor";
import { upgradeRuleDefinition } from "./upgradeRule";

/** The stations programme's figures for the 驾驶舱 and annual targets (docs/stations.md defines each). */
export const stationsIndicators = [
  { key: "stations.upgraded", label: "提升改造服务站(认定)", unit: "个", definition: upgradeRuleDefinition, recordsPath: "/stations/stats" },
  {
    key: "stations.upgraded24h",
    label: "24小时开放服务站(认定)",
    unit: "个",
    definition: "认定为该年度提升改造、且登记为24小时开放(开放时间为24/7)的站点",
    recordsPath: "/stations/stats",
  },
  {
    key: "stations.upgradeClaimed",
    label: "提升改造服务站(申报)",
    unit: "个",
    definition: "县级工会申报为该年度提升改造的站点数，不论是否满足认定规则；与认定数对照",
    recordsPath: "/stations/stats",
  },
] as const satisfies readonly IndicatorInfo[];
