import { z } from "zod";
import { pageQuerySchema } from "../../paging";
import { regionCodeSchema } from "../../region";
import { correctionReasonSchema, expertIdentitySchema, showVoidedQuerySchema, voidedSchema } from "./correction";
import { doneDateSchema, termIssue } from "./recordRules";

const isoDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });

export const agreementScopes = ["equipmentRenovation", "talentTraining", "other"] as const;
export const agreementScopeSchema = z.enum(agreementScopes, { error: "请选择协议范围" });
export const agreementScopeLabels: Record<(typeof agreementScopes)[number], string> = {
  equipmentRenovation: "设备改造",
  talentTraining: "人才培养",
  other: "其他",
};
/**
 * An agreement's status as shown: 已签订 before its term starts, 履行中 during it, 已到期 after it ends —
 * computed from its dates and today, never typed — unless it was closed (已完成/已终止, with a reason).
 */
export const agreementStatuses = ["signed", "active", "expired", "completed", "terminated"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
export const agreementStatusLabels: Record<AgreementStatus, string> = { signed: "已签订", active: "履行中", expired: "已到期", completed: "已完成", terminated: "已终止" };
/** What is stored: open (its status follows its dates) or closed by someone. */
export type AgreementClosure = "active" | "completed" | "terminated";

export function agreementStatusOf(a: { closure: AgreementClosure; startDate: string; endDate: string }, today: string): AgreementStatus {
  if (a.closure !== "active") return a.closure;
  if (today < a.startDate) return "signed";
  if (today > a.endDate) return "expired";
  return "active";
}

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
    signedOn: doneDateSchema("签订日期"),
    startDate: isoDate,
    endDate: isoDate,
    sessionId: z.uuid().optional(),
    milestones: z.array(milestoneInputSchema).max(30, "最多30个里程碑").default([]),
  })
  .refine((a) => termIssue(a.startDate, a.endDate) === undefined, { message: "结束日期应晚于开始日期", path: ["endDate"] });
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
  experts: z.array(expertIdentitySchema),
  signedOn: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(agreementStatuses),
  sessionId: z.string().nullable(),
  milestones: z.array(milestoneSchema),
  checkIns: z.array(checkInSchema),
  voided: voidedSchema.nullable(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const checkInInputSchema = z.strictObject({ date: isoDate, note: z.string().trim().min(2, "请填写回访情况").max(1000, "不超过1000个字") });
export type CheckInInput = z.infer<typeof checkInInputSchema>;
export const agreementListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  regionCode: regionCodeSchema.optional(),
  enterpriseId: z.uuid().optional(),
  status: z.enum(agreementStatuses).optional(),
  showVoided: showVoidedQuerySchema,
});

export type AgreementListQuery = z.infer<typeof agreementListQuerySchema>;

/** Ending an agreement: completed or terminated, always with the reason on record. */
export const agreementStatusInputSchema = z.strictObject({
  status: z.enum(["completed", "terminated"], { error: "请选择完成或终止" }),
  note: z.string().trim().min(2, "请填写说明").max(1000, "不超过1000个字"),
});
export type AgreementStatusInput = z.infer<typeof agreementStatusInputSchema>;

/** 更正协议: its title or dates, with the reason on record; the term still ends after it starts. */
export const agreementCorrectionSchema = z
  .strictObject({
    title: z.string().trim().min(4, "协议名称至少4个字").max(80, "协议名称不超过80个字").optional(),
    signedOn: doneDateSchema("签订日期").optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    reason: correctionReasonSchema,
  })
  .refine((c) => c.title !== undefined || c.signedOn !== undefined || c.startDate !== undefined || c.endDate !== undefined, { message: "请修改至少一项", path: ["title"] });
export type AgreementCorrection = z.infer<typeof agreementCorrectionSchema>;
