/**
 * China's public holidays (放假日) per year, as the State Council's yearly notice (国务院办公厅关于 YYYY 年部分
 * 节假日安排的通知) publishes them, so "PH" in a station's opening hours means the days Chinese workers are
 * off. The opening_hours package's table for country "cn" has only fixed dates (and counts 妇女节 8 Mar,
 * 青年节 4 May and 儿童节 1 Jun, which are not days off for everyone), not the lunar holidays (春节, 清明,
 * 端午, 中秋) nor the notice's bridging days. `workdays` are the notice's 调休 Saturdays/Sundays worked:
 * informative here (a station's weekday rules do not follow them). Add each year when the notice comes out
 * (usually November); a year not listed falls back to the package's table.
 */
export type HolidaySpan = { name: string; from: string; to: string };
export const chinaPublicHolidays: Record<number, { source: string; holidays: HolidaySpan[]; workdays: string[] }> = {
  2025: {
    source: "国务院办公厅关于2025年部分节假日安排的通知(国办发明电〔2024〕12号)",
    holidays: [
      { name: "元旦", from: "2025-01-01", to: "2025-01-01" },
      { name: "春节", from: "2025-01-28", to: "2025-02-04" },
      { name: "清明节", from: "2025-04-04", to: "2025-04-06" },
      { name: "劳动节", from: "2025-05-01", to: "2025-05-05" },
      { name: "端午节", from: "2025-05-31", to: "2025-06-02" },
      { name: "国庆节、中秋节", from: "2025-10-01", to: "2025-10-08" },
    ],
    workdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  2026: {
    source: "国务院办公厅关于2026年部分节假日安排的通知(2025年11月4日)",
    holidays: [
      { name: "元旦", from: "2026-01-01", to: "2026-01-03" },
      { name: "春节", from: "2026-02-15", to: "2026-02-23" },
      { name: "清明节", from: "2026-04-04", to: "2026-04-06" },
      { name: "劳动节", from: "2026-05-01", to: "2026-05-05" },
      { name: "端午节", from: "2026-06-19", to: "2026-06-21" },
      { name: "中秋节", from: "2026-09-25", to: "2026-09-27" },
      { name: "国庆节", from: "2026-10-01", to: "2026-10-07" },
    ],
    workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
};

/** The holiday a China date (YYYY-MM-DD) falls in; null when none; undefined when its year is not in the table. */
export function chinaHolidayOn(day: string): HolidaySpan | null | undefined {
  const year = chinaPublicHolidays[Number(day.slice(0, 4))];
  if (!year) return undefined;
  return year.holidays.find((h) => h.from <= day && day <= h.to) ?? null;
}
