import { chinaYearRange } from "@jiangxin/domain";
import type { StatsCountyQuery, StatsEnterpriseRow, StatsSessionRow } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { queryRows } from "../../../platform/db/queryRows";
import { AppError } from "../../../platform/errors";
import { countiesFor } from "../../../platform/countiesFor";

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** A county-level code the actor may see: 400 for a code that is not a county, 404 for one outside the actor's region. */
function checkCounty(ctx: AppContext, actor: Actor, code: string): void {
  const region = ctx.regions.require(code, "code");
  if (region.level !== "county") throw new AppError("VALIDATION_FAILED", "请选择县(市、区)", { code: "应为县级区划代码" });
  countiesFor(actor, ctx.regions, code);
}

/**
 * Enterprises served in the county in the year: visited by at least one of the county's sessions,
 * so the list's length is the county's 服务企业 figure. The page is cut first and only its rows get
 * their problems and benefit counted, through the enterprise indexes.
 */
export async function countyEnterprises(ctx: AppContext, actor: Actor, code: string, q: StatsCountyQuery): Promise<Page<StatsEnterpriseRow>> {
  checkCounty(ctx, actor, code);
  const { from, to, fromDate, toDate } = chinaYearRange(q.year);
  const served = sql`select sen.enterprise_id as id, count(*)::int as sessions, max(s.date)::text as last_visit
    from service_sessions s join session_enterprises sen on sen.session_id = s.id
    where s.county_code = ${code} and s.date >= ${fromDate} and s.date < ${toDate} and s.voided_at is null
    group by sen.enterprise_id`;
  const [rows, [count]] = await Promise.all([
    queryRows<{ id: string; name: string; size: string; sessions: number; last_visit: string; solved: number; estimated: string; verified: string }>(
      ctx.database.db,
      sql`with served as (${served}),
        page as (
          select e.id, e.name, e.size, served.sessions, served.last_visit from served join enterprises e on e.id = served.id
          order by served.sessions desc, served.last_visit desc, e.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}
        ),
        solved as (
          select p.enterprise_id as id, count(*)::int as n from problems p join page on page.id = p.enterprise_id
          where p.status = 'solved' and p.voided_at is null and p.solved_at >= ${from.toISOString()} and p.solved_at < ${to.toISOString()} group by 1
        ),
        benefit as (
          select x.id, sum(x.est) as est, sum(x.ver) as ver from (
            select p.enterprise_id as id, o.economic_benefit_yuan as est, o.verified_benefit_yuan as ver
              from page join problems p on p.enterprise_id = page.id join outcomes o on o.problem_id = p.id
              where o.estimated_on >= ${fromDate} and o.estimated_on < ${toDate} and p.voided_at is null
            union all
            select a.enterprise_id, o.economic_benefit_yuan, o.verified_benefit_yuan
              from page join agreements a on a.enterprise_id = page.id join outcomes o on o.agreement_id = a.id
              where o.estimated_on >= ${fromDate} and o.estimated_on < ${toDate} and a.voided_at is null
          ) x group by x.id
        )
        select page.*, coalesce(solved.n, 0)::int as solved,
               coalesce(benefit.est, 0)::numeric(17,2)::text as estimated, coalesce(benefit.ver, 0)::numeric(17,2)::text as verified
        from page left join solved on solved.id = page.id left join benefit on benefit.id = page.id
        order by page.sessions desc, page.last_visit desc, page.id`,
    ),
    queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from (${served}) served`),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, size: r.size, sessions: r.sessions, problemsSolved: r.solved, benefitEstimatedYuan: r.estimated, benefitVerifiedYuan: r.verified, lastVisit: r.last_visit })),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The county's sessions in the year, newest first, each with its team, firms, problems and trainees. */
export async function countySessions(ctx: AppContext, actor: Actor, code: string, q: StatsCountyQuery): Promise<Page<StatsSessionRow>> {
  checkCounty(ctx, actor, code);
  const { fromDate, toDate } = chinaYearRange(q.year);
  // Voided sessions leave the list as they leave the county's figures.
  const where = sql`s.county_code = ${code} and s.date >= ${fromDate} and s.date < ${toDate} and s.voided_at is null`;
  const [rows, [count]] = await Promise.all([
    queryRows<{ id: string; date: string; title: string; campaign_id: string | null; team: number; firms: number; problems: number; solved: number; trainees: number }>(
      ctx.database.db,
      sql`with page as (
          select s.id, s.date::text as date, s.title, s.campaign_id from service_sessions s where ${where}
          order by s.date desc, s.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}
        )
        select page.*,
          (select count(*)::int from session_experts se where se.session_id = page.id) as team,
          (select count(*)::int from session_enterprises sen where sen.session_id = page.id) as firms,
          (select count(*)::int from problems p where p.session_id = page.id and p.voided_at is null) as problems,
          (select count(*)::int from problems p where p.session_id = page.id and p.status = 'solved' and p.voided_at is null) as solved,
          (select coalesce(sum(t.trainees), 0)::int from trainings t where t.session_id = page.id and t.voided_at is null) as trainees
        from page order by page.date desc, page.id`,
    ),
    queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from service_sessions s where ${where}`),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, date: r.date, title: r.title, campaignId: r.campaign_id, teamSize: r.team, enterprises: r.firms, problems: r.problems, problemsSolved: r.solved, trainees: r.trainees })),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
