import { z } from "zod";
import { skillLevels } from "../../people";
import { certificateKinds, degreeLevels } from "./scheme";

/**
 * An application's status. The applicant reads four of them (待审核, 已通过, 已发放, 发放失败) plus
 * 未通过 with its reason; a pending one also names the step it waits at (基层工会 → 县 → 市).
 */
export const applicationStatuses = ["pending", "approved", "rejected", "paid", "failed"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  pending: "待审核",
  approved: "已通过",
  rejected: "未通过",
  paid: "已发放",
  failed: "发放失败",
};

/** The review chain, bottom up: the member's grassroots union, then the county, then the city federation. */
export const reviewStages = ["grassroots", "county", "city"] as const;
export type ReviewStage = (typeof reviewStages)[number];
export const reviewStageLabels: Record<ReviewStage, string> = { grassroots: "基层工会初审", county: "县级工会审核", city: "市总工会审定" };

const certificateLevels = [...degreeLevels, ...skillLevels] as const;

/** A bank card number: 12 to 19 digits once spaces and dashes are removed. */
export const bankAccountSchema = z
  .string({ error: "请填写银行卡号" })
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{12,19}$/, "银行卡号应为12至19位数字"));

const bankNameSchema = z.string({ error: "请填写开户银行" }).trim().min(2, "请填写开户银行").max(40, "开户银行最多40个字");

/** What a worker submits from the phone form. */
export const upskillingApplicationInputSchema = z
  .strictObject({
    kind: z.enum(certificateKinds, { error: "请选择补助类别" }),
    level: z.enum(certificateLevels, { error: "请选择学历或技能等级" }),
    certificateNumber: z
      .string({ error: "请填写证书编号" })
      .transform((s) => s.replace(/\s/g, "").toUpperCase())
      .pipe(z.string().min(6, "证书编号至少6位").max(40, "证书编号最多40位").regex(/^[0-9A-Z-]+$/, "证书编号只能包含数字、字母和-")),
    issuedOn: z.iso.date({ error: "请填写证书取得日期(年-月-日)" }),
    hasLabourContract: z.boolean({ error: "请说明是否签订劳动合同" }),
    otherSubsidy: z.string().trim().max(60, "最多60个字").nullable().default(null),
    bankName: bankNameSchema,
    bankAccount: bankAccountSchema,
  })
  .superRefine((v, ctx) => {
    const isDegree = (degreeLevels as readonly string[]).includes(v.level);
    if (v.kind === "degree" && !isDegree) ctx.addIssue({ code: "custom", path: ["level"], message: "请选择学历层次" });
    if (v.kind === "skillGrade" && isDegree) ctx.addIssue({ code: "custom", path: ["level"], message: "请选择职业技能等级" });
  });
export type UpskillingApplicationInput = z.infer<typeof upskillingApplicationInputSchema>;

export const bankCardUpdateSchema = z.strictObject({ bankName: bankNameSchema, bankAccount: bankAccountSchema });
export type BankCardUpdate = z.infer<typeof bankCardUpdateSchema>;

export const reviewStepSchema = z.object({
  stage: z.enum(reviewStages),
  decision: z.enum(["approve", "reject"]),
  reason: z.string().nullable(),
  reviewerName: z.string(),
  at: z.string(),
});

export const upskillingApplicationSchema = z.object({
  id: z.string(),
  number: z.string(),
  year: z.number().int(),
  personId: z.string(),
  personName: z.string(),
  residentIdMasked: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  cityCode: z.string(),
  cityName: z.string(),
  unionName: z.string(),
  kind: z.enum(certificateKinds),
  level: z.string(),
  levelLabel: z.string(),
  certificateNumber: z.string(),
  issuedOn: z.string(),
  priority: z.boolean(),
  priorityGroups: z.array(z.string()),
  bankName: z.string(),
  bankAccountMasked: z.string(),
  amountYuan: z.number(),
  status: z.enum(applicationStatuses),
  statusLabel: z.string(),
  /** The step a pending application waits at. */
  stage: z.enum(reviewStages).nullable(),
  /** Why it was rejected or why the payment failed, for the applicant to read. */
  reason: z.string().nullable(),
  batchNumber: z.string().nullable(),
  submittedAt: z.string(),
  paidOn: z.string().nullable(),
  reviews: z.array(reviewStepSchema),
});
export type UpskillingApplication = z.infer<typeof upskillingApplicationSchema>;

