import { z } from "zod";
import { priorityKindSchema, regionCodeSchema } from "../../region";

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
    /** 锁定: this expert is on this problem's team (the rest of a larger team is still planned), or the problem waits. */
    pins: z.array(pairSchema).max(5000, "锁定的配对过多").default([]),
    /** 排除: never this expert for this problem. */
    forbids: z.array(pairSchema).max(5000, "排除的配对过多").default([]),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "开始日期不能晚于结束日期", path: ["to"] });
export type PlanComputeInput = z.input<typeof planComputeSchema>;

export const planReasonKinds = ["trade", "skill", "travel", "load", "continuity", "pinned"] as const;

/** A planned team's 负责专家 (the problem's owner once accepted) and its 协助专家. */
export const planTeamRoles = ["owner", "member"] as const;
export const planTeamRoleSchema = z.enum(planTeamRoles, { error: "团队角色应为负责专家或协助专家" });
export type PlanTeamRole = z.infer<typeof planTeamRoleSchema>;
export const planTeamRoleLabels: Record<PlanTeamRole, string> = { owner: "负责专家", member: "协助专家" };

/** One row per (problem, expert) pair: a team of three is three rows, its owner first. */
export const planAssignmentSchema = z.object({
  problemId: z.uuid(),
  problemCode: z.string(),
  problemTitle: z.string(),
  trade: z.string(),
  enterpriseName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  priority: z.array(priorityKindSchema),
  /** 需要专家人数 of the problem. */
  teamSize: z.number().int(),
  /** The cheapest pair of the team is planned as its 负责专家, the others as 协助专家. */
  role: planTeamRoleSchema,
  expertId: z.uuid(),
  expertName: z.string(),
  /** What tells the expert apart from a namesake: work unit · home county · skill level. */
  expertDetail: z.string(),
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
  teamSize: z.number().int(),
  /** Slots of the team left empty: teamSize when nobody was found, fewer for a team partly filled (its pairs are among the assignments). */
  missing: z.number().int(),
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
    /** Problems given at least their 负责专家 (a team may still miss members; those are also in unassigned). */
    assigned: z.number().int(),
    priorityAssigned: z.number().int(),
    /** Problems with at least one empty slot. */
    unassigned: z.number().int(),
    /** Experts wanted over all problems (the sum of team sizes), pairs planned, and slots left empty. */
    slots: z.number().int(),
    assignedPairs: z.number().int(),
    missingSlots: z.number().int(),
    experts: z.number().int(),
    expertsUsed: z.number().int(),
    candidateArcs: z.number().int(),
    totalCost: z.number(),
    meanDistanceKm: z.number(),
  }),
  /**
   * Database reads; candidate pairs and their distances; the exact solves; all of it. `solves` is 1,
   * or more when problems left short were given idle experts outside their shortlist and re-solved.
   */
  timing: z.object({ loadMs: z.number(), buildMs: z.number(), solveMs: z.number(), totalMs: z.number(), solves: z.number().int() }),
});
export type PlanResult = z.infer<typeof planResultSchema>;

/** A pair to accept; without a role, a problem's first pair is its 负责专家 and the rest its 协助专家. */
export const planAcceptPairSchema = pairSchema.extend({ role: planTeamRoleSchema.optional() });
export const planAcceptSchema = z.strictObject({
  assignments: z.array(planAcceptPairSchema).min(1, "方案中没有可采纳的配对").max(50_000, "一次采纳的配对过多"),
});
export type PlanAcceptInput = z.infer<typeof planAcceptSchema>;
/** `accepted`: problems matched (each with its whole planned team); `members`: 协助专家 added. */
export const planAcceptResultSchema = z.object({ accepted: z.number().int(), members: z.number().int() });

export const planUnassignedReasonLabels: Record<PlanUnassigned["reason"], string> = {
  "no-eligible-expert": "无对口且有余力的专家",
  "too-few-eligible-experts": "对口专家不足",
  "experts-needed-elsewhere": "对口专家已安排给更优先或更近的难题",
};
