import { z } from "zod";
import { regionCodeSchema } from "../../region";
import { choicesPerApplication, outcomeCodes, type OutcomeCode } from "./allocate";

/** The province's standard (DOMAIN.md): ¥600 per person per day, at most 5 days with travel. */
export const recuperationStandardPerDay = 600;
export const recuperationMaxDays = 5;

export const recuperationRoundStatuses = ["open", "committed", "running", "drawn", "published", "failed"] as const;
export type RecuperationRoundStatus = (typeof recuperationRoundStatuses)[number];
export const recuperationRoundStatusLabels: Record<RecuperationRoundStatus, string> = {
  open: "接受申请",
  committed: "已承诺种子",
  running: "摇号中",
  drawn: "已摇号(待公布)",
  published: "已公布",
  failed: "摇号失败",
};
export const recuperationChannels = ["self", "union", "import"] as const;
export type RecuperationChannel = (typeof recuperationChannels)[number];
export const recuperationOfferSources = ["draw", "waitlist"] as const;
export const recuperationOfferStatuses = ["offered", "accepted", "declined", "expired", "stayed", "noShow"] as const;
export type RecuperationOfferStatus = (typeof recuperationOfferStatuses)[number];
export const recuperationOfferStatusLabels: Record<RecuperationOfferStatus, string> = {
  offered: "待确认",
  accepted: "已接受",
  declined: "已放弃",
  expired: "逾期未确认",
  stayed: "已入住",
  noShow: "未到",
};

/** Why an application got no place, in the applicant's words. */
export const recuperationOutcomeTexts: Record<OutcomeCode, string> = {
  [outcomeCodes.placed]: "已分配名额",
  [outcomeCodes.ineligible]: "近年内已参加过疗休养，本轮不参加摇号",
  [outcomeCodes.quotaFull]: "轮到您时，所在工会的名额已用完；已进入候补",
  [outcomeCodes.choicesFull]: "轮到您时，您选择的期次已满；已进入候补",
  [outcomeCodes.noChoice]: "未选择期次",
};

const isoDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const uuid = (what: string) => z.uuid({ error: `${what}编号格式不正确` });

export const recuperationBaseInputSchema = z.strictObject({
  code: z.string().trim().min(2, "基地编号至少2个字符").max(20, "基地编号不超过20个字符"),
  name: z.string().trim().min(2, "基地名称至少2个字").max(60, "基地名称不超过60个字"),
  countyCode: regionCodeSchema,
  kind: z.string().trim().min(2, "请填写基地类型").max(20, "基地类型不超过20个字"),
  capacity: z.number({ error: "请填写接待能力" }).int("接待能力应为整数").min(1, "接待能力至少为1").max(100_000, "接待能力不超过100000"),
  pricePerDay: z
    .number({ error: "请填写每人每日价格" })
    .int("价格应为整数(元)")
    .min(1, "价格至少1元")
    .max(recuperationStandardPerDay, `价格不超过省定标准${recuperationStandardPerDay}元/人/天`),
  certifiedFrom: isoDate,
  certifiedUntil: isoDate,
});
export type RecuperationBaseInput = z.infer<typeof recuperationBaseInputSchema>;

export const recuperationRouteInputSchema = z.strictObject({
  name: z.string().trim().min(2, "线路名称至少2个字").max(60, "线路名称不超过60个字"),
  theme: z.string().trim().min(2, "请填写主题").max(40, "主题不超过40个字"),
  bases: z
    .array(z.strictObject({ baseId: uuid("基地"), days: z.number().int("天数应为整数").min(1, "每个基地至少1天").max(recuperationMaxDays) }))
    .min(1, "至少选择一个基地")
    .max(5, "一条线路最多5个基地")
    .refine((b) => b.reduce((s, x) => s + x.days, 0) <= recuperationMaxDays, `含路途不超过${recuperationMaxDays}天`),
});
export type RecuperationRouteInput = z.infer<typeof recuperationRouteInputSchema>;

export const recuperationSessionInputSchema = z.strictObject({
  code: z.string().trim().min(2, "期次编号至少2个字符").max(30, "期次编号不超过30个字符").regex(/^[^,\s]+$/, "期次编号不能含逗号或空格"),
  routeId: uuid("线路"),
  startsOn: isoDate,
  capacity: z.number({ error: "请填写名额" }).int("名额应为整数").min(1, "名额至少为1").max(10_000, "名额不超过10000"),
});
export type RecuperationSessionInput = z.infer<typeof recuperationSessionInputSchema>;

export const recuperationQuotaInputSchema = z.strictObject({
  year: z.number({ error: "请填写年份" }).int("年份应为整数").min(2020, "年份不早于2020").max(2100, "年份不晚于2100"),
  // The province's plan is the largest row (1.5 million places in 2026): ten million leaves room.
  quotas: z
    .array(z.strictObject({ unionId: uuid("工会"), quota: z.number({ error: "请填写名额" }).int("名额应为整数").min(0, "名额不能为负").max(10_000_000, "名额不超过1000万") }))
    .min(1, "至少一条")
    .max(5000, "一次最多5000条"),
});

export const recuperationRoundInputSchema = z.strictObject({
  year: z.number().int().min(2020).max(2100),
  name: z.string().trim().min(2, "请填写轮次名称").max(40, "轮次名称不超过40个字"),
  noRepeatYears: z.number().int("年数应为整数").min(0, "年数不能为负").max(10, "不超过10年"),
  offerHours: z.number().int().min(1, "确认时限至少1小时").max(24 * 14, "确认时限不超过14天").default(48),
});
export type RecuperationRoundInput = z.input<typeof recuperationRoundInputSchema>;

