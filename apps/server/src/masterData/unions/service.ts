import { isFederationKind, type Union, type UnionDetail, type UnionListQuery, type UnionPatch, type UnionValues } from "@jiangxin/domain";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import type { Db } from "../../platform/db/database";
import { AppError, notFound } from "../../platform/errors";
import { enterprises } from "../enterprises";
import { childrenOf, enterprisesCoveredBy, findUnionRow, listUnions, toUnion } from "./queries";
import { unionEnterprises, unions } from "./tables";
import { unionAncestors, unionIdsUnder } from "./tree";
import { mayWriteUnion, unionScope } from "./unionScope";

/** Region codes at or under `code` (a city gives itself and its counties), for the list's region filter. */
function regionCodesUnder(ctx: AppContext, code: string): string[] {
  ctx.regions.require(code);
  const out = [code];
  for (const child of ctx.regions.children(code)) out.push(...regionCodesUnder(ctx, child.code));
  return out;
}

export async function listForActor(ctx: AppContext, actor: Actor, query: UnionListQuery) {
  const { rows, total } = await listUnions(
    ctx.database.db,
    {
      scope: unionScope(actor),
      q: query.q,
      regionCodes: query.regionCode ? regionCodesUnder(ctx, query.regionCode) : undefined,
      kind: query.kind,
      formation: query.formation,
      parentId: query.parentId,
    },
    query,
  );
  return { items: rows.map((r) => toUnion(r, ctx.regions)), total, page: query.page, pageSize: query.pageSize };
}

export async function getForActor(ctx: AppContext, actor: Actor, id: string): Promise<UnionDetail> {
  const { db } = ctx.database;
  const row = await findUnionRow(db, unionScope(actor), id);
  if (!row) throw notFound("工会组织");
  const [children, covered, ancestors] = await Promise.all([childrenOf(db, id), enterprisesCoveredBy(db, id), unionAncestors(db, id)]);
  return {
    ...toUnion(row, ctx.regions),
    children: children.map((c) => toUnion(c, ctx.regions)),
    enterprises: covered.map((e) => ({ id: e.id, name: e.name, uscc: e.uscc, size: e.size, countyName: ctx.regions.get(e.countyCode)?.name ?? e.countyCode })),
    ancestors,
  };
}

type ParentRow = { id: string; kind: Union["kind"]; regionCode: string };

/**
 * The rules a union's place in the tree must keep, named by field: the region fits the kind, the
 * parent exists and its region contains the union's, the covered enterprises exist and lie in the
 * union's county (an industry union above county level may cover any firm in its region).
 */
async function checkPlacement(
  tx: Db,
  ctx: AppContext,
  v: { kind: Union["kind"]; regionCode: string; parentId: string | null; enterpriseIds?: string[]; selfId?: string },
): Promise<void> {
  const fields: Record<string, string> = {};
  const region = ctx.regions.get(v.regionCode);
  if (!region) fields.regionCode = "区划代码不存在";
  else if (v.kind === "grassroots" && region.level !== "county") fields.regionCode = "基层工会请选择县(市、区)一级的区划";
  let parent: ParentRow | undefined;
  if (v.parentId) {
    [parent] = await tx.select({ id: unions.id, kind: unions.kind, regionCode: unions.regionCode }).from(unions).where(eq(unions.id, v.parentId));
    if (!parent) fields.parentId = "上级工会不存在";
    else if (region && !ctx.regions.isWithin(v.regionCode, parent.regionCode)) fields.parentId = `上级工会不在“${region.name}”或其上级区划`;
    else if (v.selfId && (await unionIdsUnder(tx, v.selfId)).includes(parent.id)) fields.parentId = "上级工会不能是本工会或其下级工会";
  } else if (!isFederationKind(v.kind)) fields.parentId = "请选择上级工会";
  if (v.enterpriseIds && v.enterpriseIds.length > 0 && region) {
    const found = await tx.select({ id: enterprises.id, name: enterprises.name, countyCode: enterprises.countyCode }).from(enterprises).where(inArray(enterprises.id, v.enterpriseIds));
    if (found.length !== new Set(v.enterpriseIds).size) fields.enterpriseIds = "所选企业有的不存在";
    else {
      const outside = found.find((e) => !ctx.regions.isWithin(e.countyCode, v.regionCode));
      if (outside) fields.enterpriseIds = `“${outside.name}”不在“${region.name}”`;
    }
  }
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", Object.values(fields)[0] ?? "填写有误", fields);
}

async function checkNameFree(tx: Db, parentId: string | null, name: string, selfId?: string): Promise<void> {
  if (!parentId) return;
  const [dup] = await tx
    .select({ id: unions.id })
    .from(unions)
    .where(and(eq(unions.parentId, parentId), eq(unions.name, name), selfId ? ne(unions.id, selfId) : sql`true`));
  if (dup) throw new AppError("CONFLICT", "同一上级工会下已有同名工会", { name: "同一上级工会下已有同名工会" }, dup.id);
}

/** Whether the actor may add a union here: staff within their region, a union account below its own union. */
function checkMayCreate(ctx: AppContext, actor: Actor, v: UnionValues): void {
  const s = actor.scope;
  if (s.kind === "union") {
    if (!s.unionIds.includes(v.parentId)) throw new AppError("FORBIDDEN", "只能在本工会之下新建工会", { parentId: "只能选择本工会或其下级工会作为上级工会" });
    return;
  }
  // An unknown region is a field error (checkPlacement), not a refusal.
  if (ctx.regions.get(v.regionCode) && !mayWriteUnion(actor, ctx.regions, { id: "", regionCode: v.regionCode })) {
    const name = ctx.regions.get(v.regionCode)?.name ?? v.regionCode;
    throw new AppError("FORBIDDEN", "只能在本辖区内新建工会", { regionCode: `“${name}”不在您的辖区内` });
  }
}

