import { describe, expect, it } from "vitest";
import { outcomeInputSchema, outcomeVerifySchema, yuanSchema } from "./outcome";

const problemId = "6f1c2a7e-3b4d-4c5e-8f9a-0b1c2d3e4f50";

describe("outcome input", () => {
  it("accepts every two-decimal percentage, including those binary floats cannot hold exactly", () => {
    for (const pct of [0, 0.29, 0.57, 1.01, 12.34, 33.33, 99.99, 100]) {
      const parsed = outcomeInputSchema.safeParse({ problemId, economicBenefitYuan: "1000.00", laborIntensityReductionPct: pct, failureRateReductionPct: pct });
      expect(parsed.success, String(pct)).toBe(true);
    }
  });

  it("refuses a third decimal, a negative or more than 100 percent, in Chinese", () => {
    for (const pct of [12.345, -1, 100.01]) {
      const parsed = outcomeInputSchema.safeParse({ problemId, economicBenefitYuan: "1", laborIntensityReductionPct: pct });
      expect(parsed.success, String(pct)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/百分比/);
    }
  });

  it("keeps money a string of at most two decimals", () => {
    expect(yuanSchema.safeParse("1310000000.00").success).toBe(true);
    expect(yuanSchema.safeParse("12.5").success).toBe(true);
    expect(yuanSchema.safeParse("12.345").success).toBe(false);
    expect(yuanSchema.safeParse("-1").success).toBe(false);
    expect(yuanSchema.safeParse(12.5).success).toBe(false);
  });

  it("needs exactly one subject and the enterprise's confirmation to verify", () => {
    expect(outcomeInputSchema.safeParse({ economicBenefitYuan: "1" }).success).toBe(false);
    expect(outcomeInputSchema.safeParse({ problemId, agreementId: problemId, economicBenefitYuan: "1" }).success).toBe(false);
    const unconfirmed = outcomeVerifySchema.safeParse({ economicBenefitYuan: "1", enterpriseConfirmed: false });
    expect(unconfirmed.error?.issues[0]?.message).toBe("核实须经企业确认");
  });
});
