import { chinaYearRange, todayInChina, type StationStats } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { visibleCounties } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import type { AppContext } from "../../platform/context";
import { queryRows } from "../../platform/db/queryRows";
import { countingInstant, upgradeRuleHolds } from "./indicators/upgradeSql";

/** Statistics per county in the reader's scope: stations, 24 h, claimed vs counted upgrades, reports and response times, visits. */
export async function stationStats(ctx: AppContext, actor: Actor, year: number): Promise<StationStats> {
  const visible = visibleCounties(actor);
  const counties = visible === "all" ? ctx.regions.countiesUnder("330000") : [...visible];
  const inScope = counties.length > 0 ? counties : [""];
  const at = countingInstant(year, ctx.now());
  const { from, to, fromDate, toDate } = chinaYearRange(year);
  const today = todayInChina(ctx.now());
  const db = ctx.database.db;
  const [stationRows, reportRows, visitRows, byOccupation, byHour] = await Promise.all([
    queryRows<{ county: string; stations: number; h24: number; claimed: number; counted: number }>(
      db,
      sql`select s.county_code as county, count(*) filter (where s.status <> 'removed')::int as stations,
                 count(*) filter (where s.status <> 'removed' and s.is_24h)::int as h24,
                 count(*) filter (where s.upgrade_claimed_year = ${year})::int as claimed,
                 count(*) filter (where s.upgrade_claimed_year = ${year} and ${upgradeRuleHolds(at)})::int as counted
          from stations s where s.county_code in ${inScope} group by 1`,
    ),
    queryRows<{ county: string; reports: number; open: number; overdue: number; mean: number | null }>(
      db,
      sql`select county_code as county, count(*)::int as reports, count(*) filter (where answered_at is null)::int as open,
                 count(*) filter (where answered_at is null and due_date < ${today})::int as overdue,
                 avg(extract(epoch from answered_at - reported_at) / 3600) filter (where answered_at is not null)::float8 as mean
          from station_reports where county_code in ${inScope} and reported_at >= ${from} and reported_at < ${to} group by 1`,
    ),
    queryRows<{ county: string; visits: number }>(
      db,
      sql`select s.county_code as county, sum(v.count)::int as visits from station_visits v join stations s on s.id = v.station_id
          where s.county_code in ${inScope} and v.day >= ${fromDate} and v.day < ${toDate} group by 1`,
    ),
    queryRows<{ occupation: string; visits: number }>(
      db,
      sql`select v.occupation, sum(v.count)::int as visits from station_visits v join stations s on s.id = v.station_id
          where s.county_code in ${inScope} and v.day >= ${fromDate} and v.day < ${toDate} group by 1 order by 2 desc`,
    ),
    queryRows<{ hour: number; visits: number }>(
      db,
      sql`select v.hour::int as hour, sum(v.count)::int as visits from station_visits v join stations s on s.id = v.station_id
          where s.county_code in ${inScope} and v.day >= ${fromDate} and v.day < ${toDate} group by 1 order by 1`,
    ),
  ]);
  const s = new Map(stationRows.map((r) => [r.county, r]));
  const r = new Map(reportRows.map((x) => [x.county, x]));
  const v = new Map(visitRows.map((x) => [x.county, x.visits]));
  return {
    year,
    countedAt: at.toISOString(),
    counties: counties.map((code) => {
      const county = ctx.regions.get(code);
      const city = county?.parentCode ? ctx.regions.get(county.parentCode) : undefined;
      const mean = r.get(code)?.mean;
      return {
        countyCode: code,
        countyName: county?.name ?? code,
        cityName: city?.name ?? "",
        stations: s.get(code)?.stations ?? 0,
        stations24h: s.get(code)?.h24 ?? 0,
        claimed: s.get(code)?.claimed ?? 0,
        counted: s.get(code)?.counted ?? 0,
        reports: r.get(code)?.reports ?? 0,
        reportsOpen: r.get(code)?.open ?? 0,
        reportsOverdue: r.get(code)?.overdue ?? 0,
        meanResponseHours: mean === null || mean === undefined ? null : Math.round(mean * 10) / 10,
        visits: v.get(code) ?? 0,
      };
    }),
    visitsByOccupation: byOccupation.map((x) => ({ occupation: x.occupation as StationStats["visitsByOccupation"][number]["occupation"], visits: x.visits })),
    visitsByHour: byHour,
  };
}