export const upskillingListQuerySchema = z.object({
  page: z.coerce.number({ error: "页码应为数字" }).int().min(1, "页码从1开始").default(1),
  pageSize: z.coerce.number({ error: "每页条数应为数字" }).int().min(1).max(200, "每页最多200条").default(20),
  status: z.enum(applicationStatuses, { error: "状态不正确" }).optional(),
  stage: z.enum(reviewStages, { error: "审核环节不正确" }).optional(),
  /** Only what waits for the reader's own step. */
  mine: z.enum(["true", "false"]).optional(),
  q: z.string().trim().max(40, "最多40个字").optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const reviewDecisionSchema = z
  .strictObject({
    ids: z.array(z.uuid({ error: "申请编号格式不正确" }), { error: "请选择申请" }).min(1, "请至少选择一条申请").max(500, "一次最多处理500条"),
    decision: z.enum(["approve", "reject"], { error: "请选择通过或不通过" }),
    reason: z.string().trim().max(200, "理由最多200个字").nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "不通过须填写理由，申请人会看到" });
  });
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const reviewOutcomeSchema = z.object({
  done: z.array(z.string()),
  /** Per application that was not changed, why (not at your step, quota full …). */
  skipped: z.array(z.object({ id: z.string(), number: z.string().nullable(), reason: z.string() })),
});
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;

export const paymentBatchSchema = z.object({
  id: z.string(),
  number: z.string(),
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  count: z.number().int(),
  totalYuan: z.number(),
  paid: z.number().int(),
  failed: z.number().int(),
  open: z.number().int(),
});
export type PaymentBatch = z.infer<typeof paymentBatchSchema>;

export const paymentBatchInputSchema = z.strictObject({
  /** A city (the province may choose); a city account's own city when omitted. */
  cityCode: z.string().regex(/^\d{6}$/, "请选择地市").optional(),
});

/** The bank's return file: CSV text with 申请编号, 结果 (成功/失败), 失败原因. */
export const paymentResultsInputSchema = z.strictObject({ csv: z.string({ error: "请上传银行回盘文件" }).min(1, "回盘文件为空").max(5_000_000, "回盘文件过大") });
export const paymentResultsOutcomeSchema = z.object({
  paid: z.number().int(),
  failed: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});

export const upskillingCityStatSchema = z.object({
  cityCode: z.string(),
  cityName: z.string(),
  quota: z.number().int(),
  applications: z.number().int(),
  pending: z.number().int(),
  approved: z.number().int(),
  paid: z.number().int(),
  failed: z.number().int(),
  rejected: z.number().int(),
});
export const upskillingStatsSchema = z.object({
  year: z.number().int(),
  target: z.number().int(),
  cities: z.array(upskillingCityStatSchema),
  /** Median days from submission to payment over this year's paid applications; null when none is paid. */
  medianDaysToPayment: z.number().nullable(),
});
export type UpskillingStats = z.infer<typeof upskillingStatsSchema>;

/** The round as the applicant reads it before applying (public). */
export const upskillingSchemeViewSchema = z.object({
  year: z.number().int(),
  title: z.string(),
  amountYuan: z.number(),
  target: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  whoMayApply: z.array(z.string()),
  priorityGroups: z.array(z.string()),
  overflowRule: z.string(),
  doubleFundingRule: z.string(),
  exclusiveSubsidies: z.array(z.string()),
  cityQuotas: z.array(z.object({ cityCode: z.string(), cityName: z.string(), quota: z.number().int() })),
});
export type UpskillingSchemeView = z.infer<typeof upskillingSchemeViewSchema>;
