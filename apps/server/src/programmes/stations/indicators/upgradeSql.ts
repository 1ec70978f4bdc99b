import { upgradeRule } from "@jiangxin/domain";
import { sql, type SQL } from "drizzle-orm";

/**
 * The upgrade rule (packages/domain upgradeRule) as SQL over a station aliased `s`, at an instant: every
 * required amenity confirmed by some check in the 90 days up to `at`, and no lock report open at `at`
 * (one answered 核实不实 never counts). Read from the rule object, so changing the data changes the count.
 */
export function upgradeRuleHolds(at: Date): SQL<boolean> {
  const required = sql.raw(`array[${upgradeRule.requiredAmenities.map((k) => `'${k}'`).join(",")}]::text[]`);
  const blocking = sql.raw(upgradeRule.blockingReportKinds.map((k) => `'${k}'`).join(","));
  const days = sql.raw(`interval '${upgradeRule.verifiedWithinDays} days'`);
  return sql<boolean>`(
    coalesce((select array_agg(distinct a.k) from station_checks c cross join lateral unnest(c.amenities::text[]) as a(k)
               where c.station_id = s.id and c.checked_at > ${at}::timestamptz - ${days} and c.checked_at <= ${at}::timestamptz), '{}'::text[]) @> ${required}
    and not exists (select 1 from station_reports r where r.station_id = s.id and r.kind in (${blocking})
                    and r.reported_at <= ${at}::timestamptz and (r.answered_at is null or r.answered_at > ${at}::timestamptz)
                    and r.outcome is distinct from 'unfounded'))`;
}

/**
 * Whether a station (aliased `s`) was open round the clock at `at` by hours verified on site: the row of its
 * hours history in force then (the last recorded at or before it) gives 24 h and stood verified. Hours changed
 * later, or posted as 24 h without a check, do not move this.
 */
export function verified24hAt(at: Date): SQL<boolean> {
  return sql<boolean>`coalesce((select h.is_24h and h.verified from station_hours_history h where h.station_id = s.id and h.recorded_at <= ${at}::timestamptz
                                order by h.recorded_at desc limit 1), false)`;
}

/** The instant a year is counted at: today (or `before`) while the year runs, its last moment once it is over. */
export function countingInstant(year: number, now: Date, before?: string): Date {
  const yearEnd = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const cut = before ? new Date(`${before}T00:00:00+08:00`) : now;
  return cut < yearEnd ? cut : yearEnd;
}
