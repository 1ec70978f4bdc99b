import { z } from "zod";
import { pageQuerySchema } from "../../paging";
import { regionCodeSchema } from "../../region";

const isoDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });

export const agreementScopes = ["equipmentRenovation", "talentTraining", "other"] as const;
export const agreementScopeSchema = z.enum(agreementScopes, { error: "请选择协议范围" });
export const agreementScopeLabels: Record<(typeof agreementScopes)[number], string> = {
  equipmentRenovation: "设备改造",
  talentTraining: "人才培养",
  other: "其他",
};
export const agreementStatuses = ["active", "completed", "terminated"] as const;
export const agreementStatusLabels: Record<(typeof agreementStatuses)[number], string> = { active: "履行中", completed: "已完成", terminated: "已终止" };

export const milestoneInputSchema = z.strictObject({
  title: z.string().trim().min(2, "请填写里程碑").max(80, "里程碑不超过80个字"),
  dueDate: isoDate,
});

/** 一对一技术支持协议: long-term support of one enterprise by a team. */
export const agreementInputSchema = z
  .strictObject({
    enterpriseId: z.uuid({ error: "请选择企业" }),
    title: z.string().trim().min(4, "协议名称至少4个字").max(80, "协议名称不超过80个字"),
    scopes: z.array(agreementScopeSchema).min(1, "至少选择一项协议范围"),
    expertIds: z.array(z.uuid()).min(1, "至少选择一位专家").max(10, "最多10位专家"),
    signedOn: isoDate,
    startDate: isoDate,
    endDate: isoDate,
    sessionId: z.uuid().optional(),
    milestones: z.array(milestoneInputSchema).max(30, "最多30个里程碑").default([]),
  })
  .refine((a) => a.endDate >= a.startDate, { message: "结束日期不能早于开始日期", path: ["endDate"] });
export type AgreementInput = z.infer<typeof agreementInputSchema>;

export const milestoneSchema = z.object({ id: z.string(), title: z.string(), dueDate: z.string(), doneOn: z.string().nullable(), overdue: z.boolean() });
export const checkInSchema = z.object({ id: z.string(), date: z.string(), note: z.string(), byName: z.string() });

export const agreementSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  countyCode: z.string(),
  title: z.string(),
  scopes: z.array(agreementScopeSchema),
  experts: z.array(z.object({ id: z.string(), name: z.string() })),
  signedOn: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(agreementStatuses),
  sessionId: z.string().nullable(),
  milestones: z.array(milestoneSchema),
  checkIns: z.array(checkInSchema),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const checkInInputSchema = z.strictObject({ date: isoDate, note: z.string().trim().min(2, "请填写回访情况").max(1000, "不超过1000个字") });
export type CheckInInput = z.infer<typeof checkInInputSchema>;
export const agreementListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  regionCode: regionCodeSchema.optional(),
  enterpriseId: z.uuid().optional(),
  status: z.enum(agreementStatuses).optional(),
});

export type AgreementListQuery = z.infer<typeof agreementListQuerySchema>;

/** Ending an agreement: completed or terminated, always with the reason on record. */
export const agreementStatusInputSchema = z.strictObject({
  status: z.enum(["completed", "terminated"], { error: "请选择完成或终止" }),
  note: z.string().trim().min(2, "请填写说明").max(1000, "不超过1000个字"),
});
export type AgreementStatusInput = z.infer<typeof agreementStatusInputSchema>;
