import type { PriorityKind } from "@jiangxin/domain";

export type PriorityMembership = { code: string; kind: PriorityKind; validFrom: string; validTo: string | null; source: string };

const first26 = "浙江省山区26县名单(2021年首次公布)";
const adjusted2024 = "2024年山区海岛县名单调整";

const mountainous2021 = [
  "330127", // 淳安
  "330324", "330326", "330327", "330328", "330329", // 永嘉 平阳 苍南 文成 泰顺
  "330723", "330727", // 武义 磐安
  "330802", "330803", "330822", "330824", "330825", "330881", // 柯城 衢江 常山 开化 龙游 江山
  "331022", "331023", "331024", // 三门 天台 仙居
  "331102", "331121", "331122", "331123", "331124", "331125", "331126", "331127", "331181", // 丽水
];

/** The three that left the mountainous list in the 2024 adjustment. The exact day is not published here; the year is. */
const leftIn2024 = new Set(["330326", "330802", "331102"]);

const islands = [
  "330902", // 定海
  "330903", // 普陀
  "330921", // 岱山
  "330922", // 嵊泗
  "330305", // 洞头
  "331083", // 玉环
];

/** Seed rows for region_priority; editing membership later means adding rows, not editing code. */
export const priorityMemberships: PriorityMembership[] = [
  ...mountainous2021.map((code) => ({
    code,
    kind: "mountainous" as const,
    validFrom: "2021-01-01",
    validTo: leftIn2024.has(code) ? "2024-01-01" : null,
    source: leftIn2024.has(code) ? `${first26}；${adjusted2024}调出` : first26,
  })),
  ...islands.map((code) => ({ code, kind: "island" as const, validFrom: "2021-01-01", validTo: null, source: "海岛县" })),
];
