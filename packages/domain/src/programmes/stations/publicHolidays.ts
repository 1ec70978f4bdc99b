/**
 * China's public holidays (放假日) per year, as the State Council's yearly notice (国务院办公厅关于 YYYY 年部分
 * 节假日安排的通知) publishes them, so "PH" in a station's opening hours means the days Chinese workers are
 * off. The opening_hours package's table for country "cn" has only fixed dates (and counts 妇女节 8 Mar,
 * 青年节 4 May and 儿童节 1 Jun, which are not days off for everyone), not the lunar holidays (春节, 清明,
 * 端午, 中秋) nor the notice's bridging days.
 *
 * `workdays` are the notice's 调休 days: a Saturday or Sunday that is worked ("…上班") to make up for a
 * bridging day off. On those the finder reads a station's hours as an ordinary working day's
 * (`isChinaMakeUpWorkday`; apps/server …/finder/openingHours.ts says how).
 *
 * Checked, every date and weekday, against the notices' full text (新华社 releases):
 * - 2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, dated 2024年11月12日
 *   (gov.cn/zhengce/content/202411/content_6986382.htm; checked against the 新华社 text as carried by
 *   光明网 m.gmw.cn/2024-11/12/content_1303894933.htm). It follows the revised 全国年节及纪念日放假办法
 *   (除夕 and 2 May became days off from 2025): 春节 8 days, 劳动节 5 days.
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知, dated 2025年11月4日 (新华社 text as carried by
 *   光明网 politics.gmw.cn/2025-11/04/content_38391083.htm).
 * Add each year when the notice comes out (usually November); a year not listed falls back to the
 * package's table for PH and has no 调休 days.
 */
export type HolidaySpan = { name: string; from: string; to: string };
export const chinaPublicHolidays: Record<number, { source: string; holidays: HolidaySpan[]; workdays: string[] }> = {
  2025: {
    source: "国务院办公厅关于2025年部分节假日安排的通知(国办发明电〔2024〕12号，2024年11月12日)",
    holidays: [
      { name: "元旦", from: "2025-01-01", to: "2025-01-01" },
      { name: "春节", from: "2025-01-28", to: "2025-02-04" },
      { name: "清明节", from: "2025-04-04", to: "2025-04-06" },
      { name: "劳动节", from: "2025-05-01", to: "2025-05-05" },
      { name: "端午节", from: "2025-05-31", to: "2025-06-02" },
      { name: "国庆节、中秋节", from: "2025-10-01", to: "2025-10-08" },
    ],
    // 春节: 1月26日(周日)、2月8日(周六)上班; 劳动节: 4月27日(周日); 国庆节、中秋节: 9月28日(周日)、10月11日(周六).
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
    // 元旦: 1月4日(周日)上班; 春节: 2月14日(周六)、2月28日(周六); 劳动节: 5月9日(周六); 国庆节: 9月20日(周日)、10月10日(周六).
    workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
};

/** The holiday a China date (YYYY-MM-DD) falls in; null when none; undefined when its year is not in the table. */
export function chinaHolidayOn(day: string): HolidaySpan | null | undefined {
  const year = chinaPublicHolidays[Number(day.slice(0, 4))];
  if (!year) return undefined;
  return year.holidays.find((h) => h.from <= day && day <= h.to) ?? null;
}

/** Whether a China date is one of the notice's 调休 working days (a weekend day worked); undefined when its year is not in the table. */
export function isChinaMakeUpWorkday(day: string): boolean | undefined {
  const year = chinaPublicHolidays[Number(day.slice(0, 4))];
  if (!year) return undefined;
  return year.workdays.includes(day);
}
