import { z } from "zod";
import { regionCodeSchema } from "../../region";

/** The programme's yearly report; each figure is a count over records (docs/indicators.md). */
export const indicatorsQuerySchema = z.object({
  year: z.coerce.number({ error: "年度应为数字" }).int().min(2015, "年度不早于2015").max(2100, "年度不正确"),
  regionCode: regionCodeSchema.optional(),
  campaignId: z.uuid().optional(),
});

export const indicatorsSchema = z.object({
  year: z.number().int(),
  regionCode: z.string(),
  campaignId: z.string().nullable(),
  sessions: z.number().int(),
  expertParticipations: z.number().int(),
  enterprisesServed: z.number().int(),
  problemsSolved: z.number().int(),
  workerTrainings: z.number().int(),
  benefitVerifiedYuan: z.string(),
  benefitEstimatedYuan: z.string(),
  /**
   * Whether any record (a session, a solved problem, a training or an outcome) falls in the period:
   * false means "no data" (无数据), which pages show instead of zeros and a change against zero.
   */
  hasRecords: z.boolean(),
});
export type Indicators = z.infer<typeof indicatorsSchema>;

export const indicatorLabels: Record<Exclude<keyof Indicators, "year" | "regionCode" | "campaignId" | "hasRecords">, string> = {
  sessions: "服务场次",
  expertParticipations: "参加劳模工匠(人次)",
  enterprisesServed: "服务企业(家)",
  problemsSolved: "解决问题(个)",
  workerTrainings: "培训技术工人(人次)",
  benefitVerifiedYuan: "经济效益·已核实(元)",
  benefitEstimatedYuan: "经济效益·预估(元)",
};
