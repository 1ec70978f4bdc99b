import type { IndicatorInfo, Target, TargetRow, TargetSplit, TargetSplitInput } from "@jiangxin/domain";
import { and, eq, inArray } from "drizzle-orm";
import { hasPermission } from "../access";
import type { Actor } from "../actor";
import { auditActorOf, writeAudit } from "../audit/writeAudit";
import type { AppContext } from "../context";
import { AppError, notFound } from "../errors";
import { targets } from "./tables";

type Row = typeof targets.$inferSelect;

/** The region a staff reader stands for: the province for the provincial account, else its own. */
export const readerRegion = (actor: Actor): string => (actor.role === "province" ? "330000" : (actor.regionCode ?? ""));

/** Whether the actor may read targets and figures of `code`: its own region or one below it. */
export function mayRead(ctx: AppContext, actor: Actor, code: string): boolean {
  const own = readerRegion(actor);
  return own !== "" && ctx.regions.get(code) !== undefined && ctx.regions.isWithin(code, own);
}

/**
 * Who sets a region's target: the province any region's (its own, a city's, a county's); a city its
 * own counties'; a county none (it has no children to split to).
 */
export function mayWrite(ctx: AppContext, actor: Actor, code: string): boolean {
  if (!hasPermission(actor, "target.write")) return false;
  if (actor.role === "province") return ctx.regions.get(code) !== undefined;
  return actor.regionCode !== null && ctx.regions.get(code)?.parentCode === actor.regionCode;
}

