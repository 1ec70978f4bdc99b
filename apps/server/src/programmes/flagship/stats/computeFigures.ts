import { chinaMidnight, chinaYearRange } from "@jiangxin/domain";
import type { StatFigures } from "@jiangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";

export type FigureFilter = {
  year: number;
  /** Count from the start of this year (default `year`) to the end of `year`: with the "year" grouping, one pass gives several years. */
  fromYear?: number;
  /** County-level units to count; undefined = the whole province. */
  counties: string[] | undefined;
  /** Count only before this China date (YYYY-MM-DD) instead of to the end of `year`: a year so far. */
  before?: string;
  campaignId?: string;
};

/**
 * How to slice the figures: one total, by month of each record's own date, or by region (each county
 * mapped to the child region it rolls up into; counties not in the map are not counted).
 */
export type Grouping = { kind: "total" } | { kind: "month" } | { kind: "year" } | { kind: "region"; regionOf: ReadonlyMap<string, string> };

export const zeroFigures: StatFigures = {
  sessions: 0,
  expertParticipations: 0,
  enterprisesServed: 0,
  problemsSolved: 0,
  workerTrainings: 0,
  benefitEstimatedYuan: "0.00",
  benefitVerifiedYuan: "0.00",
  hasRecords: false,
};

const inCounties = (column: SQL, counties: string[] | undefined): SQL =>
  counties === undefined ? sql`true` : counties.length === 0 ? sql`false` : sql`${column} in (${sql.join(counties.map((c) => sql`${c}`), sql`, `)})`;

/**
 * The grouping key of a row and the join that computes it. `day` is the record's date in China: a
 * `date` column as is, a timestamp shifted by 8 hours (China has no daylight saving).
 */
function slicer(g: Grouping, county: SQL, day: SQL, counties: string[] | undefined): { key: SQL; join: SQL; where: SQL } {
  if (g.kind === "total") return { key: sql`'all'`, join: sql``, where: inCounties(county, counties) };
  if (g.kind === "year") return { key: sql`extract(year from ${day})::int::text`, join: sql``, where: inCounties(county, counties) };
  if (g.kind === "month") return { key: sql`extract(month from ${day})::int::text`, join: sql``, where: inCounties(county, counties) };
  const pairs = [...g.regionOf].map(([c, r]) => sql`(${c}::text, ${r}::text)`);
  if (pairs.length === 0) return { key: sql`'none'`, join: sql``, where: sql`false` };
  // The map holds only the counties asked for; the join alone would filter, but the planner reaches
  // the (county_code, date) indexes only through an IN list (a county's rows, not the whole year's).
  return { key: sql`m.region`, join: sql`join (values ${sql.join(pairs, sql`, `)}) as m(county, region) on m.county = ${county}`, where: inCounties(county, [...g.regionOf.keys()]) };
}

type Keyed<T> = ({ k: string | null } & T)[];

/**
 * The programme's figures (docs/indicators.md) counted from records, sliced by `g`. Six statements,
 * each one index-friendly scan of one fact table (no correlated subqueries), sent together.
 */
