import { describe, expect, it } from "vitest";
import { issuingUnit, printDate } from "./reportConventions";

describe("the printed report's issuing unit and date", () => {
  it("is the reader's own federation", () => {
    expect(issuingUnit("浙江省")).toBe("浙江省总工会");
    expect(issuingUnit("杭州市")).toBe("杭州市总工会");
    expect(issuingUnit("淳安县")).toBe("淳安县总工会");
    expect(issuingUnit(null)).toBe("浙江省总工会");
  });
  it("dates the print in China time", () => {
    expect(printDate(new Date("2026-12-01T17:30:00Z"))).toBe("2026年12月2日");
  });
});
