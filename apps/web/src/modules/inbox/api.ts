import {
  inboxSummarySchema,
  notificationPageSchema,
  todoPageSchema,
  type InboxSummary,
  type MarkRead,
  type NotificationPage,
  type NotificationQuery,
  type TodoPage,
  type TodoQuery,
} from "@jiangxin/domain";
import { request } from "../../app/request";

/** Every inbox query starts with "inbox", so one invalidation refreshes the badge, 工作台 and the inbox page. */
export const inboxQueryKeys = {
  all: ["inbox"] as const,
  summary: () => ["inbox", "summary"] as const,
  todos: (query: Partial<TodoQuery>) => ["inbox", "todos", query] as const,
  notifications: (query: Partial<NotificationQuery>) => ["inbox", "notifications", query] as const,
};

export function getInboxSummary(signal?: AbortSignal): Promise<InboxSummary> {
  return request("/api/inbox/summary", { schema: inboxSummarySchema, signal });
}

export function listTodos(query: Partial<TodoQuery>, signal?: AbortSignal): Promise<TodoPage> {
  return request("/api/inbox/todos", { query: { ...query }, schema: todoPageSchema, signal });
}

export function listNotifications(query: Partial<NotificationQuery>, signal?: AbortSignal): Promise<NotificationPage> {
  return request("/api/inbox/notifications", { query: { ...query }, schema: notificationPageSchema, signal });
}

export function markNotificationsRead(body: MarkRead): Promise<unknown> {
  return request("/api/inbox/notifications/read", { method: "PATCH", body, schema: { parse: (d: unknown) => d } });
}
