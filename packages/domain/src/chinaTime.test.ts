import { describe, expect, it } from "vitest";
import { addDays, chinaDayOf, chinaMonthOf, chinaYearOf, chinaYearRange, daysBetween, nextDay, todayInChina, yearElapsed } from "./chinaTime";

describe("China-time dates", () => {
  it("takes the China date of an instant: 23:30 on New Year's Eve in China is still the old year; 16:30 UTC is already the next day", () => {
    const eve = new Date("2025-12-31T23:30:00+08:00");
    expect(todayInChina(eve)).toBe("2025-12-31");
    expect(chinaYearOf(eve)).toBe(2025);
    expect(chinaDayOf("2025-12-31T16:30:00Z")).toBe("2026-01-01");
    expect(chinaMonthOf(new Date("2026-02-28T16:00:00Z"))).toBe(3);
  });

  it("counts days across month ends and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(nextDay("2025-02-28")).toBe("2025-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2025-12-25", "2026-01-04")).toBe(10);
  });

  it("gives a year as a half-open China range and the share of it elapsed", () => {
    const r = chinaYearRange(2026);
    expect(r.from.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(r.toDate).toBe("2027-01-01");
    expect(yearElapsed(2026, new Date("2025-12-31T15:59:59Z"))).toBe(0);
    expect(yearElapsed(2026, new Date("2026-07-02T12:00:00+08:00"))).toBeCloseTo(0.5, 2);
    expect(yearElapsed(2025, new Date("2026-03-01T00:00:00Z"))).toBe(1);
  });
});
