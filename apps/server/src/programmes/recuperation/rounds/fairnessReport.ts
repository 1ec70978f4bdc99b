import { outcomeCodes, type RecuperationFairnessReport, type RecuperationShare } from "@jiangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";
import { drawableQuotas } from "../catalogue/drawableQuotas";

type ShareRow = { key: string | null; applicants: number; eligible: number; placed: number };

/**
 * A round's fairness report from its applications as drawn: each group's, sex's, occupation's and
 * county's share of places against its share of eligible applicants, the repeat rule's effect, and
 * quota use per union. One grouped scan per breakdown, over the round's rows only.
 */
export async function fairnessReport(ctx: AppContext, db: Db, roundId: string, year: number, noRepeatYears: number, drawMs: number): Promise<RecuperationFairnessReport> {
  const placed = sql`(d.session_id is not null)`;
  const eligible = sql`(d.position is not null)`;
  // The round's applications with what the draw gave each (recuperation_draw_results, by its primary key).
  const drawn = sql`recuperation_applications a join recuperation_draw_results d on d.round_id = a.round_id and d.application_id = a.id where a.round_id = ${roundId}`;
  const shares = (key: SQL) =>
    queryRows<ShareRow>(
      db,
      sql`select ${key} as key, count(*)::int as applicants, count(*) filter (where ${eligible})::int as eligible, count(*) filter (where ${placed})::int as placed
          from ${drawn} group by 1 order by 1`,
    );
  const labelled = (rows: ShareRow[], label: (key: string | null) => string): RecuperationShare[] =>
    rows.map((r) => ({ key: r.key ?? "", label: label(r.key), applicants: r.applicants, eligible: r.eligible, placed: r.placed }));

  const groups = await queryRows<{ rank: number; label: string }>(db, sql`select rank, label from recuperation_groups`);
  const groupLabel = new Map(groups.map((g) => [String(g.rank), g.label]));
  const [totals] = await queryRows<{ applicants: number; eligible: number; placed: number; repeat_applicants: number; placed_before: number }>(
    db,
    sql`select count(*)::int as applicants, count(*) filter (where ${eligible})::int as eligible, count(*) filter (where ${placed})::int as placed,
               count(*) filter (where d.outcome = ${outcomeCodes.ineligible})::int as repeat_applicants,
               count(*) filter (where ${placed} and a.last_year is not null)::int as placed_before
        from ${drawn}`,
  );
  const [repeat] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${drawn} and ${placed} and ${noRepeatYears} > 0 and a.last_year >= ${year - noRepeatYears}`,
  );
  const unionRows = await queryRows<{ union_id: string; union_name: string; quota: number; placed: number }>(
    db,
    sql`select q.union_id, u.name as union_name, q.quota, coalesce(p.placed, 0)::int as placed
        from ${drawableQuotas(year)} q join unions u on u.id = q.union_id
        left join (select a.union_id, count(*) as placed from ${drawn} and ${placed} group by a.union_id) p on p.union_id = q.union_id
        where q.year = ${year}`,
  );
  unionRows.sort((a, b) => a.placed / Math.max(1, a.quota) - b.placed / Math.max(1, b.quota) || b.quota - a.quota);
  const sexLabels: Record<string, string> = { male: "男", female: "女" };
  return {
    applicants: totals?.applicants ?? 0,
    eligible: totals?.eligible ?? 0,
    placed: totals?.placed ?? 0,
    repeatApplicants: totals?.repeat_applicants ?? 0,
    repeatPlaced: repeat?.n ?? 0,
    placedBefore: totals?.placed_before ?? 0,
    groups: labelled(await shares(sql`a.group_rank::text`), (k) => groupLabel.get(k ?? "") ?? `第${k}组`),
    sex: labelled(await shares(sql`a.sex`), (k) => (k ? (sexLabels[k] ?? k) : "未知")),
    occupation: labelled(await shares(sql`a.occupation`), (k) => k ?? "未填写"),
    county: labelled(await shares(sql`a.county_code`), (k) => (k ? (ctx.regions.get(k)?.name ?? k) : "未知")),
    unionTotals: {
      unions: unionRows.length,
      quota: unionRows.reduce((s, u) => s + u.quota, 0),
      placed: unionRows.reduce((s, u) => s + u.placed, 0),
      fullyUsed: unionRows.filter((u) => u.quota > 0 && u.placed >= u.quota).length,
    },
    unions: unionRows.slice(0, 200).map((u) => ({ unionId: u.union_id, unionName: u.union_name, quota: u.quota, placed: u.placed })),
    drawMs: Math.round(drawMs),
  };
}
