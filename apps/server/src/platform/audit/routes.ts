import { auditActionLabel, auditEntrySchema, auditObjectLabels, auditQuerySchema, chinaMidnight, nextDay, pageOf, roleLabels, type AuditEntry, type Role } from "@jiangxin/domain";
import type { z } from "zod";
import { and, count, desc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import { scopeCondition } from "../access";
import type { Actor } from "../actor";
import { actorOfRequest } from "../auth/authHook";
import type { AppContext, HttpApp } from "../context";
import { exportList } from "../exportList";
import { users } from "../auth/tables";
import { auditLog } from "./tables";

const tags = ["审计 audit"];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A city reads the trail of its own staff and of its counties' staff; the province reads all. */
function auditScope(actor: Actor): SQL {
  const regional = scopeCondition(actor, { county: auditLog.regionCode });
  return actor.regionCode ? (or(regional, eq(auditLog.regionCode, actor.regionCode)) ?? regional) : regional;
}

function toEntry(row: typeof auditLog.$inferSelect, names: ReadonlyMap<string, string>): AuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    userId: row.userId,
    username: row.username,
    role: row.role as Role | null,
    regionCode: row.regionCode,
    ip: row.ip,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    objectName: row.objectType === "user" && row.objectId ? (names.get(row.objectId) ?? null) : null,
    result: row.result,
    detail: row.detail ?? null,
  };
}

async function listAudit(ctx: AppContext, actor: Actor, query: z.infer<typeof auditQuerySchema>) {
  const { page, pageSize, action, username, from, to } = query;
  const conditions: SQL[] = [auditScope(actor)];
  if (action) conditions.push(eq(auditLog.action, action));
  if (username) conditions.push(eq(auditLog.username, username.trim().toLowerCase()));
  // China dates, both ends included: from midnight of `from` to midnight after `to` (audit_log_at_idx).
  if (from) conditions.push(gte(auditLog.at, chinaMidnight(from)));
  if (to) conditions.push(lt(auditLog.at, chinaMidnight(nextDay(to))));
  const where = and(...conditions);
  const { db } = ctx.database;
  const [rows, [total]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  // Users are the platform's own table: their names cost one indexed lookup per page. Objects of the
  // master-data modules and programmes stay a labelled type and full id (platform imports none of them).
  const userIds = [...new Set(rows.filter((r) => r.objectType === "user" && r.objectId && uuidPattern.test(r.objectId)).map((r) => r.objectId as string))];
  const userNames = new Map<string, string>(
    userIds.length === 0 ? [] : (await db.select({ id: users.id, name: users.displayName, username: users.username }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, `${u.name}（${u.username}）`]),
  );
  return { items: rows.map((row) => toEntry(row, userNames)), total: total?.n ?? 0, page, pageSize };
}

export function auditRoutes(app: HttpApp, ctx: AppContext): void {
  exportList(app, {
    url: "/api/audit/export",
    permission: "audit.read",
    tags,
    summary: "审计日志",
    querystring: auditQuerySchema,
    filename: () => "审计日志.xlsx",
    list: (actor, query) => listAudit(ctx, actor, query),
    columns: [
      { header: "时间(UTC)", width: 22, value: (e) => e.at },
      { header: "用户", value: (e) => e.username },
      { header: "角色", value: (e) => (e.role ? roleLabels[e.role] : "") },
      { header: "区划", value: (e) => e.regionCode },
      { header: "IP", value: (e) => e.ip },
      { header: "操作", width: 24, value: (e) => auditActionLabel(e.action) },
      { header: "操作代码", width: 24, value: (e) => e.action },
      { header: "对象", value: (e) => (e.objectType ? (auditObjectLabels[e.objectType] ?? e.objectType) : "") },
      { header: "对象名称", width: 20, value: (e) => e.objectName },
      { header: "对象编号", width: 38, value: (e) => e.objectId },
      { header: "结果", value: (e) => (e.result === "success" ? "成功" : "失败") },
    ],
  });

  app.get(
    "/api/audit",
    { config: { permission: "audit.read" }, schema: { tags, summary: "审计日志(按辖区)", querystring: auditQuerySchema, response: { 200: pageOf(auditEntrySchema) } } },
    (request) => listAudit(ctx, actorOfRequest(request), request.query),
  );
}