export function toTarget(row: Row): Target {
  return {
    id: row.id,
    indicatorKey: row.indicatorKey,
    year: row.year,
    regionCode: row.regionCode,
    value: row.value,
    q1: row.q1,
    q2: row.q2,
    q3: row.q3,
    status: row.status,
    updatedAt: row.updatedAt.toISOString(),
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}

/** The indicator a key names, among the registered programmes' (a field error otherwise). */
export function indicatorOf(indicators: ReadonlyMap<string, IndicatorInfo>, key: string): IndicatorInfo {
  const info = indicators.get(key);
  if (!info) throw new AppError("VALIDATION_FAILED", "未知指标", { indicatorKey: "未知指标，请从列表中选择" });
  return info;
}

const fmt = (n: number) => n.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

export async function getSplit(
  ctx: AppContext,
  actor: Actor,
  indicators: ReadonlyMap<string, IndicatorInfo>,
  q: { indicatorKey: string; year: number; parentCode?: string },
): Promise<TargetSplit> {
  const info = indicatorOf(indicators, q.indicatorKey);
  const parentCode = q.parentCode ?? readerRegion(actor);
  const parent = ctx.regions.get(parentCode);
  if (!parent || !mayRead(ctx, actor, parentCode)) throw notFound("地区");
  const children = ctx.regions.children(parentCode);
  const codes = [parentCode, ...children.map((c) => c.code)];
  const rows = await ctx.database.db
    .select()
    .from(targets)
    .where(and(eq(targets.indicatorKey, q.indicatorKey), eq(targets.year, q.year), inArray(targets.regionCode, codes)));
  const byRegion = new Map(rows.map((r) => [r.regionCode, r]));
  const parentRow = byRegion.get(parentCode);
  const childRows = children.map((c) => ({ code: c.code, name: c.name, target: byRegion.get(c.code) }));
  const set = childRows.filter((c) => c.target);
  const childrenSum = set.reduce((s, c) => s + (c.target?.value ?? 0), 0);

  // Children over the parent's total is a warning, not an error: a region may commit to more than it
  // was asked for, and the province sees it before approving (docs/targets.md).
  const warnings: string[] = [];
  if (parentRow && children.length > 0) {
    if (childrenSum > parentRow.value) {
      warnings.push(`下级目标合计 ${fmt(childrenSum)}${info.unit} 超过${parent.name}目标 ${fmt(parentRow.value)}${info.unit}（多 ${fmt(childrenSum - parentRow.value)}${info.unit}）`);
    } else if (set.length === children.length && childrenSum < parentRow.value) {
      warnings.push(`下级目标合计 ${fmt(childrenSum)}${info.unit} 少于${parent.name}目标 ${fmt(parentRow.value)}${info.unit}，尚有 ${fmt(parentRow.value - childrenSum)}${info.unit} 未分解`);
    }
  }
  if (children.length > 0 && set.length < children.length && set.length > 0) warnings.push(`还有 ${children.length - set.length} 个下级地区未设目标`);

  const mayWriteRows = children.length > 0 && children.every((c) => mayWrite(ctx, actor, c.code));
  return {
    indicatorKey: q.indicatorKey,
    year: q.year,
    parent: { code: parent.code, name: parent.name, level: parent.level, target: parentRow ? toTarget(parentRow) : null },
    rows: childRows.map((c) => ({ code: c.code, name: c.name, target: c.target ? toTarget(c.target) : null })),
    childrenSum,
    warnings,
    mayWriteParent: mayWrite(ctx, actor, parentCode),
    mayWriteRows,
    mayApprove: hasPermission(actor, "target.approve"),
    drafts: rows.filter((r) => r.status === "draft").length,
  };
}

const same = (row: Row, input: TargetRow) =>
  row.value === input.value && row.q1 === (input.q1 ?? null) && row.q2 === (input.q2 ?? null) && row.q3 === (input.q3 ?? null);

/**
 * Saves a split: the children's targets (and the parent's when given), all or none. New and changed
 * targets become drafts, except that the province's own change to an approved target keeps it approved
 * (the approver changed it, with a reason). Changing an approved target needs a reason; each change is
 * audited with its old and new value.
 */
export async function saveSplit(ctx: AppContext, actor: Actor, indicators: ReadonlyMap<string, IndicatorInfo>, input: TargetSplitInput): Promise<TargetSplit> {
  indicatorOf(indicators, input.indicatorKey);
  const parent = ctx.regions.get(input.parentCode);
  if (!parent || !mayRead(ctx, actor, input.parentCode)) throw notFound("地区");
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.rows.forEach((row, i) => {
    if (ctx.regions.get(row.regionCode)?.parentCode !== input.parentCode) fields[`rows.${i}.regionCode`] = `不是${parent.name}的下级地区`;
    else if (seen.has(row.regionCode)) fields[`rows.${i}.regionCode`] = "同一地区填写了两次";
    seen.add(row.regionCode);
  });
  if (input.parent && input.parent.regionCode !== input.parentCode) fields["parent.regionCode"] = "与所选上级地区不一致";
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", "请检查标出的地区", fields);
  const writes: { key: string; row: TargetRow }[] = input.rows.map((row, i) => ({ key: `rows.${i}`, row }));
  if (input.parent) writes.unshift({ key: "parent", row: input.parent });
  for (const w of writes) {
    if (!mayWrite(ctx, actor, w.row.regionCode)) throw new AppError("FORBIDDEN", `无权设定${ctx.regions.get(w.row.regionCode)?.name ?? "该地区"}的目标`);
  }

  const now = ctx.now();
  const keepsApproval = hasPermission(actor, "target.approve");
  await ctx.database.db.transaction(async (tx) => {
    const existing = writes.length === 0 ? [] : await tx
      .select()
      .from(targets)
      .where(and(eq(targets.indicatorKey, input.indicatorKey), eq(targets.year, input.year), inArray(targets.regionCode, writes.map((w) => w.row.regionCode))));
    const byRegion = new Map(existing.map((r) => [r.regionCode, r]));
    const changes = writes.filter((w) => {
      const old = byRegion.get(w.row.regionCode);
      return !old || !same(old, w.row);
    });
    const touchesApproved = changes.some((w) => byRegion.get(w.row.regionCode)?.status === "approved");
    if (touchesApproved && !input.reason) {
      throw new AppError("VALIDATION_FAILED", "修改已批准的目标须填写调整原因", { reason: "修改已批准的目标须填写调整原因" });
    }
    for (const w of changes) {
      const old = byRegion.get(w.row.regionCode);
      const values = { value: w.row.value, q1: w.row.q1 ?? null, q2: w.row.q2 ?? null, q3: w.row.q3 ?? null, updatedBy: actor.userId, updatedAt: now };
      let id: string;
      let status: "draft" | "approved" = "draft";
      if (old) {
        status = old.status === "approved" && keepsApproval ? "approved" : "draft";
        await tx.update(targets).set({ ...values, status, ...(status === "draft" ? { approvedBy: null, approvedAt: null } : {}) }).where(eq(targets.id, old.id));
        id = old.id;
      } else {
        const [created] = await tx.insert(targets).values({ indicatorKey: input.indicatorKey, year: input.year, regionCode: w.row.regionCode, ...values }).returning({ id: targets.id });
        id = created?.id ?? "";
      }
      await writeAudit(tx, auditActorOf(actor), {
        action: old ? "target.change" : "target.create",
        objectType: "target",
        objectId: id,
        detail: {
          indicatorKey: input.indicatorKey,
          year: input.year,
          regionCode: w.row.regionCode,
          from: old ? { value: old.value, q1: old.q1, q2: old.q2, q3: old.q3, status: old.status } : null,
          to: { value: values.value, q1: values.q1, q2: values.q2, q3: values.q3, status },
          ...(input.reason ? { reason: input.reason } : {}),
        },
      });
    }
  });
  return getSplit(ctx, actor, indicators, { indicatorKey: input.indicatorKey, year: input.year, parentCode: input.parentCode });
}

/** The province approves every draft of a split (the parent's and its children's) in one step, audited per target. */
export async function approveSplit(
  ctx: AppContext,
  actor: Actor,
  indicators: ReadonlyMap<string, IndicatorInfo>,
  input: { indicatorKey: string; year: number; parentCode: string },
): Promise<TargetSplit> {
  indicatorOf(indicators, input.indicatorKey);
  if (!ctx.regions.get(input.parentCode) || !mayRead(ctx, actor, input.parentCode)) throw notFound("地区");
  const codes = [input.parentCode, ...ctx.regions.children(input.parentCode).map((c) => c.code)];
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const approved = await tx
      .update(targets)
      .set({ status: "approved", approvedBy: actor.userId, approvedAt: now })
      .where(and(eq(targets.indicatorKey, input.indicatorKey), eq(targets.year, input.year), inArray(targets.regionCode, codes), eq(targets.status, "draft")))
      .returning();
    if (approved.length === 0) throw new AppError("CONFLICT", "没有待批准的目标");
    for (const row of approved) {
      await writeAudit(tx, auditActorOf(actor), {
        action: "target.approve",
        objectType: "target",
        objectId: row.id,
        detail: { indicatorKey: row.indicatorKey, year: row.year, regionCode: row.regionCode, value: row.value },
      });
    }
  });
  return getSplit(ctx, actor, indicators, input);
}
