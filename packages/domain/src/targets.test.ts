import { describe, expect, it } from "vitest";
import { expectedShare, figureStatus, targetRowSchema, yearElapsedShare } from "./targets";

describe("share of the year elapsed (China date, today counted)", () => {
  it("is the day of the year over the days in the year", () => {
    expect(yearElapsedShare(2026, "2026-01-01")).toBeCloseTo(1 / 365, 9);
    expect(yearElapsedShare(2026, "2026-07-02")).toBeCloseTo(183 / 365, 9);
    expect(yearElapsedShare(2026, "2026-12-31")).toBe(1);
    expect(yearElapsedShare(2028, "2028-12-31")).toBe(1); // leap year: day 366 of 366
    expect(yearElapsedShare(2028, "2028-03-01")).toBeCloseTo(61 / 366, 9);
  });
  it("is 1 for a past year and 0 for a coming one", () => {
    expect(yearElapsedShare(2025, "2026-07-02")).toBe(1);
    expect(yearElapsedShare(2027, "2026-07-02")).toBe(0);
  });
});

describe("expected share", () => {
  it("is the year elapsed without milestones", () => {
    expect(expectedShare(2026, "2026-07-02", { value: 30 })).toBeCloseTo(183 / 365, 9);
  });
  it("follows the quarterly milestones, straight between them", () => {
    const t = { value: 100, q1: 10, q2: 30, q3: 60 };
    expect(expectedShare(2026, "2026-03-31", t)).toBeCloseTo(0.1, 9);
    expect(expectedShare(2026, "2026-06-30", t)).toBeCloseTo(0.3, 9);
    // 2 July: two days of the 92 from 30 June to 30 September.
    expect(expectedShare(2026, "2026-07-02", t)).toBeCloseTo(0.3 + (2 / 92) * 0.3, 9);
    expect(expectedShare(2026, "2026-12-31", t)).toBe(1);
    // A missing Q2 is the line from Q1 to Q3.
    const gap = expectedShare(2026, "2026-06-30", { value: 100, q1: 10, q3: 60 });
    expect(gap).toBeCloseTo(0.1 + ((181 - 90) / (273 - 90)) * 0.5, 9);
  });
});

describe("status (lagging below the expected share by more than 10 points)", () => {
  it("names each case", () => {
    expect(figureStatus(0, null, 0.5)).toBe("noData");
    expect(figureStatus(12, null, 0.5)).toBe("noTarget");
    expect(figureStatus(39, 100, 0.5)).toBe("lagging");
    expect(figureStatus(40, 100, 0.5)).toBe("onTrack");
    expect(figureStatus(59, 100, 0.5)).toBe("onTrack");
    expect(figureStatus(60, 100, 0.5)).toBe("ahead");
    expect(figureStatus(100, 100, 1)).toBe("ahead");
    expect(figureStatus(0, 0, 0.5)).toBe("ahead"); // a target of nothing is met
  });
});

describe("a target row", () => {
  it("refuses negatives, non-numbers and milestones out of order", () => {
    const issues = (v: unknown) => targetRowSchema.safeParse(v).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(issues({ regionCode: "330127", value: -1 })).toEqual(["value:不能为负数"]);
    expect(issues({ regionCode: "330127", value: "10" })).toEqual(["value:请输入数字"]);
    expect(issues({ regionCode: "330127", value: 10, q1: 6, q2: 4, q3: 11 })).toEqual(["q2:季度累计值不应小于上一季度", "q3:季度累计值不应超过全年目标"]);
    expect(issues({ regionCode: "330127", value: 10, q1: 2, q3: 8 })).toBeUndefined();
  });
});
