import { z } from "zod";
import { priorityKindSchema, regionCodeSchema } from "./region";

/** 专家调度规划: the whole expert pool given to all waiting problems at once (issue 5). */

const isoDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const pairSchema = z.strictObject({
  problemId: z.uuid({ error: "难题编号格式不正确" }),
  expertId: z.uuid({ error: "专家编号格式不正确" }),
});
export type PlanPair = z.infer<typeof pairSchema>;

export const planComputeSchema = z
  .strictObject({
    regionCode: regionCodeSchema.optional(),
    campaignId: z.uuid({ error: "专项行动编号格式不正确" }).optional(),
    /** Problems recorded in this period (China dates, inclusive). */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** 锁定: this problem gets this expert or nobody. */
    pins: z.array(pairSchema).max(5000, "锁定的配对过多").default([]),
    /** 排除: never this expert for this problem. */
    forbids: z.array(pairSchema).max(5000, "排除的配对过多").default([]),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "开始日期不能晚于结束日期", path: ["to"] });
export type PlanComputeInput = z.input<typeof planComputeSchema>;

export const planReasonKinds = ["trade", "skill", "travel", "load", "continuity", "pinned"] as const;
export const planAssignmentSchema = z.object({
  problemId: z.uuid(),
  problemCode: z.string(),
  problemTitle: z.string(),
  trade: z.string(),
  enterpriseName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  priority: z.array(priorityKindSchema),
  expertId: z.uuid(),
  expertName: z.string(),
  expertCountyName: z.string(),
  /** The expert's home county, so the plan's map can draw where experts travel from. */
  expertCountyCode: z.string(),
  distanceKm: z.number().int(),
  /** The model's cost of this pair; lower is better. The terms below add up to it. */
  cost: z.number().int(),
  terms: z.object({ tradeFit: z.number(), skill: z.number(), travel: z.number(), load: z.number(), continuity: z.number() }),
  /** Why this pair, in words: one short tag per term. */
  reasons: z.array(z.string()),
  pinned: z.boolean(),
});
export type PlanAssignment = z.infer<typeof planAssignmentSchema>;

export const planUnassignedSchema = z.object({
  problemId: z.uuid(),
  problemCode: z.string(),
  problemTitle: z.string(),
  trade: z.string(),
  enterpriseName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  priority: z.array(priorityKindSchema),
  reason: z.enum(["no-eligible-expert", "too-few-eligible-experts", "experts-needed-elsewhere"]),
  reasonText: z.string(),
});
export type PlanUnassigned = z.infer<typeof planUnassignedSchema>;

export const planResultSchema = z.object({
  assignments: z.array(planAssignmentSchema),
  unassigned: z.array(planUnassignedSchema),
  totals: z.object({
    problems: z.number().int(),
    priorityProblems: z.number().int(),
    assigned: z.number().int(),
    priorityAssigned: z.number().int(),
    unassigned: z.number().int(),
    experts: z.number().int(),
    expertsUsed: z.number().int(),
    candidateArcs: z.number().int(),
    totalCost: z.number(),
    meanDistanceKm: z.number(),
  }),
  /** Database reads; candidate pairs and their distances; the exact solve; all of it. */
  timing: z.object({ loadMs: z.number(), buildMs: z.number(), solveMs: z.number(), totalMs: z.number() }),
});
export type PlanResult = z.infer<typeof planResultSchema>;

export const planAcceptSchema = z.strictObject({
  assignments: z.array(pairSchema).min(1, "方案中没有可采纳的配对").max(50_000, "一次采纳的配对过多"),
});
export type PlanAcceptInput = z.infer<typeof planAcceptSchema>;
export const planAcceptResultSchema = z.object({ accepted: z.number().int() });

export const planUnassignedReasonLabels: Record<PlanUnassigned["reason"], string> = {
  "no-eligible-expert": "无对口且有余力的专家",
  "too-few-eligible-experts": "对口专家不足",
  "experts-needed-elsewhere": "对口专家已安排给更优先或更近的难题",
};
