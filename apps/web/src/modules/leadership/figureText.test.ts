import { describe, expect, it } from "vitest";
import { formatFigure, formatShare, recordsLink } from "./figureText";

describe("figure text", () => {
  it("says money as the statistics do (亿元 on a card, 万元 with two decimals in a table), counts with separators", () => {
    expect(formatFigure(1_304_177_778, "元")).toBe("13.04亿元");
    expect(formatFigure(65_209_000, "元")).toBe("0.65亿元");
    expect(formatFigure(5_800_000, "元")).toBe("0.0580亿元");
    expect(formatFigure(65_209_000, "元", "table")).toBe("6,520.90万元");
    expect(formatFigure(2342, "场")).toBe("2,342场");
  });
  it("gives shares one decimal where it matters", () => {
    expect(formatShare(0.9205)).toBe("92.1%");
    expect(formatShare(1.2)).toBe("120%");
  });
  it("narrows the records to the reader's region, not for the province", () => {
    expect(recordsLink("/service-sessions", "330000")).toBe("/service-sessions");
    expect(recordsLink("/service-sessions", "330100")).toBe("/service-sessions?regionCode=330100");
    expect(recordsLink("/problems?status=solved", "330127")).toBe("/problems?status=solved&regionCode=330127");
  });
});
