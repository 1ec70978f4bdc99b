import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";

/** A union's quota figures for a year, before any rule is applied (see RecuperationQuotaNode for their meaning). */
export type QuotaFigures = { received: number | null; handedDown: number; ownUse: number; used: number; accepted: number; childCount: number };

/**
 * The figures of the unions `ids` for a year: the row the union above gave it, the sum of the rows it
 * gave the unions directly below, and the places in use (offers held, accepted or stayed, in rounds of
 * the year) by its own applicants and by those of its whole subtree. In the caller's transaction when
 * checking a change. One statement: the subtrees by a recursive walk down `unions.parent_id` (indexed),
 * the use by one grouped scan of the year's offers.
 */
export async function quotaFigures(db: Db, year: number, ids: readonly string[]): Promise<Map<string, QuotaFigures>> {
  if (ids.length === 0) return new Map();
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await queryRows<{ id: string; received: number | null; handed_down: number; child_count: number; used: number; accepted: number; own_use: number }>(
    db,
    sql`with recursive sub(root, id) as (
          select id, id from unions where id in (${list})
          union all
          select sub.root, u.id from unions u join sub on u.parent_id = sub.id
        ),
        use as (
          select a.union_id,
                 count(*) filter (where o.status in ('offered', 'accepted', 'stayed')) as used,
                 count(*) filter (where o.status in ('accepted', 'stayed')) as accepted
          from recuperation_offers o
          join recuperation_applications a on a.id = o.application_id
          join recuperation_rounds r on r.id = a.round_id
          where r.year = ${year} and a.union_id in (select id from sub)
          group by a.union_id
        ),
        sub_use as (
          select sub.root, sum(use.used) as used, sum(use.accepted) as accepted, coalesce(sum(use.used) filter (where sub.id = sub.root), 0) as own_use
          from sub join use on use.union_id = sub.id group by sub.root
        )
        select n.id, q.quota as received,
          coalesce((select sum(c.quota) from recuperation_quotas c join unions cu on cu.id = c.union_id where cu.parent_id = n.id and c.year = ${year}), 0)::int as handed_down,
          (select count(*) from unions cu where cu.parent_id = n.id)::int as child_count,
          coalesce(su.used, 0)::int as used, coalesce(su.accepted, 0)::int as accepted, coalesce(su.own_use, 0)::int as own_use
        from unions n
        left join recuperation_quotas q on q.union_id = n.id and q.year = ${year}
        left join sub_use su on su.root = n.id
        where n.id in (${list})`,
  );
  return new Map(
    rows.map((r) => [r.id, { received: r.received, handedDown: r.handed_down, ownUse: r.own_use, used: r.used, accepted: r.accepted, childCount: r.child_count }]),
  );
}
