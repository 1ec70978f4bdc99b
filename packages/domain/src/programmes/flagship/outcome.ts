import { z } from "zod";

/** Yuan with at most two decimals, carried as a string so no float ever rounds money. */
export const yuanSchema = z
  .string({ error: "请填写金额(元)" })
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, "金额应为不超过两位小数的非负数(元)");
const percentSchema = z
  .number({ error: "请填写百分比" })
  .min(0, "百分比不能为负")
  .max(100, "百分比不超过100")
  // v * 100 is not exact in binary floating point (0.29 * 100 = 28.999999999999996), so a value
  // counts as two-decimal when it lies within a hair of a whole number of hundredths.
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, "百分比最多两位小数");

/** 成效: estimated first, verified later by the county union with the enterprise's confirmation. */
export const outcomeInputSchema = z
  .strictObject({
    problemId: z.uuid().optional(),
    agreementId: z.uuid().optional(),
    economicBenefitYuan: yuanSchema,
    laborIntensityReductionPct: percentSchema.optional(),
    failureRateReductionPct: percentSchema.optional(),
    note: z.string().trim().max(1000, "说明不超过1000个字").optional(),
  })
  .refine((o) => (o.problemId === undefined) !== (o.agreementId === undefined), { message: "成效须对应一个难题或一份协议", path: ["problemId"] });
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

export const outcomeVerifySchema = z.strictObject({
  economicBenefitYuan: yuanSchema,
  enterpriseConfirmed: z.literal(true, { error: "核实须经企业确认" }),
  note: z.string().trim().max(1000).optional(),
});

export const outcomeSchema = z.object({
  id: z.string(),
  problemId: z.string().nullable(),
  agreementId: z.string().nullable(),
  countyCode: z.string(),
  economicBenefitYuan: z.string(),
  verifiedBenefitYuan: z.string().nullable(),
  laborIntensityReductionPct: z.number().nullable(),
  failureRateReductionPct: z.number().nullable(),
  status: z.enum(["estimated", "verified"]),
  estimatedOn: z.string(),
  verifiedOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type Outcome = z.infer<typeof outcomeSchema>;
export type OutcomeVerifyInput = z.infer<typeof outcomeVerifySchema>;
/** GET /api/outcomes answers a plain array. */
export const outcomeListSchema = z.array(outcomeSchema);
