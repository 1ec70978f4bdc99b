import { describe, expect, it } from "vitest";
import { planSummaryText, planTimingText } from "./planTexts";

describe("the planner's words on screen", () => {
  it("the summary has no timings, costs or other planner jargon", () => {
    const text = planSummaryText({ problems: 10, priorityProblems: 3, assigned: 8, priorityAssigned: 3, unassigned: 2, slots: 12, assignedPairs: 11, missingSlots: 1, experts: 40, expertsUsed: 9, candidateArcs: 500, totalCost: 930, meanDistanceKm: 21.4 });
    expect(text).toContain("共安排 11 人次");
    expect(text).not.toMatch(/ms|毫秒|代价|成本/);
  });
  it("keeps the timings for the collapsed 技术信息", () => {
    expect(planTimingText({ loadMs: 878, buildMs: 12, solveMs: 40, solves: 2, totalMs: 930 })).toMatch(/^读取数据 878 毫秒.*（2 轮）.*共 930 毫秒/);
  });
});
