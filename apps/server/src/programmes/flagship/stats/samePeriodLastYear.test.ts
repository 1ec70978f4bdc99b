import { describe, expect, it } from "vitest";
import { nextDay } from "@jiangxin/domain";
import { samePeriodLastYear } from "./samePeriodLastYear";

describe("samePeriodLastYear", () => {
  it("gives last year's same day for the current year, nothing for a past one", () => {
    expect(samePeriodLastYear(2026, "2026-11-24")).toBe("2025-11-24");
    expect(samePeriodLastYear(2025, "2026-11-24")).toBeNull();
    expect(samePeriodLastYear(2026, "2026-01-01")).toBe("2025-01-01");
    expect(samePeriodLastYear(2026, "2026-12-31")).toBe("2025-12-31");
  });

  it("takes 29 February back to the 28th of a common year", () => {
    expect(samePeriodLastYear(2028, "2028-02-29")).toBe("2027-02-28");
    expect(samePeriodLastYear(2029, "2029-02-28")).toBe("2028-02-28");
  });

  it("steps over month and year ends", () => {
    expect(nextDay("2025-02-28")).toBe("2025-03-01");
    expect(nextDay("2025-12-31")).toBe("2026-01-01");
  });
});
