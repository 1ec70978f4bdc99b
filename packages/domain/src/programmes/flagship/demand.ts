import { z } from "zod";
import { pageQuerySchema } from "../../paging";
import { tradeCodeSchema } from "../../people";
import { problemStatusSchema } from "./problemLifecycle";
import { roleSchema } from "../../roles";
import { regionCodeSchema } from "../../region";
import { correctionReasonSchema, showVoidedQuerySchema, voidedSchema } from "./correction";

export const urgencies = ["low", "normal", "high", "critical"] as const;
export const urgencySchema = z.enum(urgencies, { error: "请选择紧急程度" });
export const urgencyLabels: Record<(typeof urgencies)[number], string> = { low: "不急", normal: "一般", high: "紧急", critical: "特急" };

/** 需要专家人数: a problem is served by its 负责专家 and up to two 协助专家. */
export const maxTeamSize = 3;
export const teamSizeSchema = z
  .number({ error: "请填写需要专家人数" })
  .int("需要专家人数应为整数")
  .min(1, `需要专家人数为1–${maxTeamSize}人`)
  .max(maxTeamSize, `需要专家人数为1–${maxTeamSize}人`);

export const problemInputSchema = z.strictObject({
  title: z.string().trim().min(4, "难题标题至少4个字").max(80, "难题标题不超过80个字"),
  description: z.string().trim().min(10, "请描述难题(至少10个字)").max(2000, "描述不超过2000个字"),
  trade: tradeCodeSchema,
  urgency: urgencySchema.default("normal"),
  teamSize: teamSizeSchema.default(1),
});
export type ProblemInput = z.infer<typeof problemInputSchema>;

export const trainingNeedInputSchema = z.strictObject({
  topic: z.string().trim().min(2, "请填写培训主题").max(80, "培训主题不超过80个字"),
  workers: z.number({ error: "请填写培训人数" }).int("人数应为整数").min(1, "至少1人").max(10000, "人数过多"),
});

/** 需求清单: what one enterprise asks for at one time. */
export const demandListInputSchema = z
  .strictObject({
    enterpriseId: z.uuid({ error: "请选择企业" }),
    note: z.string().trim().max(500, "备注不超过500个字").optional(),
    problems: z.array(problemInputSchema).max(50, "一次最多提交50个难题").default([]),
    trainingNeeds: z.array(trainingNeedInputSchema).max(20, "一次最多提交20项培训需求").default([]),
  })
  .refine((d) => d.problems.length + d.trainingNeeds.length > 0, { message: "需求清单至少包含一个难题或一项培训需求", path: ["problems"] });
export type DemandListInput = z.infer<typeof demandListInputSchema>;

export const problemEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  from: problemStatusSchema.nullable(),
  to: problemStatusSchema,
  byName: z.string(),
  byRole: roleSchema,
  /** The actor's unit (their union, enterprise or employer), when known. */
  byUnit: z.string().nullable(),
  /**
   * An expert actor's identity detail (work unit · home county · level, expertDetailOf) read from the
   * pool when the event was written by an expert's account; null for everyone else. The employer alone
   * (byUnit) reads alike for two namesakes at one employer.
   */
  byExpertDetail: z.string().nullable(),
  note: z.string().nullable(),
});

export const problemSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  trade: tradeCodeSchema,
  urgency: urgencySchema,
  status: problemStatusSchema,
  statusChangedAt: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  demandListId: z.string().nullable(),
  sessionId: z.string().nullable(),
  ownerExpertId: z.string().nullable(),
  ownerExpertName: z.string().nullable(),
  /** What tells the owner apart from a namesake: work unit · home county · skill level. */
  ownerExpertDetail: z.string().nullable(),
  /** 需要专家人数: the owner plus teamSize − 1 co-experts at most. */
  teamSize: z.number().int(),
  solution: z.string().nullable(),
  solvedAt: z.string().nullable(),
  createdAt: z.string(),
  voided: voidedSchema.nullable(),
});
export type Problem = z.infer<typeof problemSchema>;

