import type { PlanResult } from "@jiangxin/domain";

/** The plan's one-line explanation, in the words of the people who use it: no costs, no timings. */
export function planSummaryText(totals: PlanResult["totals"]): string {
  return `每个难题按需要专家人数组队，团队中综合匹配最好（工种对口、路近、在办任务少）的一位为负责专家；共安排 ${totals.assignedPairs} 人次。`;
}

/** How long each step took, for staff diagnosing a slow plan; shown only in the collapsed 技术信息. */
export function planTimingText(timing: PlanResult["timing"]): string {
  const rounds = timing.solves > 1 ? `（${timing.solves} 轮）` : "";
  return `读取数据 ${timing.loadMs} 毫秒，构建 ${timing.buildMs} 毫秒，求解 ${timing.solveMs} 毫秒${rounds}，共 ${timing.totalMs} 毫秒。匹配分值为工种、技能、路程、在办负荷、服务连续性的加权和，越低越合适。`;
}
