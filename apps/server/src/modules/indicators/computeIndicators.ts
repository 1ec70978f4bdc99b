import type { Indicators } from "@jiangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { queryRows } from "../../platform/db/queryRows";
import { yearRange } from "./yearRange";

export type IndicatorFilter = {
  year: number;
  /** County-level units to count; undefined = the whole province. */
  counties: string[] | undefined;
  campaignId?: string;
};

const inCounties = (column: SQL, counties: string[] | undefined): SQL =>
  counties === undefined ? sql`true` : counties.length === 0 ? sql`false` : sql`${column} in (${sql.join(counties.map((c) => sql`${c}`), sql`, `)})`;

/**
 * The programme's yearly figures, each counted from records (see docs/indicators.md for the
 * definitions). One round trip per figure family; all of them use the (county, date) indexes.
 */
export async function computeIndicators(db: Db, f: IndicatorFilter): Promise<Omit<Indicators, "regionCode">> {
  const { from, to, fromDate, toDate } = yearRange(f.year);
  const campaign = (column: SQL) => (f.campaignId ? sql`${column} = ${f.campaignId}` : sql`true`);

  const sessionWhere = sql`s.date >= ${fromDate} and s.date < ${toDate} and ${inCounties(sql`s.county_code`, f.counties)} and ${campaign(sql`s.campaign_id`)}`;
  const [sessions] = await queryRows<{ sessions: number; participations: number; enterprises: number }>(
    db,
    sql`select
          count(*)::int as sessions,
          coalesce(sum((select count(*) from session_experts se where se.session_id = s.id)), 0)::int as participations,
          (select count(distinct sen.enterprise_id)::int from session_enterprises sen join service_sessions s2 on s2.id = sen.session_id
             where s2.date >= ${fromDate} and s2.date < ${toDate} and ${inCounties(sql`s2.county_code`, f.counties)} and ${campaign(sql`s2.campaign_id`)}) as enterprises
        from service_sessions s where ${sessionWhere}`,
  );

  // A problem counts in the year it was solved, wherever it was found; with a campaign, through its session.
  const [solved] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from problems p
        ${f.campaignId ? sql`join service_sessions s on s.id = p.session_id` : sql``}
        where p.status = 'solved' and p.solved_at >= ${from.toISOString()} and p.solved_at < ${to.toISOString()}
          and ${inCounties(sql`p.county_code`, f.counties)} and ${campaign(sql`s.campaign_id`)}`,
  );

  // A training belongs to a campaign directly or through the session it was part of.
  const [trained] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(sum(t.trainees), 0)::int as n from trainings t
        left join service_sessions s on s.id = t.session_id
        where t.date >= ${fromDate} and t.date < ${toDate} and ${inCounties(sql`t.county_code`, f.counties)}
          and ${f.campaignId ? sql`(t.campaign_id = ${f.campaignId} or s.campaign_id = ${f.campaignId})` : sql`true`}`,
  );

  // Outcomes count in the year they were first estimated; verified sums only what has been verified.
  const [benefit] = await queryRows<{ estimated: string; verified: string }>(
    db,
    sql`select coalesce(sum(o.economic_benefit_yuan), 0)::numeric(17,2)::text as estimated,
               coalesce(sum(o.verified_benefit_yuan), 0)::numeric(17,2)::text as verified
        from outcomes o
        ${f.campaignId ? sql`left join problems p on p.id = o.problem_id left join agreements a on a.id = o.agreement_id left join service_sessions s on s.id = coalesce(p.session_id, a.session_id)` : sql``}
        where o.estimated_on >= ${fromDate} and o.estimated_on < ${toDate} and ${inCounties(sql`o.county_code`, f.counties)}
          and ${campaign(sql`s.campaign_id`)}`,
  );

  return {
    year: f.year,
    campaignId: f.campaignId ?? null,
    sessions: sessions?.sessions ?? 0,
    expertParticipations: sessions?.participations ?? 0,
    enterprisesServed: sessions?.enterprises ?? 0,
    problemsSolved: solved?.n ?? 0,
    workerTrainings: trained?.n ?? 0,
    benefitEstimatedYuan: benefit?.estimated ?? "0.00",
    benefitVerifiedYuan: benefit?.verified ?? "0.00",
  };
}