export async function computeFigures(db: Db, f: FigureFilter, g: Grouping, opts: { withTotal?: boolean } = {}): Promise<Map<string, StatFigures>> {
  // With the total too (key "total"): the same scan rolls up once more (grouping sets), so a table of
  // regions and its 合计 row cost one pass over each fact table, not two.
  const groupBy = (key: SQL) => (opts.withTotal ? sql`group by grouping sets ((${key}), ())` : sql`group by 1`);
  const end = chinaYearRange(f.year);
  const toDate = f.before ?? end.toDate;
  const to = f.before ? chinaMidnight(f.before) : end.to;
  const { from, fromDate } = chinaYearRange(f.fromYear ?? f.year);
  const campaign = (column: SQL) => (f.campaignId ? sql`${column} = ${f.campaignId}` : sql`true`);
  const chinaTime = (ts: SQL) => sql`((${ts} at time zone 'UTC') + interval '8 hours')`;

  const ss = slicer(g, sql`s.county_code`, sql`s.date`, f.counties);
  // Voided records (corrected away with a reason) stay in their tables as history and leave every figure.
  const sessionWhere = sql`s.date >= ${fromDate} and s.date < ${toDate} and s.voided_at is null and ${ss.where} and ${campaign(sql`s.campaign_id`)}`;
  const ps = slicer(g, sql`p.county_code`, chinaTime(sql`p.solved_at`), f.counties);
  const ts = slicer(g, sql`t.county_code`, sql`t.date`, f.counties);
  const os = slicer(g, sql`o.county_code`, sql`o.estimated_on`, f.counties);

  // With a campaign, the trainings and outcomes tagged with it, as disjoint branches that each start
  // from the campaign's index: an OR across joins would make the planner scan the whole table.
  // A training belongs to a campaign directly or through the session it was part of.
  const trainingSource = f.campaignId
    ? sql`(select t1.* from trainings t1 where t1.campaign_id = ${f.campaignId}
           union all
           select t2.* from service_sessions s join trainings t2 on t2.session_id = s.id
           where s.campaign_id = ${f.campaignId} and t2.campaign_id is distinct from ${f.campaignId})`
    : sql`trainings`;
  // An outcome belongs through its problem's session, or, when the problem has none, its agreement's.
  const outcomeSource = f.campaignId
    ? sql`(select o1.* from service_sessions s join problems p on p.session_id = s.id join outcomes o1 on o1.problem_id = p.id
           where s.campaign_id = ${f.campaignId}
           union all
           select o2.* from service_sessions s join agreements a on a.session_id = s.id join outcomes o2 on o2.agreement_id = a.id
             left join problems p2 on p2.id = o2.problem_id
           where s.campaign_id = ${f.campaignId} and p2.session_id is null)`
    : sql`outcomes`;

  const [sessions, participations, enterprises, solved, trained, benefit] = await Promise.all([
    queryRows<{ k: string | null; n: number }>(db, sql`select ${ss.key} as k, count(*)::int as n from service_sessions s ${ss.join} where ${sessionWhere} ${groupBy(ss.key)}`),
    queryRows<{ k: string | null; n: number }>(
      db,
      sql`select ${ss.key} as k, count(*)::int as n from service_sessions s join session_experts se on se.session_id = s.id ${ss.join} where ${sessionWhere} ${groupBy(ss.key)}`,
    ),
    // Distinct within each slice: a firm visited twice in a slice counts once there. Distinct pairs
    // first, then counted: a hashed distinct, where count(distinct) per group would sort every row.
    queryRows<{ k: string | null; n: number }>(
      db,
      sql`with d as (
            select distinct ${ss.key} as k, sen.enterprise_id as e from service_sessions s join session_enterprises sen on sen.session_id = s.id ${ss.join} where ${sessionWhere}
          )
          select k, count(*)::int as n from d group by 1
          ${opts.withTotal ? sql`union all select null, count(distinct e)::int from d` : sql``}`,
    ),
    // A problem counts in the year it was solved, wherever it was found; with a campaign, through its session.
    queryRows<{ k: string | null; n: number }>(
      db,
      sql`select ${ps.key} as k, count(*)::int as n from problems p
          ${f.campaignId ? sql`join service_sessions s on s.id = p.session_id` : sql``} ${ps.join}
          where p.status = 'solved' and p.voided_at is null and p.solved_at >= ${from.toISOString()} and p.solved_at < ${to.toISOString()}
            and ${ps.where} and ${campaign(sql`s.campaign_id`)}
          ${groupBy(ps.key)}`,
    ),
    queryRows<{ k: string | null; n: number; c: number }>(
      db,
      sql`select ${ts.key} as k, coalesce(sum(t.trainees), 0)::int as n, count(*)::int as c from ${trainingSource} t ${ts.join}
          where t.date >= ${fromDate} and t.date < ${toDate} and t.voided_at is null and ${ts.where}
          ${groupBy(ts.key)}`,
    ),
    // Outcomes count in the year they were first estimated; verified sums only what has been verified.
    queryRows<{ k: string | null; estimated: string; verified: string; c: number }>(
      db,
      sql`select ${os.key} as k, coalesce(sum(o.economic_benefit_yuan), 0)::numeric(17,2)::text as estimated,
                 coalesce(sum(o.verified_benefit_yuan), 0)::numeric(17,2)::text as verified,
                 count(*)::int as c
          from ${outcomeSource} o ${os.join}
          where o.estimated_on >= ${fromDate} and o.estimated_on < ${toDate} and ${os.where}
            and not exists (select 1 from problems vp where vp.id = o.problem_id and vp.voided_at is not null)
            and not exists (select 1 from agreements va where va.id = o.agreement_id and va.voided_at is not null)
          ${groupBy(os.key)}`,
    ),
  ]);

  const out = new Map<string, StatFigures>();
  const at = (k: string | null) => {
    const key = k === null ? "total" : String(k);
    let v = out.get(key);
    if (!v) out.set(key, (v = { ...zeroFigures }));
    return v;
  };
  const put = (rows: Keyed<{ n: number }>, field: "sessions" | "expertParticipations" | "enterprisesServed" | "problemsSolved" | "workerTrainings") => {
    for (const r of rows) at(r.k)[field] = r.n;
  };
  put(sessions, "sessions");
  put(participations, "expertParticipations");
  put(enterprises, "enterprisesServed");
  put(solved, "problemsSolved");
  put(trained, "workerTrainings");
  for (const r of benefit) Object.assign(at(r.k), { benefitEstimatedYuan: r.estimated, benefitVerifiedYuan: r.verified });
  // A slice has records when any of the four fact tables has a row in it: a training of 0 trainees
  // or an outcome of 0 yuan is still a record, so "no data" is decided by rows, not by the sums.
  for (const rows of [sessions, solved, trained, benefit] as Keyed<{ n?: number; c?: number }>[]) {
    for (const r of rows) if ((r.c ?? r.n ?? 0) > 0) at(r.k).hasRecords = true;
  }
  return out;
}

/** One total over the filter: what /api/indicators and the headline show. */
export async function computeTotal(db: Db, f: FigureFilter): Promise<StatFigures> {
  return (await computeFigures(db, f, { kind: "total" })).get("all") ?? { ...zeroFigures };
}
