import { sql, type SQL } from "drizzle-orm";

/**
 * The quotas the draw and the waitlist work with, as a FROM item with the columns of
 * recuperation_quotas (`year`, `union_id`, `quota`): per union, the places it received less those it
 * handed down to the unions directly below it — the places left for its own members. A grassroots
 * union that split nothing keeps its whole quota (the leaf quotas, as before the tree); a county
 * federation that kept places undistributed offers them only to members who belong to the federation
 * itself, so kept places are not drawn for the unions below until handed down. A union that handed
 * everything down is left out (a union without a row draws against 0, the same). `year` is a number or
 * an SQL expression for it.
 */
export function drawableQuotas(year: number | SQL): SQL {
  return sql`(select q.year, q.union_id, (q.quota - coalesce(h.handed, 0))::int as quota
    from recuperation_quotas q
    left join (select c.year, cu.parent_id, sum(c.quota) as handed
               from recuperation_quotas c join unions cu on cu.id = c.union_id
               where c.year = ${year} and cu.parent_id is not null group by c.year, cu.parent_id) h
      on h.parent_id = q.union_id and h.year = q.year
    where q.year = ${year} and (h.handed is null or q.quota > h.handed))`;
}
