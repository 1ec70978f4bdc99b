/**
 * The printed report's conventions (issue 11): who issues it and when it was printed. The issuing
 * unit is the reader's own federation — the province's, the city's or the county's 总工会 — not the
 * region the report is about (a province reader may print a county's report; the province issues it).
 */
export function issuingUnit(ownRegionName: string | null | undefined): string {
  return ownRegionName ? `${ownRegionName}总工会` : "浙江省总工会";
}

/** The print date in China, written the way a document is dated: 2026年12月2日. */
export function printDate(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" }).format(now);
}
