import type { AmenityKey } from "./station";

/**
 * When a station counts as upgraded (提升改造) in a year: the rule is data, so the definition page, the
 * server's SQL count and the station page's verdict all read this one object.
 */
export const upgradeRule = {
  /** The "10+X" standard's ten: every one present. */
  requiredAmenities: [
    "airConditioning", "fridge", "microwave", "water", "charging", "seating", "wifi", "toilet", "firstAid", "powerBank",
  ] as const satisfies readonly AmenityKey[],
  /** Each required amenity confirmed present by a check within this many days before the counting instant. */
  verifiedWithinDays: 90,
  /** Report kinds that block the count while unresolved (an answer of 核实不实 never blocked). */
  blockingReportKinds: ["locked"] as const,
} as const;

export const upgradeRuleDefinition =
  `一个站点计入某年度“提升改造站点”，须同时满足：(1) 县级工会已申报该站为本年度提升改造站点；` +
  `(2) “10+X”标准的十项基本设施(空调、冰箱、微波炉、饮水、充电、桌椅、无线网络、卫生间、急救箱、充电宝)全部具备，` +
  `且每一项在计数时点前${upgradeRule.verifiedWithinDays}天内经过现场核实；(3) 计数时点没有未办结的“开放时间内锁门”报告` +
  `(经核实不实的报告不影响)。计数时点：当年为截至今日，往年为当年12月31日24时。“申报数”为条件(1)，“认定数”为三项都满足。`;

export type UpgradeVerdict = { counted: boolean; reasons: string[] };
