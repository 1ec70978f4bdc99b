import { chinaYearOf, schemeOfYear, type UpskillingStats } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../../platform/actor";
import { visibleCounties } from "../../platform/access";
import type { AppContext } from "../../platform/context";
import { queryRows } from "../../platform/db/queryRows";
import type { IndicatorCounts, IndicatorQuery } from "../../platform/programme";
import { applicationScope } from "./queries";
import { upskillingApplications } from "./tables";

const decided = sql.raw(`('approved', 'paid', 'failed')`);

/**
 * Applications, approvals and payments per city against the city's quota and the year's target, and
 * the median days from submission to payment, all within the reader's scope (a county reads its own
 * counties' figures beside its city's quota; a union account its own union's).
 */
export async function upskillingStats(ctx: AppContext, actor: Actor, year: number | undefined): Promise<UpskillingStats> {
  const y = year ?? chinaYearOf(ctx.now());
  const scheme = schemeOfYear(y);
  const a = upskillingApplications;
  const rows = await queryRows<{ city_code: string; applications: number; pending: number; approved: number; paid: number; failed: number; rejected: number }>(
    ctx.database.db,
    sql`select ${a.cityCode} as city_code, count(*)::int as applications,
          count(*) filter (where ${a.status} = 'pending')::int as pending,
          count(*) filter (where ${a.status} in ${decided})::int as approved,
          count(*) filter (where ${a.status} = 'paid')::int as paid,
          count(*) filter (where ${a.status} = 'failed')::int as failed,
          count(*) filter (where ${a.status} = 'rejected')::int as rejected
        from ${a} where ${a.year} = ${y} and ${applicationScope(actor)} group by ${a.cityCode}`,
  );
  const [median] = await queryRows<{ days: number | null }>(
    ctx.database.db,
    sql`select percentile_cont(0.5) within group (order by extract(epoch from (${a.paidAt} - ${a.submittedAt})) / 86400.0) as days
        from ${a} where ${a.year} = ${y} and ${a.status} = 'paid' and ${applicationScope(actor)}`,
  );
  // The cities the reader reaches: the province all of the scheme's, others those of their counties.
  const visible = visibleCounties(actor);
  const union = actor.scope.kind === "union" ? actor.scope.countyCode : null;
  const cityCodes = Object.keys(scheme?.cityQuotas ?? {}).filter((c) =>
    visible === "all" ? true : union ? ctx.regions.isWithin(union, c) : visible.some((county) => ctx.regions.isWithin(county, c)),
  );
  const byCity = new Map(rows.map((r) => [r.city_code, r]));
  const zero = { applications: 0, pending: 0, approved: 0, paid: 0, failed: 0, rejected: 0 };
  return {
    year: y,
    target: scheme?.target ?? 0,
    cities: cityCodes.map((c) => {
      const { city_code: _code, ...counts } = byCity.get(c) ?? { city_code: c, ...zero };
      return { cityCode: c, cityName: ctx.regions.get(c)?.name ?? c, quota: scheme?.cityQuotas[c] ?? 0, ...counts };
    }),
    medianDaysToPayment: median?.days == null ? null : Math.round(Number(median.days) * 10) / 10,
  };
}

/** The 驾驶舱's figures per county: applications made, approved (three steps done) and funded (paid) in the year. */
export async function countUpskillingIndicators(ctx: AppContext, q: IndicatorQuery): Promise<IndicatorCounts> {
  const a = upskillingApplications;
  const before = q.before ? sql`${q.before}::date` : null;
  const beforeTs = (col: AnyPgColumn) => (before ? sql`(${col} at time zone 'Asia/Shanghai')::date < ${before}` : sql`true`);
  const counties = q.counties ? (q.counties.length > 0 ? sql`${a.countyCode} in (${sql.join(q.counties.map((c) => sql`${c}`), sql`, `)})` : sql`false`) : sql`true`;
  const rows = await queryRows<{ county_code: string; applications: number; approved: number; funded: number }>(
    ctx.database.db,
    sql`select ${a.countyCode} as county_code,
          count(*) filter (where ${beforeTs(a.submittedAt)})::int as applications,
          count(*) filter (where ${a.status} in ${decided} and ${beforeTs(a.approvedAt)})::int as approved,
          count(*) filter (where ${a.status} = 'paid' and ${beforeTs(a.paidAt)})::int as funded
        from ${a} where ${a.year} = ${q.year} and ${counties} group by ${a.countyCode}`,
  );
  const figure = (key: "applications" | "approved" | "funded") => new Map(rows.filter((r) => r[key] > 0).map((r) => [r.county_code, r[key]]));
  return new Map([
    ["upskilling.applications", figure("applications")],
    ["upskilling.approved", figure("approved")],
    ["upskilling.funded", figure("funded")],
  ]);
}
