import { describe, expect, it } from "vitest";
import { campaignRegionsCaption, percentOf } from "./campaignRegionsCaption";

describe("campaignRegionsCaption", () => {
  it("says how the share is split and what 领先/落后 means for the year's state", () => {
    expect(campaignRegionsCaption({ counties: 26, pace: 1 }, true)).toContain("每县份额 = 目标 ÷ 26 个县");
    expect(campaignRegionsCaption({ counties: 26, pace: 1 }, true)).toContain("年度已结束");
    expect(campaignRegionsCaption({ counties: 2, pace: 0.4567 }, true)).toContain("按时间进度 45%");
    expect(campaignRegionsCaption({ counties: 2, pace: 0 }, true)).toContain("尚未开始");
    expect(campaignRegionsCaption({ counties: 2, pace: 0.5 }, false)).toContain("未设定目标");
  });
  it("rounds percents down", () => {
    expect(percentOf(0.999)).toBe(99);
    expect(percentOf(0.29)).toBe(29);
  });
});
