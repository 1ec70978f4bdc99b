import { z } from "zod";
import { amenityKeySchema } from "./station";

/** What workers report about a station (the complaints the issue names). */
export const reportKinds = ["locked", "amenityMissing", "closed", "wrongLocation", "other"] as const;
export const reportKindSchema = z.enum(reportKinds, { error: "请选择问题类型" });
export type ReportKind = z.infer<typeof reportKindSchema>;
export const reportKindLabels: Record<ReportKind, string> = {
  locked: "开放时间内锁门",
  amenityMissing: "设施缺失或损坏",
  closed: "站点已关闭",
  wrongLocation: "位置不对",
  other: "其他问题",
};

/** Days the responsible county union has to answer (the to-do's due date). A lock report is urgent. */
export const reportResponseDays: Record<ReportKind, number> = { locked: 2, amenityMissing: 5, closed: 5, wrongLocation: 5, other: 7 };

export const reportInputSchema = z
  .strictObject({
    kind: reportKindSchema,
    amenity: amenityKeySchema.nullable().default(null),
    note: z.string().trim().max(500, "说明不超过500个字").default(""),
    /** When the reporter saw it (a lock at 22:00 reported next morning); default now. */
    observedAt: z.iso.datetime({ offset: true, error: "发现时间格式不正确" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "amenityMissing" && !v.amenity) ctx.addIssue({ code: "custom", path: ["amenity"], message: "请选择哪项设施缺失或损坏" });
  });
export type ReportInput = z.infer<typeof reportInputSchema>;

export const reportOutcomes = ["resolved", "unfounded"] as const;
export const reportOutcomeLabels: Record<(typeof reportOutcomes)[number], string> = { resolved: "已核实并整改", unfounded: "经核实情况不实" };
export const reportAnswerSchema = z.strictObject({
  outcome: z.enum(reportOutcomes, { error: "请选择核实结果" }),
  answer: z.string({ error: "请填写答复" }).trim().min(4, "答复至少4个字").max(500, "答复不超过500个字"),
});
export type ReportAnswer = z.infer<typeof reportAnswerSchema>;

/** What the reporter sees by its receipt code, and staff see in their list. */
export const stationReportSchema = z.object({
  id: z.string(),
  receiptCode: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  kind: reportKindSchema,
  amenity: amenityKeySchema.nullable(),
  note: z.string(),
  observedAt: z.string(),
  reportedAt: z.string(),
  dueDate: z.string(),
  outcome: z.enum(reportOutcomes).nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type StationReport = z.infer<typeof stationReportSchema>;
export const reportReceiptSchema = z.object({ receiptCode: z.string(), dueDate: z.string(), link: z.string() });
export const receiptCodeSchema = z.string().regex(/^[A-Z0-9]{10}$/, "回执码应为10位字母或数字");