/** A move the current user may make now (the server computes it; the UI shows exactly these). */
export const problemMoveOptionSchema = z.object({
  to: problemStatusSchema,
  label: z.string(),
  noteRequired: z.boolean(),
  needsOwner: z.boolean(),
});
export type ProblemMoveOption = z.infer<typeof problemMoveOptionSchema>;

export const problemRatingViewSchema = z.object({
  score: z.number().int(),
  comment: z.string().nullable(),
  at: z.string(),
});

/** 协助专家: an expert serving the problem beside its owner. */
export const problemTeamMemberSchema = z.object({
  expertId: z.string(),
  expertName: z.string(),
  expertDetail: z.string(),
  addedAt: z.string(),
});
export type ProblemTeamMember = z.infer<typeof problemTeamMemberSchema>;

export const problemDetailSchema = problemSchema.extend({
  /** The co-experts, in the order they joined (the owner is ownerExpertId, never repeated here). */
  teamMembers: z.array(problemTeamMemberSchema),
  /** Whether the user may change the team (its size, its co-experts): staff who assign experts, open problems only. */
  canManageTeam: z.boolean(),
  events: z.array(problemEventSchema),
  moves: z.array(problemMoveOptionSchema),
  /** Whether the user may add a progress note (staff in scope, the owning expert; open problems only). */
  canNote: z.boolean(),
  /** Whether the user may rate it now (its enterprise, once solved, once). */
  canRate: z.boolean(),
  rating: problemRatingViewSchema.nullable(),
});
export type ProblemDetail = z.infer<typeof problemDetailSchema>;
export type ProblemEvent = z.infer<typeof problemEventSchema>;

export const trainingNeedStatuses = ["open", "planned", "done"] as const;
export const trainingNeedStatusLabels: Record<(typeof trainingNeedStatuses)[number], string> = { open: "待安排", planned: "已安排", done: "已完成" };
export const trainingNeedSchema = z.object({
  id: z.string(),
  topic: z.string(),
  workers: z.number().int(),
  status: z.enum(trainingNeedStatuses),
});
export type TrainingNeed = z.infer<typeof trainingNeedSchema>;

export const demandListSources = ["enterprise", "union"] as const;
export const demandListSourceLabels: Record<(typeof demandListSources)[number], string> = { enterprise: "企业自主提交", union: "工会代为录入" };

/**
 * Where a demand list stands, from its problems and training needs: 待受理 while any problem waits
 * for acceptance (or, with no problems, no training need is arranged yet); 已办结 when every problem
 * is final and every training need done; 已撤回 once its enterprise took it back; else 办理中.
 */
export const demandListStatuses = ["pending", "inProgress", "done", "withdrawn"] as const;
export const demandListStatusSchema = z.enum(demandListStatuses, { error: "清单状态应为 pending、inProgress、done 或 withdrawn" });
export type DemandListStatus = z.infer<typeof demandListStatusSchema>;
export const demandListStatusLabels: Record<DemandListStatus, string> = { pending: "待受理", inProgress: "办理中", done: "已办结", withdrawn: "已撤回" };

export const demandListSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  source: z.enum(demandListSources),
  /**
   * Who submitted it: the account's name; for a list with no account on record (older data) the
   * enterprise's contact person or the county federation that entered it — never blank.
   */
  submittedByName: z.string(),
  status: demandListStatusSchema,
  /** Its problems waiting for acceptance (the 待受理 marker). */
  pendingCount: z.number().int(),
  note: z.string().nullable(),
  submittedAt: z.string(),
  problemCount: z.number().int(),
  /** Of its problems, how many are solved: the list's progress at a glance. */
  solvedCount: z.number().int(),
  trainingNeedCount: z.number().int(),
  trainingWorkers: z.number().int(),
  /** When its enterprise took it back (before acceptance); null while it stands. */
  withdrawnAt: z.string().nullable(),
});
export type DemandList = z.infer<typeof demandListSchema>;

