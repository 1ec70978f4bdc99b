import { z } from "zod";
import { pageQuerySchema } from "./paging";
import { honourLevelSchema, honourTitleSchema, skillLevelSchema, tradeCodeSchema } from "./people";
import { priorityKindSchema, regionCodeSchema } from "./region";
import { mobileSchema } from "./validators/mobile";
import { residentIdSchema } from "./validators/residentId";

export const expertAvailabilities = ["available", "busy", "unavailable"] as const;
export const expertAvailabilitySchema = z.enum(expertAvailabilities, { error: "请选择可服务状态" });
export const expertAvailabilityLabels: Record<(typeof expertAvailabilities)[number], string> = {
  available: "可派出",
  busy: "任务较满",
  unavailable: "暂不可派",
};

export const honourSchema = z.strictObject({
  title: honourTitleSchema,
  /** Free text for "other", or the exact wording on the certificate. */
  name: z.string().trim().max(60, "荣誉名称不超过60个字").optional(),
  level: honourLevelSchema,
  year: z.number({ error: "请填写获评年份" }).int("年份应为整数").min(1950, "年份不早于1950年").max(2100, "年份不正确"),
  awardedBy: z.string().trim().min(2, "请填写授予单位").max(60, "授予单位不超过60个字"),
});
export type Honour = z.infer<typeof honourSchema>;

export const expertInputSchema = z.strictObject({
  name: z.string().trim().min(2, "姓名至少2个字").max(20, "姓名不超过20个字"),
  residentId: residentIdSchema.optional(),
  phone: mobileSchema,
  employer: z.string().trim().min(2, "请填写工作单位").max(100, "工作单位不超过100个字"),
  homeCountyCode: regionCodeSchema,
  skillLevel: skillLevelSchema,
  trades: z.array(tradeCodeSchema).min(1, "至少选择一个工种").max(8, "最多8个工种"),
  honours: z.array(honourSchema).max(20, "最多20项荣誉").default([]),
  availability: expertAvailabilitySchema.default("available"),
  maxOpenProblems: z.number({ error: "请填写同时承担难题数上限" }).int("同时承担难题上限应为整数").min(1, "同时承担难题上限至少为1个").max(20, "同时承担难题上限最多为20个").default(3),
  active: z.boolean().default(true),
});
export type ExpertInput = z.infer<typeof expertInputSchema>;

/**
 * An edit replaces every field except the personal data, which the form never holds in full (it is
 * shown masked): an absent phone or ID keeps the stored one; `residentId: null` removes the ID.
 */
export const expertUpdateSchema = expertInputSchema.extend({
  phone: mobileSchema.optional(),
  residentId: residentIdSchema.nullable().optional(),
});
export type ExpertUpdate = z.infer<typeof expertUpdateSchema>;

/** A quick status change from the profile page, without resubmitting the whole form. */
export const expertAvailabilityUpdateSchema = z.strictObject({ availability: expertAvailabilitySchema });

/**
 * An expert pausing or resuming its own service (出差、生病). Deliberately a yes/no, not the staff's
 * three states: "available" → 可派出, paused → 暂不可派; 任务较满 stays a union's judgement. The note
 * (why, until when) goes into the audit trail.
 */
export const expertSelfAvailabilitySchema = z.strictObject({
  available: z.boolean({ error: "请选择是否可服务" }),
  note: z.string().trim().max(200, "说明不超过200个字").optional(),
});
export type ExpertSelfAvailability = z.infer<typeof expertSelfAvailabilitySchema>;

export const expertPhoneSchema = z.object({ phone: z.string() });

export const expertSchema = z.object({
  id: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  residentIdMasked: z.string().nullable(),
  employer: z.string(),
  homeCountyCode: z.string(),
  homeCountyName: z.string(),
  homeCityName: z.string(),
  skillLevel: skillLevelSchema,
  trades: z.array(tradeCodeSchema),
  honours: z.array(honourSchema),
  availability: expertAvailabilitySchema,
  maxOpenProblems: z.number().int(),
  /** Problems owned and not yet solved, closed or rejected. */
  openProblems: z.number().int(),
  active: z.boolean(),
  userId: z.string().nullable(),
});
export type Expert = z.infer<typeof expertSchema>;

export type ExpertAvailability = z.infer<typeof expertAvailabilitySchema>;

export const expertListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  trade: tradeCodeSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  availability: expertAvailabilitySchema.optional(),
  active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type ExpertListQuery = z.infer<typeof expertListQuerySchema>;

/** Why an expert is suggested for a problem: each term is shown to the person deciding. */
export const suggestionReasonSchema = z.object({
  tradeMatch: z.boolean(),
  skillLevel: skillLevelSchema,
  /** Between county seats; null when a seat's coordinates are unknown. */
  distanceKm: z.number().nullable(),
  openProblems: z.number().int(),
  capacityLeft: z.number().int(),
  helpedBefore: z.boolean(),
  priorityCounty: z.boolean(),
  /** Which priority programmes the problem's county is in (山区县, 海岛县). */
  priorityKinds: z.array(priorityKindSchema),
});
export const expertSuggestionSchema = z.object({
  expert: expertSchema,
  score: z.number(),
  reasons: suggestionReasonSchema,
  /** The reasons in one Chinese sentence. */
  summary: z.string(),
});
export type ExpertSuggestion = z.infer<typeof expertSuggestionSchema>;
export type SuggestionReasons = z.infer<typeof suggestionReasonSchema>;
export const expertSuggestionListSchema = z.object({ items: z.array(expertSuggestionSchema) });

/**
 * 指派专家 beyond the top ten: `q` finds any assignable expert by name (or work unit) however they
 * rank; `sort=distance` orders the pool nearest first (the score breaks ties), with the distance shown.
 */
export const expertSuggestionQuerySchema = z.object({
  q: z.string().trim().max(20, "姓名不超过20个字").optional(),
  sort: z.enum(["score", "distance"], { error: "排序应为 score(推荐) 或 distance(距离)" }).default("score"),
});
export type ExpertSuggestionQuery = z.infer<typeof expertSuggestionQuerySchema>;
