import { z } from "zod";
import { pageQuerySchema } from "./paging";
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

/**
 * Chinese names of every action the server records (writeAudit's `action`), shared by the log's
 * filter, its table and its export. audit/auditLabels.test.ts reads the server's writeAudit calls and
 * fails when an action has no name here, so a new action never reaches the log as a bare code.
 */
export const auditActionLabels: Record<string, string> = {
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
  "demandList.submit": "提交需求清单",
  "problem.move": "推进难题进度",
  "problem.note": "记录难题进展",
  "problem.rate": "评价帮扶",
  "problem.createOnSite": "现场新增难题",
  "problem.update": "修改难题",
  "problem.urge": "催办难题",
  "problem.team.add": "增加协助专家",
  "problem.team.remove": "移除协助专家",
  "plan.accept": "采纳指派方案",
  "serviceSession.create": "安排服务场次",
  "serviceSession.linkProblems": "关联难题到场次",
  "agreement.create": "签订一对一协议",
  "agreement.checkIn": "协议回访",
  "agreement.milestoneDone": "完成协议里程碑",
  "agreement.completed": "协议完成",
  "agreement.terminated": "协议终止",
  "training.create": "登记培训",
  "outcome.estimate": "登记预估成效",
  "outcome.verify": "核实成效",
  "campaign.create": "设立专项行动",
  "import.enterprises": "批量导入企业",
  "import.experts": "批量导入专家",
  "import.demandLists": "批量导入需求清单",
  "import.unions": "批量导入工会组织",
  "import.people": "批量导入职工",
};

/** Chinese names of the objects an audit row is about (writeAudit's `objectType`). */
export const auditObjectLabels: Record<string, string> = {
  user: "用户",
  enterprise: "企业",
  expert: "专家",
  union: "工会组织",
  person: "职工",
  membership: "会籍",
  demandList: "需求清单",
  problem: "难题",
  serviceSession: "服务场次",
  agreement: "协议",
  training: "培训",
  outcome: "成效",
  campaign: "专项行动",
  plan: "指派方案",
  target: "目标",
  indicator: "指标",
  outbox: "通知",
  enterprises: "企业",
  experts: "专家",
  demandLists: "需求清单",
  unions: "工会组织",
  people: "职工",
};

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
