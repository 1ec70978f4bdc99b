import { z } from "zod";
import { pageQuerySchema } from "../../paging";
import { regionCodeSchema } from "../../region";
import { correctionReasonSchema, expertIdentitySchema, showVoidedQuerySchema, voidedSchema } from "./correction";
import { countSchema, doneDateSchema } from "./recordRules";

const isoDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });

/** 培训技术工人: one training event; `trainees` counts person-times (人次). */
/** 培训人次 of one training: at least one trainee, at most this many (a larger number is a typo, refused). */
export const maxTrainees = 100_000;
export const traineesSchema = countSchema("培训人次", "人次", 1, maxTrainees);

export const trainingInputSchema = z.strictObject({
  date: doneDateSchema("培训日期"),
  topic: z.string().trim().min(2, "请填写培训主题").max(80, "培训主题不超过80个字"),
  countyCode: regionCodeSchema,
  enterpriseId: z.uuid().optional(),
  trainerExpertIds: z.array(z.uuid()).min(1, "至少一位授课专家").max(10, "最多10位授课专家"),
  trainees: traineesSchema,
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
  trainers: z.array(expertIdentitySchema),
  trainees: z.number().int(),
  sessionId: z.string().nullable(),
  agreementId: z.string().nullable(),
  campaignId: z.string().nullable(),
  voided: voidedSchema.nullable(),
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
  showVoided: showVoidedQuerySchema,
});
export type TrainingListQuery = z.infer<typeof trainingListQuerySchema>;

/** 更正培训: what was wrong, and why it is being put right (the reason goes on record). */
export const trainingCorrectionSchema = z
  .strictObject({
    date: doneDateSchema("培训日期").optional(),
    topic: z.string().trim().min(2, "请填写培训主题").max(80, "培训主题不超过80个字").optional(),
    trainees: traineesSchema.optional(),
    reason: correctionReasonSchema,
  })
  .refine((c) => c.date !== undefined || c.topic !== undefined || c.trainees !== undefined, { message: "请修改至少一项", path: ["date"] });
export type TrainingCorrection = z.infer<typeof trainingCorrectionSchema>;
