import { type InboxSummary, type MarkRead, type NotificationPage, type NotificationQuery, programmeDescriptors, todayInChina, type TodoKind, todoKinds, type TodoPage, type TodoQuery } from "@jiangxin/domain";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import { auditActorOf, writeAudit } from "../audit/writeAudit";
import type { AppContext } from "../context";
import { addressedTo } from "./addressedTo";
import { notifications, todos } from "./tables";

const programmeName = (id: string) => programmeDescriptors.find((p) => p.id === id)?.name ?? id;

function zeroCounts(): Record<TodoKind, number> {
  return Object.fromEntries(todoKinds.map((k) => [k, 0])) as Record<TodoKind, number>;
}

async function todoCounts(ctx: AppContext, actor: Actor) {
  const today = todayInChina(ctx.now());
  const rows = await ctx.database.db
    .select({ kind: todos.kind, n: count(), overdue: sql<number>`count(*) filter (where ${todos.dueDate} < ${today})::int` })
    .from(todos)
    .where(and(isNull(todos.closedAt), addressedTo(actor)))
    .groupBy(todos.kind);
  const counts = zeroCounts();
  let overdue = 0;
  for (const r of rows) {
    counts[r.kind] = r.n;
    overdue += r.overdue;
  }
  return { counts, overdue };
}

/** The reader's open to-dos, those due first (no due date last), newest raised first among equals. */
export async function listTodos(ctx: AppContext, actor: Actor, query: TodoQuery): Promise<TodoPage> {
  const where = and(isNull(todos.closedAt), addressedTo(actor), query.kind ? eq(todos.kind, query.kind) : undefined);
  const today = todayInChina(ctx.now());
  // One after the other: on PGlite every query takes the one connection anyway.
  const rows = await ctx.database.db
    .select()
    .from(todos)
    .where(where)
    .orderBy(sql`${todos.dueDate} asc nulls last`, desc(todos.raisedAt), asc(todos.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [totalRow] = await ctx.database.db.select({ n: count() }).from(todos).where(where);
  const { counts } = await todoCounts(ctx, actor);
  return {
    items: rows.map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      link: t.link,
      programme: t.sourceProgramme,
      programmeName: programmeName(t.sourceProgramme),
      dueDate: t.dueDate,
      overdue: t.dueDate !== null && t.dueDate < today,
      raisedAt: t.raisedAt.toISOString(),
    })),
    total: totalRow?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    counts,
  };
}

async function unreadCount(ctx: AppContext, actor: Actor): Promise<number> {
  const [row] = await ctx.database.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The reader's own notifications, newest first. */
export async function listNotifications(ctx: AppContext, actor: Actor, query: NotificationQuery): Promise<NotificationPage> {
  const where = and(eq(notifications.userId, actor.userId), query.unread === undefined ? undefined : query.unread ? isNull(notifications.readAt) : sql`${notifications.readAt} is not null`);
  const rows = await ctx.database.db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [totalRow] = await ctx.database.db.select({ n: count() }).from(notifications).where(where);
  return {
    items: rows.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      link: n.link,
      programme: n.sourceProgramme,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
    })),
    total: totalRow?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    unread: await unreadCount(ctx, actor),
  };
}

/** Marks the reader's own notifications read (ids of others' are ignored: they are not the reader's to mark). */
export async function markNotificationsRead(ctx: AppContext, actor: Actor, body: MarkRead): Promise<{ updated: number; unread: number }> {
  const now = ctx.now();
  const updated = await ctx.database.db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt), "ids" in body ? inArray(notifications.id, body.ids) : undefined))
      .returning({ id: notifications.id });
    if (rows.length > 0) {
      await writeAudit(tx, auditActorOf(actor), { action: "inbox.markRead", objectType: "user", objectId: actor.userId, detail: { count: rows.length, all: "all" in body } });
    }
    return rows.length;
  });
  return { updated, unread: await unreadCount(ctx, actor) };
}

/** The header badge's figures, in three small queries on indexed columns. */
export async function inboxSummary(ctx: AppContext, actor: Actor): Promise<InboxSummary> {
  const { counts, overdue } = await todoCounts(ctx, actor);
  return {
    todos: Object.values(counts).reduce((a, b) => a + b, 0),
    overdueTodos: overdue,
    unreadNotifications: await unreadCount(ctx, actor),
    todoCounts: counts,
  };
}
