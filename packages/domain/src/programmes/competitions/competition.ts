import { z } from "zod";
import { skillLevelSchema } from "../../people";
import { markingSchemeSchema, prizeCountsSchema, prizeKinds } from "./scoring";
import { resultStatusSchema } from "./resultLifecycle";

// Answers are zod schemas too: the routes declare them as response schemas, so the OpenAPI page
// documents them and the serializer drops any field not listed (nothing extra leaks). Plain
// z.object, not strict: a stray field is removed from the answer rather than failing it.
const iso = z.string();
const isoOrNull = z.string().nullable();

/** 重点赛 / 示范赛 / 常规赛: the federation's three tiers. */
export const competitionTiers = ["key", "model", "regular"] as const;
export type CompetitionTier = (typeof competitionTiers)[number];
export const competitionTierLabels: Record<CompetitionTier, string> = { key: "重点赛", model: "示范赛", regular: "常规赛" };

export const competitionLevels = ["province", "city", "county", "township"] as const;
export type CompetitionLevel = (typeof competitionLevels)[number];
export const competitionLevelLabels: Record<CompetitionLevel, string> = { province: "省级", city: "市级", county: "县级", township: "乡镇(街道)级" };

const date = (what: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${what}格式应为YYYY-MM-DD` });

export const competitionInputSchema = z
  .strictObject({
    name: z.string().trim().min(2, { error: "请填写竞赛名称" }).max(100, { error: "竞赛名称不超过100字" }),
    tier: z.enum(competitionTiers, { error: "请选择竞赛类别(重点赛、示范赛、常规赛)" }),
    level: z.enum(competitionLevels, { error: "请选择竞赛级别" }),
    organiserUnionId: z.uuid({ error: "请选择主办工会" }),
    startsOn: date("开始日期"),
    endsOn: date("结束日期"),
    venue: z.string().trim().min(2, { error: "请填写举办地点" }).max(100),
    /** Where it is held (a county-level unit): the figures count it there. */
    countyCode: z.string().regex(/^\d{6}$/, { error: "请选择举办地所在县(市、区)" }),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ["endsOn"], message: "结束日期不能早于开始日期" });
export type CompetitionInput = z.infer<typeof competitionInputSchema>;

export const eligibilitySchema = z.strictObject({
  /** 职业(工种) names accepted; empty = any. */
  occupations: z.array(z.string().trim().min(1).max(40)).max(20),
  minAge: z.number().int().min(16, { error: "最低年龄不小于16岁" }).max(70).nullable(),
  maxAge: z.number().int().min(16).max(70, { error: "最高年龄不大于70岁" }).nullable(),
  /** 技能等级 accepted (高级工, 技师 …); empty = any. */
  skillLevels: z.array(skillLevelSchema).max(10),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

export const eventInputSchema = z.strictObject({
  name: z.string().trim().min(2, { error: "请填写赛项名称" }).max(60),
  /** 职业分类大典 code, e.g. 4-10-01-05. */
  tradeCode: z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/, { error: "职业编码格式应为 X-XX-XX-XX(职业分类大典)" }),
  tradeName: z.string().trim().min(2, { error: "请填写职业(工种)名称" }).max(40),
  scheme: markingSchemeSchema,
  prizeCounts: prizeCountsSchema,
  eligibility: eligibilitySchema,
  appealWindowMinutes: z.number().int().min(30, { error: "申诉期不少于30分钟" }).max(7 * 24 * 60).default(120),
});
export type EventInput = z.input<typeof eventInputSchema>;

export const competitionEventSchema = z.object({
  id: z.string(),
  competitionId: z.string(),
  name: z.string(),
  tradeCode: z.string(),
  tradeName: z.string(),
  scheme: markingSchemeSchema,
  prizeCounts: prizeCountsSchema,
  eligibility: eligibilitySchema,
  appealWindowMinutes: z.number(),
  status: resultStatusSchema,
  /** When judging opened: the scheme is locked from then on. */
  judgingOpenedAt: isoOrNull,
  entryNumbersDrawn: z.boolean(),
  chiefSignedAt: isoOrNull,
  supervisorSignedAt: isoOrNull,
  publishedAt: isoOrNull,
  finalAt: isoOrNull,
  contestants: z.number().int(),
});
export type CompetitionEvent = z.infer<typeof competitionEventSchema>;

const competitionFields = {
  id: z.string(),
  name: z.string(),
  tier: z.enum(competitionTiers),
  level: z.enum(competitionLevels),
  organiserUnionId: z.string(),
  organiserUnionName: z.string(),
  year: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
};
export const competitionSchema = z.object({ ...competitionFields, events: z.array(competitionEventSchema) });
export type Competition = z.infer<typeof competitionSchema>;

export const competitionListQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  tier: z.enum(competitionTiers).optional(),
  level: z.enum(competitionLevels).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const competitionSummarySchema = z.object({ ...competitionFields, eventCount: z.number().int(), contestants: z.number().int() });
export type CompetitionSummary = z.infer<typeof competitionSummarySchema>;

// ---- registrations ----

export const registrationInputSchema = z.strictObject({
  /** Omitted by a worker registering themself; a union or staff names the person (people registry). */
  personId: z.uuid({ error: "请选择职工" }).optional(),
});

export const registrationStatuses = ["registered", "withdrawn"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** A registration: the contestant's name and employer only (no resident ID or phone, not even masked). */
export const registrationSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  personId: z.string(),
  personName: z.string(),
  /** Drawn at random once registration closes; judges see only this. */
  entryNumber: z.string().nullable(),
  registeredBy: z.enum(["self", "union", "staff"]),
  status: z.enum(registrationStatuses),
  countyCode: z.string(),
  employerName: z.string().nullable(),
  createdAt: iso,
});
export type Registration = z.infer<typeof registrationSchema>;

// ---- panels ----

export const panelDuties = ["judge", "chief", "supervisor"] as const;
export type PanelDuty = (typeof panelDuties)[number];
export const panelDutyLabels: Record<PanelDuty, string> = { judge: "裁判员", chief: "裁判长", supervisor: "监督仲裁" };

export const panelMemberInputSchema = z.strictObject({
  userId: z.uuid({ error: "请选择账号" }),
  duty: z.enum(panelDuties, { error: "请选择职责" }),
  /** Declared employer (an enterprise on record, or its name). */
  employerEnterpriseId: z.uuid().nullable().default(null),
  employerName: z.string().trim().max(100).nullable().default(null),
  /** Declared trainees (徒弟/学员): people records. */
  traineePersonIds: z.array(z.uuid()).max(200).default([]),
});
export type PanelMemberInput = z.input<typeof panelMemberInputSchema>;

export const panelMemberSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  duty: z.enum(panelDuties),
  employerEnterpriseId: z.string().nullable(),
  employerName: z.string().nullable(),
  traineePersonIds: z.array(z.string()),
});
export type PanelMember = z.infer<typeof panelMemberSchema>;

/** An account the organiser may put on a panel (the panel form's picker). */
export const panelCandidateSchema = z.object({ userId: z.string(), displayName: z.string(), roleLabel: z.string() });
export type PanelCandidate = z.infer<typeof panelCandidateSchema>;

export const allocationInputSchema = z.strictObject({
  judgeUserId: z.uuid({ error: "请选择裁判" }),
  registrationIds: z.array(z.uuid()).min(1, { error: "请选择选手" }).max(500),
  aspectKeys: z.array(z.string()).min(1, { error: "请选择评分项" }).max(50),
});

export const conflictEntrySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  judgeUserId: z.string(),
  judgeName: z.string(),
  registrationId: z.string(),
  entryNumber: z.string().nullable(),
  reason: z.enum(["employer", "trainee"]),
  refusedAt: iso,
});
export type ConflictEntry = z.infer<typeof conflictEntrySchema>;
export const conflictReasonLabels = { employer: "同一工作单位", trainee: "申报的徒弟/学员" } as const;

// ---- marks ----

export const markInputSchema = z.strictObject({
  mark: z.number({ error: "请填写分数" }).min(0, { error: "分数不能为负" }).max(1000),
  /** Required when changing a mark already entered. */
  reason: z.string().trim().max(200).optional(),
});

export const verifyInputSchema = z.strictObject({
  decision: z.enum(["confirm", "reject"], { error: "只能确认或退回" }),
  note: z.string().trim().max(200).optional(),
});

export const markVerifications = ["pending", "confirmed", "rejected"] as const;
export type MarkVerification = (typeof markVerifications)[number];

/** One allocated mark as the judge (or verifier) sees it: contestants by entry number only. */
export const markSlotSchema = z.object({
  allocationId: z.string(),
  registrationId: z.string(),
  entryNumber: z.string().nullable(),
  aspectKey: z.string(),
  aspectName: z.string(),
  maxMark: z.number(),
  judgeUserId: z.string(),
  judgeName: z.string(),
  mark: z.number().nullable(),
  enteredAt: isoOrNull,
  verification: z.enum(markVerifications).nullable(),
  verifierName: z.string().nullable(),
  verificationNote: z.string().nullable(),
});
export type MarkSlot = z.infer<typeof markSlotSchema>;
/** A judge's own slot: the other judges' marks on it once every allocated mark of the contestant is in. */
export const mySlotSchema = markSlotSchema.extend({ others: z.array(z.object({ judgeName: z.string(), mark: z.number().nullable() })).nullable() });
export type MySlot = z.infer<typeof mySlotSchema>;

// ---- results and appeals ----

export const resultRowSchema = z.object({
  registrationId: z.string(),
  entryNumber: z.string().nullable(),
  /** Empty for readers who see entry numbers only (judges before publication). */
  personName: z.string(),
  employerName: z.string().nullable(),
  total: z.number().nullable(),
  place: z.number().int().nullable(),
  shared: z.boolean(),
  prize: z.enum(prizeKinds).nullable(),
  aspects: z.array(
    z.object({ key: z.string(), score: z.number().nullable(), weighted: z.number().nullable(), divergent: z.boolean(), spread: z.number(), counted: z.array(z.number()), dropped: z.array(z.number()) }),
  ),
  divergentAspects: z.array(z.string()),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

export const eventResultsSchema = z.object({
  event: competitionEventSchema,
  competitionName: z.string(),
  rows: z.array(resultRowSchema),
  marksExpected: z.number().int(),
  marksEntered: z.number().int(),
  marksConfirmed: z.number().int(),
  appealWindowEndsAt: isoOrNull,
});
export type EventResults = z.infer<typeof eventResultsSchema>;

export const appealInputSchema = z.strictObject({
  registrationId: z.uuid({ error: "请选择申诉的选手" }),
  text: z.string().trim().min(5, { error: "请写明申诉理由(至少5字)" }).max(2000),
});

export const appealDecisionSchema = z.strictObject({
  decision: z.enum(["upheld", "dismissed"], { error: "请选择裁决结果" }),
  note: z.string().trim().min(2, { error: "请写明裁决意见" }).max(1000),
  /** An upheld appeal may correct marks; each is audited with the appeal as its reason. */
  corrections: z.array(z.strictObject({ allocationId: z.uuid(), mark: z.number().min(0).max(1000) })).max(50).default([]),
});

export const appealSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  registrationId: z.string(),
  entryNumber: z.string().nullable(),
  text: z.string(),
  status: z.enum(["open", "upheld", "dismissed"]),
  decisionNote: z.string().nullable(),
  lodgedAt: iso,
  decidedAt: isoOrNull,
});
export type Appeal = z.infer<typeof appealSchema>;

// ---- 浙江金蓝领 ----

export const goldBlueCollarStatuses = ["nominated", "approved", "declined"] as const;
export type GoldBlueCollarStatus = (typeof goldBlueCollarStatuses)[number];
export const goldBlueCollarStatusLabels: Record<GoldBlueCollarStatus, string> = { nominated: "已提名", approved: "已认定", declined: "未认定" };

export const goldBlueCollarSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventName: z.string(),
  competitionName: z.string(),
  year: z.number().int(),
  personName: z.string(),
  place: z.number().int(),
  status: z.enum(goldBlueCollarStatuses),
  certificateNo: z.string().nullable(),
  approvedAt: isoOrNull,
});
export type GoldBlueCollar = z.infer<typeof goldBlueCollarSchema>;

/** What the public certificate check answers: enough to trust the paper, nothing personal beyond the name. */
export const certificateCheckSchema = z.object({
  valid: z.boolean(),
  certificateNo: z.string(),
  personName: z.string().optional(),
  competitionName: z.string().optional(),
  eventName: z.string().optional(),
  year: z.number().int().optional(),
  approvedOn: z.string().optional(),
});
export type CertificateCheck = z.infer<typeof certificateCheckSchema>;

export const goldBlueCollarDecisionSchema = z.strictObject({ decision: z.enum(["approve", "decline"]), note: z.string().trim().max(200).optional() });

// ---- the other answers (event view, judging list, public results, statistics, small acknowledgements) ----

/** An event with what the reader may do there: the pages show the buttons that match. */
export const eventViewSchema = z.object({
  event: competitionEventSchema,
  competitionId: z.string(),
  competitionName: z.string(),
  organiser: z.boolean(),
  duties: z.array(z.enum(panelDuties)),
});
export type EventView = z.infer<typeof eventViewSchema>;

/** A judge's own allocation on an event, and the others' entries waiting for a second person. */
export const judgingProgressSchema = z.object({ allocated: z.number().int(), entered: z.number().int(), toVerify: z.number().int() });
export type JudgingProgress = z.infer<typeof judgingProgressSchema>;
export const judgingEventSchema = eventViewSchema.extend({ startsOn: z.string(), progress: judgingProgressSchema });
export type JudgingEvent = z.infer<typeof judgingEventSchema>;

/** 公众服务 prize list of one final event: names, employers, places, totals, prizes; nothing else about the people. */
export const publicEventResultsSchema = z.object({
  competitionName: z.string(),
  eventName: z.string(),
  tradeName: z.string(),
  year: z.number().int(),
  finalAt: z.string(),
  rows: z.array(z.object({ place: z.number().int(), name: z.string(), employerName: z.string().nullable(), total: z.number(), prize: z.string().nullable() })),
});
export type PublicEventResults = z.infer<typeof publicEventResultsSchema>;

const countSchema = { contestants: z.number().int(), winners: z.number().int() };
export const competitionStatsSchema = z.object({
  year: z.number().int(),
  byCity: z.array(z.object({ code: z.string(), name: z.string(), ...countSchema })),
  byTrade: z.array(z.object({ tradeName: z.string(), ...countSchema })),
  bySex: z.array(z.object({ sex: z.enum(["male", "female", "unknown"]), ...countSchema })),
  goldBlueCollarByYear: z.array(z.object({ year: z.number().int(), approved: z.number().int() })),
});
export type CompetitionStats = z.infer<typeof competitionStatsSchema>;

export const drawAnswerSchema = z.object({ drawn: z.boolean() });
export const openJudgingAnswerSchema = z.object({ openedOn: z.string() });
export const allocationAnswerSchema = z.object({ allocated: z.number().int() });
