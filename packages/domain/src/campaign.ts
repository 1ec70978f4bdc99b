import { z } from "zod";
import { regionCodeSchema } from "./region";

export const campaignTargetsSchema = z.strictObject({
  sessions: z.number().int().min(0).optional(),
  trainees: z.number().int().min(0).optional(),
  enterprises: z.number().int().min(0).optional(),
  problemsSolved: z.number().int().min(0).optional(),
});

/** 专项行动: a named effort with targets for a year over a set of regions. */
export const campaignInputSchema = z.strictObject({
  name: z.string().trim().min(4, "行动名称至少4个字").max(80, "行动名称不超过80个字"),
  year: z.number({ error: "请填写年度" }).int().min(2015, "年度不早于2015").max(2100, "年度不正确"),
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
