import { describe, expect, it } from "vitest";
import { formatWan, formatYi, formatYuanExact, formatYuanScaled, normalizeYuanInput, sumYuan, yuanToFen } from "./yuan";

describe("yuanToFen", () => {
  it("reads amounts with up to two decimals as whole fen", () => {
    expect(yuanToFen("1310000000.00")).toBe(131_000_000_000n);
    expect(yuanToFen("0.1")).toBe(10n);
    expect(yuanToFen("12.05")).toBe(1205n);
    expect(yuanToFen(" 7 ")).toBe(700n);
  });
  it("refuses what is not an amount", () => {
    for (const text of ["", "-1", "1.234", "1e5", "abc", "1,000"]) expect(yuanToFen(text), text).toBeNull();
  });
});

describe("formatYuanScaled", () => {
  it("writes the newspaper's figure as 13.1亿元", () => {
    expect(formatYuanScaled("1310000000.00")).toEqual({ value: "13.1", unit: "亿元" });
  });
  it("uses 万元 between ten thousand and a hundred million", () => {
    expect(formatYuanScaled("583000")).toEqual({ value: "58.3", unit: "万元" });
    expect(formatYuanScaled("10000")).toEqual({ value: "1", unit: "万元" });
    expect(formatYuanScaled("12345678.90")).toEqual({ value: "1,234.57", unit: "万元" });
  });
  it("keeps small amounts in 元", () => {
    expect(formatYuanScaled("860")).toEqual({ value: "860", unit: "元" });
    expect(formatYuanScaled("0.00")).toEqual({ value: "0", unit: "元" });
    expect(formatYuanScaled("9999.99")).toEqual({ value: "9,999.99", unit: "元" });
  });
  it("moves to the next unit when rounding reaches it", () => {
    expect(formatYuanScaled("99999999.99")).toEqual({ value: "1", unit: "亿元" });
    expect(formatYuanScaled("9999.99", 1)).toEqual({ value: "1", unit: "万元" });
  });
  it("rounds half up with no floating-point error", () => {
    // As floats, 1.005 * 100 is 100.49999…, which would round down.
    expect(formatYuanScaled("10050", 2)).toEqual({ value: "1.01", unit: "万元" });
    expect(formatYuanScaled("123456789012.34", 1)).toEqual({ value: "1,234.6", unit: "亿元" });
    expect(formatYuanScaled("9999999999999.99")).toEqual({ value: "100,000", unit: "亿元" });
  });
});

describe("formatYuanExact", () => {
  it("groups thousands and always shows fen", () => {
    expect(formatYuanExact("1310000000")).toBe("1,310,000,000.00");
    expect(formatYuanExact("0.5")).toBe("0.50");
  });
});

describe("sumYuan", () => {
  it("adds exactly where floats would not", () => {
    // 0.1 + 0.2 !== 0.3 as floats.
    expect(sumYuan(["0.10", "0.20"])).toBe("0.30");
    expect(sumYuan(["9007199254740.99", "0.01"])).toBe("9007199254741.00");
    expect(sumYuan([null, undefined, "5"])).toBe("5.00");
    expect(sumYuan([])).toBe("0.00");
  });
});

describe("normalizeYuanInput", () => {
  it("pads to two decimals and drops separators", () => {
    expect(normalizeYuanInput("1200")).toBe("1200.00");
    expect(normalizeYuanInput("1,200.5")).toBe("1200.50");
    expect(normalizeYuanInput(" 3，000 元")).toBe("3000.00");
  });
  it("leaves what is not an amount for the rule to explain", () => {
    expect(normalizeYuanInput("12.345")).toBe("12.345");
    expect(normalizeYuanInput("abc ")).toBe("abc");
  });
});

describe("formatWan and formatYi: one unit per column or card", () => {
  it("writes 万元 with exactly two decimals, whatever the size", () => {
    expect(formatWan("1310000000.00")).toBe("131,000.00");
    expect(formatWan("583000")).toBe("58.30");
    expect(formatWan("860")).toBe("0.09");
    expect(formatWan("0.00")).toBe("0.00");
    expect(formatWan("12345678.90")).toBe("1,234.57");
  });
  it("writes 亿元 with two decimals, four under 0.1亿元 so money never reads 0.00", () => {
    expect(formatYi("1310000000.00")).toBe("13.10");
    expect(formatYi("583000")).toBe("0.0058");
    expect(formatYi("0.00")).toBe("0.00");
    expect(formatYi("not money")).toBe("not money");
  });
});
