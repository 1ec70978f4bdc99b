import { describe, expect, it } from "vitest";
import { chinaHolidayOn, chinaPublicHolidays, isChinaMakeUpWorkday } from "./publicHolidays";

// The table against the weekdays the notices print next to each date: a typo in a date would land on
// another weekday. (周一 = 1 … 周日 = 0, as Date.getUTCDay counts.)
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

describe("China's public holiday table", () => {
  it("has the 2025 notice's days off and 调休 workdays on the weekdays it names", () => {
    const y = chinaPublicHolidays[2025];
    expect(y?.holidays.map((h) => [h.from, weekday(h.from), h.to, weekday(h.to)])).toEqual([
      ["2025-01-01", 3, "2025-01-01", 3], // 元旦 1月1日(周三)
      ["2025-01-28", 2, "2025-02-04", 2], // 春节 1月28日(周二)至2月4日(周二)
      ["2025-04-04", 5, "2025-04-06", 0], // 清明 4月4日(周五)至6日(周日)
      ["2025-05-01", 4, "2025-05-05", 1], // 劳动节 5月1日(周四)至5日(周一)
      ["2025-05-31", 6, "2025-06-02", 1], // 端午 5月31日(周六)至6月2日(周一)
      ["2025-10-01", 3, "2025-10-08", 3], // 国庆、中秋 10月1日(周三)至8日(周三)
    ]);
    // 1月26日(周日)、2月8日(周六)、4月27日(周日)、9月28日(周日)、10月11日(周六)上班.
    expect(y?.workdays.map(weekday)).toEqual([0, 6, 0, 0, 6]);
  });

  it("has the 2026 notice's days off and 调休 workdays on the weekdays it names, workdays outside every holiday", () => {
    const y = chinaPublicHolidays[2026];
    expect(y?.holidays.map((h) => [weekday(h.from), weekday(h.to)])).toEqual([
      [4, 6], // 元旦 1月1日(周四)至3日(周六)
      [0, 1], // 春节 2月15日(周日)至23日(周一)
      [6, 1], // 清明 4月4日(周六)至6日(周一)
      [5, 2], // 劳动节 5月1日(周五)至5日(周二)
      [5, 0], // 端午 6月19日(周五)至21日(周日)
      [5, 0], // 中秋 9月25日(周五)至27日(周日)
      [4, 3], // 国庆 10月1日(周四)至7日(周三)
    ]);
    // 1月4日(周日)、2月14日(周六)、2月28日(周六)、5月9日(周六)、9月20日(周日)、10月10日(周六)上班.
    expect(y?.workdays.map(weekday)).toEqual([0, 6, 6, 6, 0, 6]);
    for (const d of [...(y?.workdays ?? []), ...(chinaPublicHolidays[2025]?.workdays ?? [])]) expect(chinaHolidayOn(d)).toBeNull();
  });

  it("knows a 调休 workday from an ordinary weekend and from a year it does not list", () => {
    expect(isChinaMakeUpWorkday("2025-10-11")).toBe(true);
    expect(isChinaMakeUpWorkday("2025-10-18")).toBe(false);
    expect(isChinaMakeUpWorkday("2031-10-11")).toBeUndefined();
  });
});
