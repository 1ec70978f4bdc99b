import { z } from "zod";
import { pageQuerySchema } from "../../paging";
import { regionCodeSchema } from "../../region";

const isoDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });

/** 培训技术工人: one training event; `trainees` counts person-times (人次). */
export const trainingInputSchema = z.strictObject({
  date: isoDate,
  topic: z.string().trim().min(2, "请填写培训主题").max(80, "培训主题不超过80个字"),
  countyCode: regionCodeSchema,
  enterpriseId: z.uuid().optional(),
  trainerExpertIds: z.array(z.uuid()).min(1, "至少一位授课专家").max(10, "最多10位授课专家"),
  trainees: z.number({ error: "请填写培训人次" }).int("人次应为整数").min(1, "至少1人次").max(100000, "人次过多"),
  sessionId: z.uuid().optional(),
  agreementId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
});
export type TrainingInput = z.infer<typeof trainingInputSchema>;

export const trainingSchema = z.object({
  id: z.string(),
  date: z.string(),
  topic: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  trainers: z.array(z.object({ id: z.string(), name: z.string() })),
  trainees: z.number().int(),
  sessionId: z.string().nullable(),
  agreementId: z.string().nullable(),
  campaignId: z.string().nullable(),
});
export type Training = z.infer<typeof trainingSchema>;
export const trainingListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  regionCode: regionCodeSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  enterpriseId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  agreementId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
});
export type TrainingListQuery = z.infer<typeof trainingListQuerySchema>;