/**
 * Checks a new union for the actor and inserts it with its covered enterprises and audit row,
 * inside the caller's transaction (a bulk import inserts many in one).
 */
export async function insertUnion(tx: Db, ctx: AppContext, actor: Actor, v: UnionValues, audit = true): Promise<string> {
  checkMayCreate(ctx, actor, v);
  await checkPlacement(tx, ctx, { kind: v.kind, regionCode: v.regionCode, parentId: v.parentId, enterpriseIds: v.enterpriseIds });
  await checkNameFree(tx, v.parentId, v.name);
  const [created] = await tx
    .insert(unions)
    .values({
      name: v.name,
      kind: v.kind,
      formation: v.kind === "grassroots" ? v.formation : null,
      regionCode: v.regionCode,
      parentId: v.parentId,
      foundedOn: v.foundedOn,
      chairName: v.chairName || null,
      memberCount: v.memberCount,
    })
    .returning({ id: unions.id });
  if (!created) throw new Error("insert returned no row");
  if (v.enterpriseIds.length > 0) await tx.insert(unionEnterprises).values(v.enterpriseIds.map((enterpriseId) => ({ unionId: created.id, enterpriseId })));
  if (audit) await writeAudit(tx, auditActorOf(actor), { action: "union.create", objectType: "union", objectId: created.id, detail: { name: v.name, kind: v.kind, regionCode: v.regionCode } });
  return created.id;
}

export async function createForActor(ctx: AppContext, actor: Actor, v: UnionValues): Promise<UnionDetail> {
  const id = await ctx.database.db.transaction((tx) => insertUnion(tx, ctx, actor, v));
  return getForActor(ctx, actor, id);
}

/** Edits a union. Federations keep their kind, region and parent (they mirror the region directory). */
export async function updateForActor(ctx: AppContext, actor: Actor, id: string, patch: UnionPatch): Promise<UnionDetail> {
  await ctx.database.db.transaction(async (tx) => {
    const [current] = await tx.select().from(unions).where(and(unionScope(actor), eq(unions.id, id)));
    if (!current) throw notFound("工会组织");
    if (!mayWriteUnion(actor, ctx.regions, current)) throw new AppError("FORBIDDEN", "只能修改本辖区或本工会的工会组织");
    const federation = isFederationKind(current.kind);
    const fields: Record<string, string> = {};
    if (federation && patch.parentId !== undefined && patch.parentId !== current.parentId) fields.parentId = "总工会的上级由行政区划决定，不能修改";
    if (federation && patch.enterpriseIds !== undefined && patch.enterpriseIds.length > 0) fields.enterpriseIds = "总工会不直接覆盖企业";
    if (patch.formation !== undefined && current.kind !== "grassroots") fields.formation = "只有基层工会有建会方式";
    // A union account may not move its own union out from under itself.
    if (actor.scope.kind === "union" && patch.parentId !== undefined && patch.parentId !== current.parentId && !actor.scope.unionIds.includes(patch.parentId)) {
      fields.parentId = "只能选择本工会或其下级工会作为上级工会";
    }
    if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", Object.values(fields)[0] ?? "填写有误", fields);

    const formation = patch.formation ?? current.formation;
    const enterpriseIds = patch.enterpriseIds ?? (await tx.select({ id: unionEnterprises.enterpriseId }).from(unionEnterprises).where(eq(unionEnterprises.unionId, id))).map((r) => r.id);
    if (formation === "single" && enterpriseIds.length !== 1) fields.enterpriseIds = "单独建会的工会应覆盖且只覆盖1家企业";
    if (formation === "joint" && enterpriseIds.length < 2) fields.enterpriseIds = "联合建会的工会应覆盖至少2家企业";
    if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", Object.values(fields)[0] ?? "填写有误", fields);

    const parentId = patch.parentId ?? current.parentId;
    if (!federation) await checkPlacement(tx, ctx, { kind: current.kind, regionCode: current.regionCode, parentId, enterpriseIds: patch.enterpriseIds, selfId: id });
    const name = patch.name ?? current.name;
    await checkNameFree(tx, parentId, name, id);
    await tx
      .update(unions)
      .set({
        name,
        formation,
        parentId,
        foundedOn: patch.foundedOn === undefined ? current.foundedOn : patch.foundedOn,
        chairName: patch.chairName === undefined ? current.chairName : patch.chairName || null,
        memberCount: patch.memberCount ?? current.memberCount,
        updatedAt: ctx.now(),
      })
      .where(eq(unions.id, id));
    if (patch.enterpriseIds !== undefined) {
      await tx.delete(unionEnterprises).where(eq(unionEnterprises.unionId, id));
      if (patch.enterpriseIds.length > 0) await tx.insert(unionEnterprises).values(patch.enterpriseIds.map((enterpriseId) => ({ unionId: id, enterpriseId })));
    }
    await writeAudit(tx, auditActorOf(actor), { action: "union.update", objectType: "union", objectId: id, detail: { changed: Object.keys(patch) } });
  });
  return getForActor(ctx, actor, id);
}
