import { z } from "zod";
import { pageQuerySchema } from "./paging";

/**
 * 待办与消息: to-dos any programme raises for whoever must act, notifications per user, and the outbox
 * of outside messages (SMS, 浙政钉, WeChat) that an integration account drains. See docs/inbox.md.
 */

/** What a to-do asks of its reader; the web groups and counts by kind. */
export const todoKinds = ["toAccept", "toReview", "assigned", "urge"] as const;
export const todoKindSchema = z.enum(todoKinds);
export type TodoKind = z.infer<typeof todoKindSchema>;
export const todoKindLabels: Record<TodoKind, string> = {
  toAccept: "待受理",
  toReview: "待审核",
  assigned: "您被指派",
  urge: "催办",
};

export const todoSchema = z.object({
  id: z.string(),
  kind: todoKindSchema,
  title: z.string(),
  /** A web path (starting with /) where the work is done. */
  link: z.string(),
  /** The programme that raised it (a programme id, e.g. "flagship"). */
  programme: z.string(),
  programmeName: z.string(),
  /** China date YYYY-MM-DD, or null when the work has no deadline. */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  raisedAt: z.string(),
});
export type Todo = z.infer<typeof todoSchema>;

export const todoQuerySchema = pageQuerySchema.extend({
  kind: todoKindSchema.optional(),
});
export type TodoQuery = z.infer<typeof todoQuerySchema>;

/** The reader's open to-dos (oldest due first) with the count of each kind over all pages. */
export const todoPageSchema = z.object({
  items: z.array(todoSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.record(todoKindSchema, z.number().int()),
});
export type TodoPage = z.infer<typeof todoPageSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  programme: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationQuerySchema = pageQuerySchema.extend({
  unread: z
    .enum(["true", "false"], { error: "unread 应为 true 或 false" })
    .transform((v) => v === "true")
    .optional(),
});
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

/** PATCH /api/inbox/notifications/read: the ids given, or every unread one with `all`. */
export const markReadSchema = z.union([
  z.strictObject({ ids: z.array(z.uuid({ error: "消息编号格式不正确" })).min(1, "请选择消息").max(200, "一次最多200条") }),
  z.strictObject({ all: z.literal(true, { error: "all 应为 true" }) }),
]);
export type MarkRead = z.infer<typeof markReadSchema>;

/** The header's badge: open to-dos (and how many are overdue) and unread notifications. */
export const inboxSummarySchema = z.object({
  todos: z.number().int(),
  overdueTodos: z.number().int(),
  unreadNotifications: z.number().int(),
  todoCounts: z.record(todoKindSchema, z.number().int()),
});
export type InboxSummary = z.infer<typeof inboxSummarySchema>;

// ---- Outbox (the contract an outside sender implements; docs/inbox.md) ----

/** sms: 短信; zzd: 浙政钉 (Zhejiang government DingTalk); wechat: 微信. */
export const outboxChannels = ["sms", "zzd", "wechat"] as const;
export const outboxChannelSchema = z.enum(outboxChannels);
export type OutboxChannel = z.infer<typeof outboxChannelSchema>;
export const outboxChannelLabels: Record<OutboxChannel, string> = { sms: "短信", zzd: "浙政钉", wechat: "微信" };

export const outboxStatuses = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxClaimQuerySchema = z.object({
  channel: outboxChannelSchema,
  limit: z.coerce.number({ error: "limit 应为数字" }).int("limit 应为整数").min(1, "limit 至少为1").max(100, "limit 最多为100").default(20),
});
export type OutboxClaimQuery = z.infer<typeof outboxClaimQuerySchema>;

/** A claimed message: the sender delivers `text` to `recipient` and reports back by `id`. */
export const outboxMessageSchema = z.object({
  id: z.string(),
  channel: outboxChannelSchema,
  /** In clear (a mobile number for sms, a user id for zzd / wechat): the sender needs it. */
  recipient: z.string(),
  text: z.string(),
  /** 1 on the first claim; a retried message counts up. */
  attempts: z.number().int(),
  createdAt: z.string(),
  /** The claim lapses at this time: a message not reported by then is handed out again. */
  claimedUntil: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxClaimSchema = z.object({ items: z.array(outboxMessageSchema) });

export const outboxFailedSchema = z.strictObject({
  error: z.string().trim().min(1, "请填写失败原因").max(500, "失败原因不超过500个字符"),
  /** True when retrying cannot help (a number that does not exist): the message fails at once. */
  permanent: z.boolean({ error: "permanent 应为 true 或 false" }).optional(),
});
export type OutboxFailed = z.infer<typeof outboxFailedSchema>;

/** What POST sent / failed answer: the message's state after the report. */
export const outboxStateSchema = z.object({
  id: z.string(),
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** When a message put back for a retry may be claimed again. */
  nextAttemptAt: z.string().nullable(),
});
export type OutboxState = z.infer<typeof outboxStateSchema>;
