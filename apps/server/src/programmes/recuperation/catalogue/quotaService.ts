import type { RecuperationQuotaNode, RecuperationQuotaView, UnionKind } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";
import { AppError } from "../../../platform/errors";
import { unionScope } from "../../../masterData/unions";
import { quotaFigures, type QuotaFigures } from "./quotaFigures";
import { homeUnionOf, notInScope, unionChains, whyNotAssign, type UnionChain } from "./quotaRights";
import { refuseQuotaChangeWhileDrawing } from "./quotaYearLock";

const node = (u: { id: string; name: string; kind: string }, f: QuotaFigures | undefined, editable: boolean): RecuperationQuotaNode => {
  const received = f?.received ?? null;
  const handedDown = f?.handedDown ?? 0;
  return {
    unionId: u.id,
    unionName: u.name,
    kind: u.kind as UnionKind,
    received,
    handedDown,
    undistributed: (received ?? 0) - handedDown,
    used: f?.used ?? 0,
    accepted: f?.accepted ?? 0,
    minQuota: handedDown + (f?.ownUse ?? 0),
    childCount: f?.childCount ?? 0,
    editable,
  };
};

export async function homeOrRefuse(ctx: AppContext, actor: Actor) {
  const home = await homeUnionOf(ctx.database.db, actor);
  // A union account bound to no union (or a region without its federation): nothing to read or split.
  if (!home) throw new AppError("NOT_FOUND", "本账号未对应任何工会，没有可查看或分配的疗休养名额");
  return home;
}

/**
 * 工会名额 of one union (the reader's own by default): its figures, the way from the reader's own union
 * down to it, and one page of the unions directly below it, each marked editable when the reader sets
 * its quota (quotaRights). A union outside the reader's scope answers 404.
 */
