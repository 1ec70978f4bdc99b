import { z } from "zod";
import { pageQuerySchema } from "./paging";
import { programmeDescriptors } from "./programmes";
import { roleSchema } from "./roles";

export const auditResults = ["success", "failure"] as const;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  role: roleSchema.nullable(),
  regionCode: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** The object's name where the server resolves it cheaply (a user's display name), else null. */
  objectName: z.string().nullable(),
  result: z.enum(auditResults),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Chinese names of the platform's and master data's audit actions; programmes name theirs in their descriptor. */
const platformAuditActions: Record<string, string> = {
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.changePassword": "修改密码",
  "auth.totp.enrol": "绑定动态验证码",
  "auth.totp.enable": "启用动态验证码",
  "user.bootstrapAdmin": "创建初始管理员",
  "user.createIntegration": "创建接口账号",
  "user.integrationPassword": "重置接口账号密码",
  "data.export": "导出数据",
  "enterprise.create": "新增企业",
  "enterprise.readContactPhone": "查看企业联系电话",
  "enterprise.edit": "更正企业信息",
  "expert.create": "登记专家",
  "expert.update": "修改专家信息",
  "expert.setAvailability": "调整专家可服务状态",
  "expert.setOwnAvailability": "专家调整本人可服务状态",
  "expert.readPhone": "查看专家手机号",
  "union.create": "新建工会组织",
  "union.update": "修改工会组织",
  "person.create": "登记职工",
  "person.register": "职工自行注册",
  "person.update": "修改职工信息",
  "person.readResidentId": "查看职工身份证号",
  "person.readPhone": "查看职工手机号",
  "membership.create": "办理入会",
  "membership.request": "申请入会",
  "membership.decide": "审核入会申请",
  "inbox.markRead": "标记消息已读",
  "outbox.claim": "发送通知(领取)",
  "outbox.sent": "通知已发送",
  "outbox.failed": "通知发送失败",
  "target.create": "设定目标",
  "target.change": "修改目标",
  "target.approve": "审批目标",
  "indicator.publish": "公开指标",
  "indicator.unpublish": "撤回公开指标",
  "import.enterprises": "批量导入企业",
  "import.experts": "批量导入专家",
  "import.unions": "批量导入工会组织",
  "import.people": "批量导入职工",
  "benefit.record": "记录普惠服务",
  "import.memberRoster": "批量导入会员名册",
  "benefitItem.create": "新增普惠服务项目",
  "benefitItem.update": "修改普惠服务项目",
  "membership.transfer": "会员转会",
  "person.skillUpgrade": "记录技能等级晋升",
  "attachment.upload": "上传附件",
  "attachment.remove": "删除附件",
};

/** Chinese names of the objects the platform's and master data's audit rows are about. */
const platformAuditObjects: Record<string, string> = {
  user: "用户",
  enterprise: "企业",
  expert: "专家",
  union: "工会组织",
  person: "职工",
  membership: "会籍",
  target: "目标",
  indicator: "指标",
  outbox: "通知",
  enterprises: "企业",
  experts: "专家",
  unions: "工会组织",
  people: "职工",
  attachment: "附件",
  benefitItem: "普惠服务项目",
  benefitLedger: "普惠服务记录",
};

function joinLabels(platform: Record<string, string>, programmes: readonly (Readonly<Record<string, string>> | undefined)[]): Record<string, string> {
  return Object.fromEntries([platform, ...programmes].flatMap((labels) => Object.entries(labels ?? {})));
}

/**
 * Chinese names of every action the server records (writeAudit's `action`), shared by the log's
 * filter, its table and its export: the platform's and each programme's. audit/auditLabels.test.ts
 * reads the server's writeAudit calls and fails when an action has no name, so a new action never
 * reaches the log as a bare code.
 */
export const auditActionLabels: Readonly<Record<string, string>> = joinLabels(platformAuditActions, programmeDescriptors.map((p) => p.auditActions));

/** Chinese names of the objects an audit row is about (writeAudit's `objectType`). */
export const auditObjectLabels: Readonly<Record<string, string>> = joinLabels(platformAuditObjects, programmeDescriptors.map((p) => p.auditObjects));

/** An action as the log shows it: its name, or the code itself for one not named yet. */
export const auditActionLabel = (action: string): string => auditActionLabels[action] ?? action;

const auditDay = (what: string) => z.iso.date({ error: `${what}应为日期，如 2026-01-31` }).optional();

/**
 * The log's filters: an action code (picked from auditActionLabels), a user name, and a range of
 * China dates, both ends included.
 */
export const auditQuerySchema = pageQuerySchema
  .extend({
    action: z.string().max(64).optional(),
    username: z.string().max(64).optional(),
    from: auditDay("起始日期"),
    to: auditDay("截止日期"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], error: "截止日期不能早于起始日期" });
