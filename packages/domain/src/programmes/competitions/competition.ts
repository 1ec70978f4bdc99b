import { z } from "zod";
import { skillLevelSchema } from "../../people";
import { markingSchemeSchema, prizeCountsSchema, type MarkingScheme, type PrizeCounts, type PrizeKind } from "./scoring";
import type { ResultStatus } from "./resultLifecycle";

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

export type CompetitionEvent = {
  id: string;
  competitionId: string;
  name: string;
  tradeCode: string;
  tradeName: string;
  scheme: MarkingScheme;
  prizeCounts: PrizeCounts;
  eligibility: Eligibility;
  appealWindowMinutes: number;
  status: ResultStatus;
  /** When judging opened: the scheme is locked from then on. */
  judgingOpenedAt: string | null;
  entryNumbersDrawn: boolean;
  chiefSignedAt: string | null;
  supervisorSignedAt: string | null;
  publishedAt: string | null;
  finalAt: string | null;
  contestants: number;
};

export type Competition = {
  id: string;
  name: string;
  tier: CompetitionTier;
  level: CompetitionLevel;
  organiserUnionId: string;
  organiserUnionName: string;
  year: number;
  startsOn: string;
  endsOn: string;
  venue: string;
  countyCode: string;
  countyName: string;
  events: CompetitionEvent[];
};

export const competitionListQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  tier: z.enum(competitionTiers).optional(),
  level: z.enum(competitionLevels).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type CompetitionSummary = Omit<Competition, "events"> & { eventCount: number; contestants: number };

// ---- registrations ----

export const registrationInputSchema = z.strictObject({
  /** Omitted by a worker registering themself; a union or staff names the person (people registry). */
  personId: z.uuid({ error: "请选择职工" }).optional(),
});

export const registrationStatuses = ["registered", "withdrawn"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export type Registration = {
  id: string;
  eventId: string;
  personId: string;
  personName: string;
  /** Drawn at random once registration closes; judges see only this. */
  entryNumber: string | null;
  registeredBy: "self" | "union" | "staff";
  status: RegistrationStatus;
  countyCode: string;
  employerName: string | null;
  createdAt: string;
};

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

export type PanelMember = {
  id: string;
  eventId: string;
  userId: string;
  displayName: string;
  duty: PanelDuty;
  employerEnterpriseId: string | null;
  employerName: string | null;
  traineePersonIds: string[];
};

export const allocationInputSchema = z.strictObject({
  judgeUserId: z.uuid({ error: "请选择裁判" }),
  registrationIds: z.array(z.uuid()).min(1, { error: "请选择选手" }).max(500),
  aspectKeys: z.array(z.string()).min(1, { error: "请选择评分项" }).max(50),
});

export type ConflictEntry = {
  id: string;
  eventId: string;
  judgeUserId: string;
  judgeName: string;
  registrationId: string;
  entryNumber: string | null;
  reason: "employer" | "trainee";
  refusedAt: string;
};
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
export type MarkSlot = {
  allocationId: string;
  registrationId: string;
  entryNumber: string | null;
  aspectKey: string;
  aspectName: string;
  maxMark: number;
  judgeUserId: string;
  judgeName: string;
  mark: number | null;
  enteredAt: string | null;
  verification: MarkVerification | null;
  verifierName: string | null;
  verificationNote: string | null;
};

// ---- results and appeals ----

export type ResultRow = {
  registrationId: string;
  entryNumber: string | null;
  personName: string;
  employerName: string | null;
  total: number | null;
  place: number | null;
  shared: boolean;
  prize: PrizeKind | null;
  aspects: { key: string; score: number | null; weighted: number | null; divergent: boolean; spread: number; counted: number[]; dropped: number[] }[];
  divergentAspects: string[];
};

export type EventResults = {
  event: CompetitionEvent;
  competitionName: string;
  rows: ResultRow[];
  marksExpected: number;
  marksEntered: number;
  marksConfirmed: number;
  appealWindowEndsAt: string | null;
};

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

export type Appeal = {
  id: string;
  eventId: string;
  registrationId: string;
  entryNumber: string | null;
  text: string;
  status: "open" | "upheld" | "dismissed";
  decisionNote: string | null;
  lodgedAt: string;
  decidedAt: string | null;
};

// ---- 浙江金蓝领 ----

export const goldBlueCollarStatuses = ["nominated", "approved", "declined"] as const;
export type GoldBlueCollarStatus = (typeof goldBlueCollarStatuses)[number];
export const goldBlueCollarStatusLabels: Record<GoldBlueCollarStatus, string> = { nominated: "已提名", approved: "已认定", declined: "未认定" };

export type GoldBlueCollar = {
  id: string;
  eventId: string;
  eventName: string;
  competitionName: string;
  year: number;
  personName: string;
  place: number;
  status: GoldBlueCollarStatus;
  certificateNo: string | null;
  approvedAt: string | null;
};

/** What the public certificate check answers: enough to trust the paper, nothing personal beyond the name. */
export type CertificateCheck = {
  valid: boolean;
  certificateNo: string;
  personName?: string;
  competitionName?: string;
  eventName?: string;
  year?: number;
  approvedOn?: string;
};

export const goldBlueCollarDecisionSchema = z.strictObject({ decision: z.enum(["approve", "decline"]), note: z.string().trim().max(200).optional() });
