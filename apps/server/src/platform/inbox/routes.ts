import {
  errorBodySchema,
  inboxSummarySchema,
  markReadSchema,
  notificationPageSchema,
  notificationQuerySchema,
  outboxClaimQuerySchema,
  outboxClaimSchema,
  outboxFailedSchema,
  outboxStateSchema,
  todoPageSchema,
  todoQuerySchema,
} from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../auth/authHook";
import type { AppContext, HttpApp } from "../context";
import { inboxSummary, listNotifications, listTodos, markNotificationsRead } from "./inboxQueries";
import { claimOutbox, markOutboxFailed, markOutboxSent } from "./outboxDrain";

const inboxTags = ["待办与消息 inbox"];
const outboxTags = ["外部消息发件箱 outbox"];
const outboxParams = z.object({ id: z.uuid({ error: "消息编号格式不正确" }) });
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** The reader's own inbox, and the outbox an integration account drains (contract: docs/inbox.md). */
export function inboxRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/inbox/todos",
    { config: { permission: "inbox.read" }, schema: { tags: inboxTags, summary: "我的待办(按类别计数)", querystring: todoQuerySchema, response: { 200: todoPageSchema, 400: errorBodySchema } } },
    (request) => listTodos(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/inbox/notifications",
    { config: { permission: "inbox.read" }, schema: { tags: inboxTags, summary: "我的消息", querystring: notificationQuerySchema, response: { 200: notificationPageSchema, 400: errorBodySchema } } },
    (request) => listNotifications(ctx, actorOfRequest(request), request.query),
  );

  app.patch(
    "/api/inbox/notifications/read",
    {
      config: { permission: "inbox.read" },
      schema: { tags: inboxTags, summary: "标记消息已读(指定消息，或全部)", body: markReadSchema, response: { 200: z.object({ updated: z.number().int(), unread: z.number().int() }), 400: errorBodySchema } },
    },
    (request) => markNotificationsRead(ctx, actorOfRequest(request), request.body),
  );

  app.get(
    "/api/inbox/summary",
    { config: { permission: "inbox.read" }, schema: { tags: inboxTags, summary: "待办与未读消息数(页头角标)", response: { 200: inboxSummarySchema } } },
    (request) => inboxSummary(ctx, actorOfRequest(request)),
  );

  app.get(
    "/api/outbox/pending",
    {
      config: { permission: "outbox.drain" },
      schema: { tags: outboxTags, summary: "领取待发送的外部消息(领取后5分钟内回报，否则重新待领)", querystring: outboxClaimQuerySchema, response: { 200: outboxClaimSchema, 400: errorBodySchema } },
    },
    (request) => claimOutbox(ctx, actorOfRequest(request), request.query),
  );

  app.post(
    "/api/outbox/:id/sent",
    { config: { permission: "outbox.drain" }, schema: { tags: outboxTags, summary: "回报发送成功", params: outboxParams, response: { 200: outboxStateSchema, ...errors } } },
    (request) => markOutboxSent(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    "/api/outbox/:id/failed",
    {
      config: { permission: "outbox.drain" },
      schema: { tags: outboxTags, summary: "回报发送失败(可重试的稍后重发；permanent 或第5次失败即放弃)", params: outboxParams, body: outboxFailedSchema, response: { 200: outboxStateSchema, ...errors } },
    },
    (request) => markOutboxFailed(ctx, actorOfRequest(request), request.params.id, request.body),
  );
}
