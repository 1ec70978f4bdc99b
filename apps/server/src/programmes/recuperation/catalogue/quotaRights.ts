import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";
import { AppError } from "../../../platform/errors";
import { federationOf, unionScope } from "../../../masterData/unions";

const federationKinds = new Set(["provincial", "city", "county"]);

/** A union and the way up from it: `chain[0]` is the union itself, then its parent, … up to 省总工会. */
export type UnionChain = { id: string; name: string; kind: string; parentId: string | null; chain: { id: string; name: string; kind: string }[] };

/**
 * The union an account splits places from: staff their region's federation (省总工会, a city's or a
 * county's 总工会), a union account its own union. Null for accounts bound to no union.
 */
export async function homeUnionOf(db: Db, actor: Actor): Promise<{ id: string; name: string } | null> {
  if (actor.scope.kind === "union") {
    const [row] = await queryRows<{ id: string; name: string }>(db, sql`select id, name from unions where id = ${actor.scope.unionId}`);
    return row ?? null;
  }
  if ((actor.scope.kind === "all" || actor.scope.kind === "counties") && actor.regionCode) {
    const fed = await federationOf(db, actor.regionCode);
    return fed ? { id: fed.id, name: fed.name } : null;
  }
  return null;
}

/** The unions of `ids` with their way up; those outside the actor's scope are left out (to the caller they do not exist). */
export async function unionChains(db: Db, actor: Actor, ids: readonly string[]): Promise<Map<string, UnionChain>> {
  if (ids.length === 0) return new Map();
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const visible = await queryRows<{ id: string }>(db, sql`select id from unions where id in (${list}) and ${unionScope(actor)}`);
  if (visible.length === 0) return new Map();
  const rows = await queryRows<{ target: string; id: string; name: string; kind: string; parent_id: string | null; depth: number }>(
    db,
    sql`with recursive up(target, id, name, kind, parent_id, depth) as (
          select u.id, u.id, u.name, u.kind, u.parent_id, 0 from unions u where u.id in (${sql.join(visible.map((v) => sql`${v.id}::uuid`), sql`, `)})
          union all
          select up.target, p.id, p.name, p.kind, p.parent_id, up.depth + 1 from unions p join up on p.id = up.parent_id where up.depth < 20
        )
        select target, id, name, kind, parent_id, depth from up order by target, depth`,
  );
  const chains = new Map<string, UnionChain>();
  for (const r of rows) {
    const c = chains.get(r.target);
    if (c) c.chain.push({ id: r.id, name: r.name, kind: r.kind });
    else chains.set(r.target, { id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, chain: [{ id: r.id, name: r.name, kind: r.kind }] });
  }
  return chains;
}

/** The first federation strictly above a union on its chain: who splits places down to it when no union account stands between. */
export const nearestFederationAbove = (u: UnionChain) => u.chain.slice(1).find((a) => federationKinds.has(a.kind));

/**
 * Who may set a union's quota for the year — following the tree, never one's own, never another region's:
 * - a federation account (province, city, county) sets the unions whose nearest federation above is its
 *   own: the province its cities (and a province-level industry union and those below it), a city its
 *   counties (and its industry unions and below), a county every union in the county below it;
 * - a union account sets the unions below its own union;
 * - the province alone sets its own federation's row: the year's plan, which no union above hands down.
 * Returns why not, in Chinese, or null when allowed. Scope (404) is checked before, by `unionChains`.
 */
export function whyNotAssign(actor: Actor, home: { id: string; name: string }, u: UnionChain): string | null {
  if (u.id === home.id) {
    if (u.parentId === null && actor.role === "province") return null;
    const parent = u.chain[1];
    return `不能设置本级工会的名额${parent ? `：由上级「${parent.name}」分配` : ""}`;
  }
  if (actor.scope.kind === "union") return u.chain.slice(1).some((a) => a.id === home.id) ? null : `「${u.name}」不在本工会之下，不能分配名额`;
  const fed = nearestFederationAbove(u);
  if (fed?.id === home.id) return null;
  return `「${u.name}」的名额由「${fed?.name ?? "上级工会"}」分配`;
}

export function notInScope(): AppError {
  return new AppError("NOT_FOUND", "工会不存在或不在本账号范围内");
}