export async function quotaView(
  ctx: AppContext,
  actor: Actor,
  query: { year: number; unionId?: string; q?: string; page: number; pageSize: number },
): Promise<RecuperationQuotaView> {
  const { db } = ctx.database;
  const home = await homeOrRefuse(ctx, actor);
  const targetId = query.unionId ?? home.id;
  const target = (await unionChains(db, actor, [targetId])).get(targetId);
  if (!target) throw notInScope();

  // The breadcrumb: up from the union while the reader may see the unions, stopping at its own.
  const up = await queryRows<{ id: string }>(db, sql`select id from unions where id in (${sql.join(target.chain.map((c) => sql`${c.id}::uuid`), sql`, `)}) and ${unionScope(actor)}`);
  const seen = new Set(up.map((r) => r.id));
  const path: { unionId: string; unionName: string }[] = [];
  for (const c of target.chain) {
    if (!seen.has(c.id)) break;
    path.unshift({ unionId: c.id, unionName: c.name });
    if (c.id === home.id) break;
  }

  const where = sql`parent_id = ${target.id} and ${unionScope(actor)} ${query.q ? sql`and name like ${`%${query.q}%`}` : sql``}`;
  const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from unions where ${where}`);
  const children = await queryRows<{ id: string; name: string; kind: string }>(
    db,
    sql`select id, name, kind from unions where ${where}
        order by kind in ('provincial', 'city', 'county') desc, region_code, name
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const figures = await quotaFigures(db, query.year, [target.id, ...children.map((c) => c.id)]);
  // A child's way up is the target's with the child in front.
  const childChain = (c: { id: string; name: string; kind: string }): UnionChain => ({ ...c, parentId: target.id, chain: [c, ...target.chain] });
  return {
    year: query.year,
    union: node(target, figures.get(target.id), whyNotAssign(actor, home, target) === null),
    path,
    children: {
      items: children.map((c) => node(c, figures.get(c.id), whyNotAssign(actor, home, childChain(c)) === null)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    },
  };
}

/** One reason a quota change is refused: the union it is about, the HTTP answer, the message (with the numbers) and the field's short text. */
export type QuotaRefusal = { unionId: string; code: "NOT_FOUND" | "FORBIDDEN" | "VALIDATION_FAILED"; message: string; short: string };

/**
 * Every reason the change `wanted` (union → places) would be refused, without writing: each union must be
 * one the actor sets (whyNotAssign; out of scope is 404), no union may hand down more than it received,
 * and no union may go below what it has handed down plus its own members' use. With `lock`, the rows of
 * the parents and of the unions set are locked first (in the caller's transaction), so two officers
 * splitting the same parent's places cannot both take its last places.
 */
export async function quotaRefusals(
  db: Db,
  actor: Actor,
  home: { id: string; name: string },
  year: number,
  wanted: ReadonlyMap<string, number>,
  lock = false,
): Promise<{ refusals: QuotaRefusal[]; chains: Map<string, UnionChain>; before: (id: string) => number | null }> {
  const ids = [...wanted.keys()];
  const chains = await unionChains(db, actor, ids);
  const refusals: QuotaRefusal[] = [];
  for (const id of ids) {
    const u = chains.get(id);
    const why = u ? whyNotAssign(actor, home, u) : null;
    if (!u) refusals.push({ unionId: id, code: "NOT_FOUND", message: notInScope().message, short: "工会不存在或不在本账号范围内" });
    else if (why) refusals.push({ unionId: id, code: "FORBIDDEN", message: why, short: why });
  }
  if (refusals.length > 0) return { refusals, chains, before: () => null };
  const parentIds = [...new Set(ids.map((id) => chains.get(id)!.parentId).filter((p): p is string => p !== null))];
  const locked = [...new Set([...ids, ...parentIds])];
  if (lock) await db.execute(sql`select union_id from recuperation_quotas where year = ${year} and union_id in (${sql.join(locked.map((id) => sql`${id}::uuid`), sql`, `)}) for update`);
  const figures = await quotaFigures(db, year, locked);
  const before = (id: string) => figures.get(id)?.received ?? null;
  const receivedAfter = (id: string) => wanted.get(id) ?? before(id) ?? 0;
  // What each union hands down once the change is made: its rows below, with the changed ones replaced.
  const handedAfter = new Map<string, number>();
  for (const id of locked) handedAfter.set(id, figures.get(id)?.handedDown ?? 0);
  for (const id of ids) {
    const parent = chains.get(id)!.parentId;
    if (parent) handedAfter.set(parent, handedAfter.get(parent)! + wanted.get(id)! - (before(id) ?? 0));
  }

  for (const id of ids) {
    const u = chains.get(id)!;
    const handed = handedAfter.get(id)!;
    const own = figures.get(id)?.ownUse ?? 0;
    const floor = handed + own;
    if (wanted.get(id)! >= floor) continue;
    const message =
      handed > 0 && own > 0
        ? `「${u.name}」已向下级分配${handed}个名额，本级会员已使用${own}个，名额不能少于${floor}个`
        : handed > 0
          ? `「${u.name}」已向下级分配${handed}个名额，名额不能少于${handed}个`
          : `「${u.name}」已使用${own}个名额(待确认、已接受或已入住)，名额不能少于${own}个`;
    refusals.push({ unionId: id, code: "VALIDATION_FAILED", message, short: `不能少于${floor}个` });
  }
  for (const parentId of parentIds) {
    const setHere = ids.filter((id) => chains.get(id)!.parentId === parentId);
    const parent = chains.get(setHere[0]!)!.chain[1]!;
    const received = receivedAfter(parentId);
    const handed = handedAfter.get(parentId)!;
    if (handed <= received) continue;
    const others = handed - setHere.reduce((sum, id) => sum + wanted.get(id)!, 0);
    const left = received - others;
    const message =
      setHere.length === 1
        ? `「${parent.name}」${year}年共获得${received}个名额，已分配给其他下级${others}个，尚余${left}个；「${chains.get(setHere[0]!)!.name}」最多可设为${left}个`
        : `「${parent.name}」${year}年共获得${received}个名额，按本次分配下级合计${handed}个，超出${handed - received}个`;
    for (const id of setHere) refusals.push({ unionId: id, code: "VALIDATION_FAILED", message, short: "超出上级可分配的名额" });
  }
  return { refusals, chains, before };
}

/**
 * Sets unions' places for a year as one change, in the caller's transaction: refused as a whole, by the
 * first refusal (its fields name every union refused for it), or written and audited per union with the
 * number before and after. Refused while a round of the year is being drawn (quotaYearLock.ts). Returns the
 * unions whose number changed.
 */
export async function applyQuotas(tx: Db, actor: Actor, home: { id: string; name: string }, year: number, quotas: readonly { unionId: string; quota: number }[]): Promise<string[]> {
  const wanted = new Map<string, number>();
  for (const [i, q] of quotas.entries()) {
    if (wanted.has(q.unionId)) throw new AppError("VALIDATION_FAILED", "同一工会出现了两次", { [`quotas.${i}.unionId`]: "同一工会出现了两次" });
    wanted.set(q.unionId, q.quota);
  }
  const index = new Map([...wanted.keys()].map((id, i) => [id, i]));
  await refuseQuotaChangeWhileDrawing(tx, year);
  const { refusals, chains, before } = await quotaRefusals(tx, actor, home, year, wanted, true);
  const first = refusals[0];
  if (first) {
    const fields = Object.fromEntries(refusals.filter((r) => r.message === first.message).map((r) => [`quotas.${index.get(r.unionId)}.quota`, r.short]));
    throw new AppError(first.code, first.message, first.code === "NOT_FOUND" ? undefined : fields);
  }
  const changed = [...wanted.keys()].filter((id) => before(id) !== wanted.get(id));
  if (changed.length === 0) return [];
  const values = changed.map((id) => sql`(${year}::int, ${id}::uuid, ${wanted.get(id)!}::int)`);
  await tx.execute(sql`insert into recuperation_quotas (year, union_id, quota) values ${sql.join(values, sql`, `)}
    on conflict (year, union_id) do update set quota = excluded.quota`);
  for (const id of changed) {
    const u = chains.get(id)!;
    await writeAudit(tx, auditActorOf(actor), {
      action: "recuperation.quota.set",
      objectType: "recuperationQuota",
      objectId: id,
      detail: { year, unionName: u.name, parentName: u.chain[1]?.name ?? null },
      before: { quota: before(id) },
      after: { quota: wanted.get(id)! },
    });
  }
  return changed;
}

/** POST /api/recuperation/quotas: `applyQuotas` in a transaction of its own. */
export async function setQuotas(ctx: AppContext, actor: Actor, year: number, quotas: { unionId: string; quota: number }[]): Promise<void> {
  const home = await homeOrRefuse(ctx, actor);
  await ctx.database.db.transaction((tx) => applyQuotas(tx, actor, home, year, quotas));
}
