import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { queryRows } from "../../platform/db/queryRows";

/**
 * The counts programmes' figures are made of, from records at the time of asking. A member here is a
 * person with an active union period (in-transit members are counted once the new union confirms);
 * the county is where the person works now. `counties` undefined = the whole province.
 */
const inCounties = (column: SQL, counties: readonly string[] | undefined) =>
  counties === undefined ? sql`true` : counties.length === 0 ? sql`false` : sql`${column} in (${sql.join(counties.map((c) => sql`${c}`), sql`, `)})`;

export type MemberDimension = "county" | "occupation" | "platform" | "unionKind";

/** Members now, grouped by one dimension: [{ key, count }] (key null = not recorded). */
export async function countMembersBy(db: Db, q: { by: MemberDimension; counties: readonly string[] | undefined }): Promise<{ key: string | null; count: number }[]> {
  const key = {
    county: sql`p.county_code`,
    occupation: sql`p.occupation`,
    // A person on several platforms counts under the first (the one they joined through).
    platform: sql`p.platforms[1]`,
    unionKind: sql`coalesce(u.formation, u.kind)`,
  }[q.by];
  return queryRows<{ key: string | null; count: number }>(
    db,
    sql`select ${key} as key, count(*)::int as count
        from union_memberships m join people p on p.id = m.person_id join unions u on u.id = m.union_id
        where m.status = 'active' and ${inCounties(sql`p.county_code`, q.counties)}
        group by 1 order by 2 desc`,
  );
}

/** New members (first confirmed period) per county and month of a year, before a date when given. */
export async function countNewMembers(db: Db, q: { year: number; before?: string; counties: readonly string[] | undefined }): Promise<{ countyCode: string; month: string; count: number }[]> {
  const from = `${q.year}-01-01`;
  const to = q.before && q.before < `${q.year + 1}-01-01` ? q.before : `${q.year + 1}-01-01`;
  return queryRows(
    db,
    sql`select p.county_code as "countyCode", to_char(f.first, 'YYYY-MM') as month, count(*)::int as count
        from (select person_id, min(since) as first from union_memberships where since is not null and status <> 'declined' group by person_id) f
        join people p on p.id = f.person_id
        where f.first >= ${from}::date and f.first < ${to}::date and ${inCounties(sql`p.county_code`, q.counties)}
        group by 1, 2`,
  );
}

/**
 * Participation in a year: per county and item, the ledger rows and the distinct members; `itemCode`
 * null rows are the distinct members over all items (a member using three items counts once).
 */
export async function countParticipation(db: Db, q: { year: number; before?: string; counties: readonly string[] | undefined }): Promise<{ countyCode: string; itemCode: string | null; rows: number; participants: number }[]> {
  const before = q.before ? sql`and l.occurred_on < ${q.before}::date` : sql``;
  return queryRows(
    db,
    sql`select l.county_code as "countyCode", l.item_code as "itemCode", count(*)::int as rows, count(distinct l.person_id)::int as participants
        from benefit_ledger l
        where l.year = ${q.year} ${before} and ${inCounties(sql`l.county_code`, q.counties)}
        group by grouping sets ((l.county_code, l.item_code), (l.county_code))`,
  );
}
