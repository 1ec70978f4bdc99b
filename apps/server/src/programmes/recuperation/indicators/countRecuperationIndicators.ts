import { sql } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import { queryRows } from "../../../platform/db/queryRows";
import type { IndicatorCounts, IndicatorQuery } from "../../../platform/programme";

/**
 * 疗休养人次: places accepted (or stayed) in sessions starting in the year, by the applicant's county;
 * 带动消费: the year's stays, days × the base's price, by the applicant's county. From records only.
 */
export async function countRecuperationIndicators(ctx: AppContext, q: IndicatorQuery): Promise<IndicatorCounts> {
  const db = ctx.database.db;
  const from = `${q.year}-01-01`;
  const until = q.before && q.before < `${q.year + 1}-01-01` ? q.before : `${q.year + 1}-01-01`;
  const counties = (col: ReturnType<typeof sql.raw>) => (q.counties ? sql`and ${col} in ${q.counties.length > 0 ? q.counties : [""]}` : sql``);
  const places = await queryRows<{ county: string; n: number }>(
    db,
    sql`select a.county_code as county, count(*)::int as n from recuperation_offers o
        join recuperation_applications a on a.id = o.application_id join recuperation_sessions s on s.id = o.session_id
        where o.status in ('accepted', 'stayed') and s.starts_on >= ${from}::date and s.starts_on < ${until}::date ${counties(sql.raw("a.county_code"))}
        group by 1`,
  );
  const spending = await queryRows<{ county: string; n: number }>(
    db,
    sql`select county_code as county, sum(amount_yuan)::float8 as n from recuperation_stays
        where starts_on >= ${from}::date and starts_on < ${until}::date ${counties(sql.raw("county_code"))} group by 1`,
  );
  return new Map([
    ["recuperation.places", new Map(places.map((r) => [r.county, r.n]))],
    ["recuperation.spending", new Map(spending.map((r) => [r.county, r.n]))],
  ]);
}