/** Committing a seed: the province may bring its own (drawn in public, say); otherwise the server draws one. */
export const recuperationCommitSchema = z.strictObject({
  seed: z.string().trim().min(8, "种子至少8个字符").max(200, "种子不超过200个字符").optional(),
});

const choicesSchema = z
  .array(uuid("期次"))
  .min(1, "至少选择一个期次")
  .max(choicesPerApplication, `最多选择${choicesPerApplication}个期次`)
  .refine((c) => new Set(c).size === c.length, "同一期次不能重复选择");

/** A worker's own application (the person and the union come from 我的). */
export const recuperationApplySchema = z.strictObject({ roundId: uuid("轮次"), choices: choicesSchema });
export type RecuperationApply = z.infer<typeof recuperationApplySchema>;

/** A union enters an application for one of its members. */
export const recuperationEnterSchema = z.strictObject({
  roundId: uuid("轮次"),
  personId: uuid("职工"),
  choices: choicesSchema,
  lastYear: z.number().int("年份应为整数").min(1990, "年份不早于1990").max(2100).nullable().default(null),
});
export type RecuperationEnter = z.input<typeof recuperationEnterSchema>;

export const recuperationOfferAnswerSchema = z.strictObject({ answer: z.enum(["accept", "decline"], { error: "请选择接受或放弃" }) });
export const recuperationStaySchema = z.strictObject({ status: z.enum(["stayed", "noShow"], { error: "请选择已入住或未到" }) });

/** A base as listed: its record, and this year's recorded stays and spending there (counted from stays, never typed). */
export type RecuperationBase = RecuperationBaseInput & { id: string; countyName: string; cityName: string; staysThisYear: number; spentThisYear: number };
export type RecuperationRoute = { id: string; name: string; theme: string; days: number; bases: { baseId: string; baseName: string; days: number }[] };
export type RecuperationSession = {
  id: string;
  code: string;
  routeId: string;
  routeName: string;
  theme: string;
  year: number;
  startsOn: string;
  endsOn: string;
  days: number;
  capacity: number;
  /** Places taken: offered, accepted or stayed. */
  taken: number;
  baseNames: string[];
};
export type RecuperationRound = {
  id: string;
  year: number;
  name: string;
  status: RecuperationRoundStatus;
  noRepeatYears: number;
  offerHours: number;
  seedHash: string | null;
  seed: string | null;
  applications: number;
  progress: { done: number; total: number; step: string | null };
  failure: string | null;
  committedAt: string | null;
  drawnAt: string | null;
  publishedAt: string | null;
};
export type RecuperationGroup = { rank: number; label: string; category: string | null };

export type RecuperationOffer = {
  id: string;
  sessionId: string;
  sessionCode: string;
  routeName: string;
  startsOn: string;
  source: "draw" | "waitlist";
  status: RecuperationOfferStatus;
  expiresAt: string | null;
};

/** What an applicant sees of their application: group, position, result or why not, waitlist place, offers. */
export type RecuperationMyApplication = {
  id: string;
  roundId: string;
  roundName: string;
  roundStatus: RecuperationRoundStatus;
  year: number;
  groupRank: number;
  groupLabel: string;
  choices: { sessionId: string; code: string; routeName: string; startsOn: string }[];
  /** Only once the round is published. */
  position: number | null;
  eligibleCount: number | null;
  outcome: OutcomeCode | null;
  outcomeText: string | null;
  waitlistPlace: number | null;
  lotteryNumber: string | null;
  offers: RecuperationOffer[];
};

export type RecuperationApplicationRow = {
  id: string;
  personName: string;
  unionName: string;
  countyName: string;
  groupRank: number;
  choices: string[];
  channel: RecuperationChannel;
  position: number | null;
  outcome: OutcomeCode | null;
  offerStatus: RecuperationOfferStatus | null;
  sessionCode: string | null;
};

export type RecuperationShare = { key: string; label: string; applicants: number; eligible: number; placed: number };
/** The fairness report of a round (issue 14), computed once when the draw is done. */
export type RecuperationFairnessReport = {
  applicants: number;
  eligible: number;
  placed: number;
  /** Applicants within the no-repeat years (not drawn); none of them is ever placed. */
  repeatApplicants: number;
  repeatPlaced: number;
  /** The repeat rate: placed applicants who had been on recuperation before (beyond the no-repeat years). */
  placedBefore: number;
  /** Each group's share of places against its share of eligible applicants. */
  groups: RecuperationShare[];
  sex: RecuperationShare[];
  occupation: RecuperationShare[];
  county: RecuperationShare[];
  /** Quota use per union: totals, and the unions using least of their quota (at most 200). */
  unionTotals: { unions: number; quota: number; placed: number; fullyUsed: number };
  unions: { unionId: string; unionName: string; quota: number; placed: number }[];
  drawMs: number;
};

/** The public page: one applicant's lottery number, recomputed in the browser and shown by the server for comparison. */
export type RecuperationPublicRound = { id: string; name: string; year: number; seedHash: string | null; seed: string | null; publishedAt: string | null };
export type RecuperationPublicEntry = { applicationId: string; groupRank: number; position: number | null; lotteryNumber: string };