export const demandListDetailSchema = demandListSchema.extend({
  problems: z.array(problemSchema),
  trainingNeeds: z.array(trainingNeedSchema),
});
export type DemandListDetail = z.infer<typeof demandListDetailSchema>;

export const demandListQuerySchema = pageQuerySchema.extend({
  enterpriseId: z.uuid().optional(),
  regionCode: regionCodeSchema.optional(),
  /** Enterprise name or 统一社会信用代码, or a word of one of its problems' titles. */
  q: z.string().trim().max(50, "搜索词不超过50个字").optional(),
  status: demandListStatusSchema.optional(),
});
export type DemandListQuery = z.infer<typeof demandListQuerySchema>;

export const problemListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  status: problemStatusSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  enterpriseId: z.uuid().optional(),
  expertId: z.uuid().optional(),
  open: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  showVoided: showVoidedQuerySchema,
});
export type ProblemListQuery = z.infer<typeof problemListQuerySchema>;

export const problemMoveSchema = z.strictObject({
  to: problemStatusSchema,
  note: z.string().trim().max(1000, "说明不超过1000个字").optional(),
  /** Required by moves that assign ("指派专家"). */
  ownerExpertId: z.uuid({ error: "请选择负责专家" }).optional(),
});
export type ProblemMove = z.infer<typeof problemMoveSchema>;

/** Editing a problem: today only its team size (not below the team it already has). */
export const problemUpdateSchema = z.strictObject({ teamSize: teamSizeSchema });
export type ProblemUpdate = z.infer<typeof problemUpdateSchema>;

/** Adding a 协助专家 to a problem that has its owner. */
export const problemTeamMemberInputSchema = z.strictObject({ expertId: z.uuid({ error: "请选择协助专家" }) });
export type ProblemTeamMemberInput = z.infer<typeof problemTeamMemberInputSchema>;

/** A note on progress that does not change the status (an attempt during follow-up, say). */
export const problemNoteSchema = z.strictObject({ note: z.string().trim().min(2, "请填写进展说明").max(1000, "说明不超过1000个字") });

export const overdueQuerySchema = pageQuerySchema.extend({
  days: z.coerce.number({ error: "天数应为数字" }).int("天数应为整数").min(1, "天数至少为1").max(365, "天数最多365").optional(),
  regionCode: regionCodeSchema.optional(),
});
export type OverdueQuery = z.infer<typeof overdueQuerySchema>;

/** An overdue problem: when anyone last moved it or noted progress on it, and the whole days since. */
export const overdueProblemSchema = problemSchema.extend({ lastActivityAt: z.string(), idleDays: z.number().int() });
export type OverdueProblem = z.infer<typeof overdueProblemSchema>;
/** The overdue page: the threshold applied (the configured default unless asked otherwise) and the page of problems. */
export const overduePageSchema = z.object({
  days: z.number().int(),
  items: z.array(overdueProblemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The enterprise's rating of the help on one of its problems. */
export const problemRatingSchema = z.strictObject({
  score: z.number({ error: "请评分" }).int("评分应为整数").min(1, "评分为1–5分").max(5, "评分为1–5分"),
  comment: z.string().trim().max(500, "评价不超过500个字").optional(),
});
export type ProblemRatingInput = z.infer<typeof problemRatingSchema>;

/**
 * 更正难题文字: its enterprise may reword it freely until the union accepts it; after that (it is in the
 * statistics and on people's desks) staff correct it, with the reason on record.
 */
export const problemTextCorrectionSchema = z
  .strictObject({
    title: z.string().trim().min(4, "难题标题至少4个字").max(80, "难题标题不超过80个字").optional(),
    description: z.string().trim().min(10, "请描述难题(至少10个字)").max(2000, "描述不超过2000个字").optional(),
    reason: correctionReasonSchema.optional(),
  })
  .refine((c) => c.title !== undefined || c.description !== undefined, { message: "请修改至少一项", path: ["title"] });
export type ProblemTextCorrection = z.infer<typeof problemTextCorrectionSchema>;
