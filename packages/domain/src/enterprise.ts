import { z } from "zod";
import { industrySectionSchema } from "./industries";
import { pageQuerySchema } from "./paging";
import { regionCodeSchema } from "./region";
import { contactPhoneSchema } from "./validators/landline";
import { usccSchema } from "./validators/uscc";

export const enterpriseSizes = ["large", "medium", "small", "micro"] as const;
export const enterpriseSizeSchema = z.enum(enterpriseSizes, { error: "请选择企业规模" });
export const enterpriseSizeLabels: Record<(typeof enterpriseSizes)[number], string> = {
  large: "大型",
  medium: "中型",
  small: "小型",
  micro: "微型",
};

export const enterpriseInputSchema = z.strictObject({
  uscc: usccSchema,
  name: z.string().trim().min(2, "企业名称至少2个字").max(100, "企业名称不超过100个字"),
  industry: industrySectionSchema,
  countyCode: regionCodeSchema,
  size: enterpriseSizeSchema,
  nonPublic: z.boolean({ error: "请选择是否为非公企业" }),
  contactName: z.string().trim().min(1, "请填写联系人").max(32, "联系人不超过32个字"),
  /** A mobile or the company's landline (0571-88886666): the switchboard is a valid way to reach a firm. */
  contactPhone: contactPhoneSchema,
  /** Where experts go: street and number (the county is countyCode). Optional: older records have none. */
  address: z.string().trim().max(200, "详细地址不超过200个字").optional(),
});
export type EnterpriseInput = z.infer<typeof enterpriseInputSchema>;

export const enterpriseSchema = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  industry: industrySectionSchema,
  countyCode: z.string(),
  countyName: z.string(),
  cityCode: z.string(),
  cityName: z.string(),
  size: enterpriseSizeSchema,
  nonPublic: z.boolean(),
  contactName: z.string(),
  /** Always masked (138****5678, 0571-****6666); the full number has its own logged endpoint. */
  contactPhoneMasked: z.string(),
  /** 详细地址, or null when none was given. */
  address: z.string().nullable(),
  createdAt: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const enterpriseListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100, "搜索词不超过100个字").optional(),
  regionCode: regionCodeSchema.optional(),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuerySchema>;

export const enterpriseContactSchema = z.object({ contactPhone: z.string() });

/**
 * 更正企业信息: staff of the firm's county put a wrong name, code, trade, size, contact or address
 * right. The firm is already counted (enterprises served, the registry), so every correction carries a
 * reason and keeps before → after (the page's 更正记录 and the audit log). The county is not corrected
 * here: moving a firm changes who may see it and is a transfer, not a typo.
 */
export const enterpriseCorrectionSchema = enterpriseInputSchema
  .pick({ uscc: true, name: true, industry: true, size: true, nonPublic: true, contactName: true, contactPhone: true, address: true })
  .partial()
  .extend({
    reason: z.string({ error: "请填写更正理由" }).trim().min(4, "请填写更正理由(至少4个字)").max(500, "更正理由不超过500个字"),
  });
export type EnterpriseCorrection = z.infer<typeof enterpriseCorrectionSchema>;

/** One entry of an enterprise's 更正记录: who, when, why, and each field before → after (phones masked). */
export const enterpriseCorrectionEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  reason: z.string(),
  byName: z.string(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});
export type EnterpriseCorrectionEntry = z.infer<typeof enterpriseCorrectionEntrySchema>;
export const enterpriseCorrectionListSchema = z.array(enterpriseCorrectionEntrySchema);
