import { sql } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import { queryRows } from "../../../platform/db/queryRows";
import type { IndicatorCounts, IndicatorQuery } from "../../../platform/programme";
import { countingInstant, upgradeRuleHolds, verified24hAt } from "./upgradeSql";

/**
 * Every stations indicator per county, from records, in one scan of the year's claimed stations. The 24 h
 * figure reads the hours history at the counting instant, not the station's current flag.
 */
export async function countStationIndicators(ctx: AppContext, q: IndicatorQuery): Promise<IndicatorCounts> {
  const at = countingInstant(q.year, ctx.now(), q.before);
  const counties = q.counties ? sql`and s.county_code in ${q.counties.length > 0 ? q.counties : [""]}` : sql``;
  const rows = await queryRows<{ county: string; claimed: number; counted: number; counted24: number }>(
    ctx.database.db,
    sql`select county, count(*)::int as claimed, count(*) filter (where holds)::int as counted, count(*) filter (where holds and is_24h)::int as counted24
        from (select s.county_code as county, ${verified24hAt(at)} as is_24h, ${upgradeRuleHolds(at)} as holds
              from stations s where s.upgrade_claimed_year = ${q.year} and s.created_at <= ${at}::timestamptz ${counties}) t
        group by county`,
  );
  const pick = (f: (r: (typeof rows)[number]) => number) => new Map(rows.map((r) => [r.county, f(r)]));
  return new Map([
    ["stations.upgraded", pick((r) => r.counted)],
    ["stations.upgraded24h", pick((r) => r.counted24)],
    ["stations.upgradeClaimed", pick((r) => r.claimed)],
  ]);
}
