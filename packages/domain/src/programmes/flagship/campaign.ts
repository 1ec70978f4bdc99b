import { z } from "zod";
import { priorityKindSchema, regionCodeSchema } from "../../region";

/** A target is a whole count: 2.5 场 is refused with the field named, never rounded. */
const targetSchema = (label: string) =>
  z.number({ error: `${label}目标应为数字` }).int(`${label}目标应为整数`).min(0, `${label}目标不能为负数`).max(10_000_000, `${label}目标不超过10,000,000`).optional();

export const campaignTargetsSchema = z.strictObject({
  sessions: targetSchema("服务场次"),
  trainees: targetSchema("培训技术工人"),
  enterprises: targetSchema("服务企业"),
  problemsSolved: targetSchema("解决问题"),
});

/** 专项行动: a named effort with targets for a year over a set of regions. */
export const campaignInputSchema = z.strictObject({
  name: z.string().trim().min(4, "行动名称至少4个字").max(80, "行动名称不超过80个字"),
  year: z.number({ error: "请填写年度" }).int("年度应为整数").min(2015, "年度不早于2015").max(2100, "年度不正确"),
  /** Regions covered; empty with priorityOnly means "every priority county in that year". */
  regionCodes: z.array(regionCodeSchema).max(200).default([]),
  priorityOnly: z.boolean().default(false),
  targets: campaignTargetsSchema,
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const campaignProgressSchema = z.object({
  sessions: z.number().int(),
  trainees: z.number().int(),
  enterprises: z.number().int(),
  problemsSolved: z.number().int(),
});
export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  regionCodes: z.array(z.string()),
  priorityOnly: z.boolean(),
  targets: campaignTargetsSchema,
  progress: campaignProgressSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;
/** GET /api/campaigns answers a plain array. */
export const campaignListSchema = z.array(campaignSchema);

/** 领先 / 落后: a region's weakest target against the year's pace. */
export const campaignRegionStatuses = ["ahead", "behind"] as const;
export type CampaignRegionStatus = (typeof campaignRegionStatuses)[number];
export const campaignRegionStatusLabels: Record<CampaignRegionStatus, string> = { ahead: "领先", behind: "落后" };

/** A county's even share of each target the campaign set (target ÷ the campaign's county count, not rounded). */
export const campaignShareSchema = z.object({
  sessions: z.number().optional(),
  trainees: z.number().optional(),
  enterprises: z.number().optional(),
  problemsSolved: z.number().optional(),
});

export const campaignRegionRowSchema = z.object({
  code: regionCodeSchema,
  name: z.string(),
  cityName: z.string().nullable(),
  priority: z.array(priorityKindSchema),
  /** The campaign's records in this county (same definitions as the campaign's progress). */
  progress: campaignProgressSchema,
  share: campaignShareSchema,
  /** Done ÷ share for its weakest target (1 = its full share); null when the campaign set no targets. */
  ratio: z.number().nullable(),
  /** Null when there is nothing to compare: no targets, or a year not begun. */
  status: z.enum(campaignRegionStatuses).nullable(),
});
export type CampaignRegionRow = z.infer<typeof campaignRegionRowSchema>;

/** GET /api/campaigns/:id/regions: the campaign's counties the caller may see, behind first. */
export const campaignRegionsSchema = z.object({
  campaignId: z.string(),
  year: z.number().int(),
  /** Every county the campaign covers (also those outside the caller's region): the share's divisor. */
  counties: z.number().int(),
  /** Share of the campaign's year gone by (1 for a past year): where a county on track stands by now. */
  pace: z.number(),
  rows: z.array(campaignRegionRowSchema),
});
export type CampaignRegions = z.infer<typeof campaignRegionsSchema>;

/**
 * A county's share of a campaign target as the page and its export write it: whole, rounded up.
 * Shares are rarely whole (30 sessions over 26 counties is 1.15 each), but nobody holds 0.15 of a
 * session or 0.4 of a 人次; a county has met its share exactly when its count reaches this number.
 */
export function wholeShare(share: number): number {
  // A division that lands a hair above a whole number stays that number.
  return Math.ceil(share - 1e-9);
}
