import type { RecuperationFairnessReport, RecuperationShare } from "@jiangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../platform/db/queryRows";
import { startTestApp, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { runRound } from "./runRound";

// 12,000 applications: several pages (5,000) and write-back chunks (2,500), so the job stops between statements.
const applications = 12_000;
const roundId = "d1000000-0000-4000-8000-000000000001";

describe.each(testDatabaseKinds)("the draw job on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    await db.execute(sql`insert into recuperation_bases (id, code, name, county_code, kind, capacity, price_per_day, certified_from, certified_until)
      values ('e0000000-0000-4000-8000-000000000001', 'RB1', '测试基地', '330102', '疗休养院', 100, 500, '2026-01-01', '2027-12-31')`);
    await db.execute(sql`insert into recuperation_routes (id, name, theme, days) values ('e1000000-0000-4000-8000-000000000001', '测试线路', '测试', 4)`);
    await db.execute(sql`insert into recuperation_sessions (id, code, route_id, year, starts_on, ends_on, capacity)
      select ('e2000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'RS' || i, 'e1000000-0000-4000-8000-000000000001', 2026, '2026-06-01', '2026-06-04', 500
      from generate_series(1, 10) i`);
    await db.execute(sql`insert into unions (id, name, kind, region_code) values ('e3000000-0000-4000-8000-000000000001', '测试工会', 'grassroots', '330102'),
      ('e3000000-0000-4000-8000-000000000002', '测试工会二', 'grassroots', '330127')`);
    await db.execute(sql`insert into recuperation_quotas (year, union_id, quota) values (2026, 'e3000000-0000-4000-8000-000000000001', 3000), (2026, 'e3000000-0000-4000-8000-000000000002', 1000)`);
    await db.execute(sql`insert into recuperation_groups (rank, label, category) values (1, '一组', null), (2, '二组', null)`);
    await db.execute(sql`insert into recuperation_rounds (id, year, name, status, no_repeat_years) values (${roundId}, 2026, '测试轮次', 'running', 3)`);
    await db.execute(sql`insert into people (id, name, resident_id_hash, resident_id_enc, resident_id_masked, county_code)
      select ('c0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, '职工', 'h' || i, 'x', '330102********0000', '330102' from generate_series(1, ${applications}) i`);
    // Two unions, two groups, three counties; sex and occupation missing for some, and occupations with
    // a comma, quotes and a line break (the draw job reads them as text); a last year within the
    // no-repeat years (ineligible) and one before them (placed again: the repeat rate).
    await db.execute(sql`insert into recuperation_applications (id, round_id, person_id, union_id, county_code, sex, occupation, group_rank, choice1, choice2, last_year, channel)
      select ('a0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, ${roundId}, ('c0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
             case when i % 4 = 0 then 'e3000000-0000-4000-8000-000000000002'::uuid else 'e3000000-0000-4000-8000-000000000001'::uuid end,
             (array['330102', '330106', '330127'])[1 + i % 3],
             (array[null, 'male', 'male', 'female', 'female'])[1 + i % 5],
             (array[null, '工人', '教师, "班主任"', E'司机\n夜班', '', '工程师'])[1 + i % 6],
             case when i % 9 = 0 then 2 else 1 end, ('e2000000-0000-4000-8000-' || lpad((1 + i % 10)::text, 12, '0'))::uuid,
             ('e2000000-0000-4000-8000-' || lpad((1 + (i + 3) % 10)::text, 12, '0'))::uuid, case when i % 7 = 0 then 2025 when i % 11 = 0 then 2021 end, 'import'
      from generate_series(1, ${applications}) i`);
  });
  afterAll(() => t.close());

  const counts = async () =>
    (
      await queryRows<{ results: number; offers: number; placed: number }>(
        t.ctx.database.db,
        sql`select (select count(*)::int from recuperation_draw_results where round_id = ${roundId}) as results,
                   (select count(*)::int from recuperation_offers where source = 'draw') as offers,
                   (select count(*)::int from recuperation_draw_results where round_id = ${roundId} and session_id is not null) as placed`,
      )
    )[0]!;

  it("answers other requests while it runs: they are not queued behind the whole draw", async () => {
    let drawDone = false;
    const steps: string[] = [];
    const job = runRound(t.ctx, t.ctx.database.db, roundId, "seed-1", (step) => void steps.push(step)).then((r) => {
      drawDone = true;
      return r;
    });
    // Wait until the job is writing results, then ask for a page: it must be served before the job ends.
    while (!steps.includes("写入结果") && !drawDone) await new Promise((r) => setImmediate(r));
    const res = await t.app.inject({ method: "GET", url: "/api/public/recuperation/rounds" });
    expect(res.statusCode).toBe(200);
    expect(drawDone).toBe(false);
    const timings = await job;
    expect(timings).toMatchObject({ applications, placed: 4000 });
    expect(await counts()).toEqual({ results: applications, offers: 4000, placed: 4000 });
  });

  it("its fairness report counts what a plain SQL count over the round's rows gives", async () => {
    const db = t.ctx.database.db;
    const [{ report }] = (await queryRows<{ report: RecuperationFairnessReport }>(db, sql`select report from recuperation_rounds where id = ${roundId}`)) as [{ report: RecuperationFairnessReport }];
    const count = async (where: SQL) =>
      (
        await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from recuperation_applications a join recuperation_draw_results d on d.application_id = a.id and d.round_id = a.round_id
              where a.round_id = ${roundId} and ${where}`,
        )
      )[0]!.n;
    expect(report.applicants).toBe(await count(sql`true`));
    expect(report.applicants).toBe(applications);
    expect(report.eligible).toBe(await count(sql`d.position is not null`));
    expect(report.placed).toBe(await count(sql`d.session_id is not null`));
    expect(report.placed).toBe(4000);
    expect(report.repeatApplicants).toBe(await count(sql`a.last_year >= 2023`));
    expect(report.repeatApplicants).toBeGreaterThan(0);
    expect(report.repeatPlaced).toBe(await count(sql`d.session_id is not null and a.last_year >= 2023`));
    expect(report.placedBefore).toBe(await count(sql`d.session_id is not null and a.last_year is not null`));
    expect(report.placedBefore).toBeGreaterThan(0);
    const shares = async (key: SQL) =>
      queryRows<{ key: string | null; applicants: number; eligible: number; placed: number }>(
        db,
        sql`select ${key} as key, count(*)::int as applicants, count(d.position)::int as eligible, count(d.session_id)::int as placed
            from recuperation_applications a join recuperation_draw_results d on d.application_id = a.id and d.round_id = a.round_id
            where a.round_id = ${roundId} group by 1 order by 1`,
      );
    const figures = (list: RecuperationShare[]) => list.map(({ key, applicants, eligible, placed }) => ({ key, applicants, eligible, placed }));
    const fromSql = (rows: Awaited<ReturnType<typeof shares>>) => rows.map((r) => ({ ...r, key: r.key ?? "" }));
    expect(figures(report.groups)).toEqual(fromSql(await shares(sql`a.group_rank::text`)));
    expect(report.groups.map((g) => g.label)).toEqual(["一组", "二组"]);
    expect(figures(report.sex)).toEqual(fromSql(await shares(sql`a.sex`)));
    expect(report.sex.map((g) => g.label)).toEqual(["女", "男", "未知"]);
    expect(figures(report.occupation)).toEqual(fromSql(await shares(sql`a.occupation`)));
    expect(report.occupation.map((g) => g.label)).toContain('教师, "班主任"');
    expect(report.occupation.map((g) => g.label)).toContain("司机\n夜班");
    expect(report.occupation.at(-1)?.label).toBe("未填写");
    expect(figures(report.county)).toEqual(fromSql(await shares(sql`a.county_code`)));
    expect(report.county.map((g) => g.label)).toEqual(["上城区", "西湖区", "淳安县"]);
    const unions = await queryRows<{ union_id: string; union_name: string; quota: number; placed: number }>(
      db,
      sql`select q.union_id, u.name as union_name, q.quota, (select count(*)::int from recuperation_applications a join recuperation_draw_results d on d.application_id = a.id
            where a.round_id = ${roundId} and a.union_id = q.union_id and d.session_id is not null) as placed
          from recuperation_quotas q join unions u on u.id = q.union_id where q.year = 2026 order by q.union_id`,
    );
    expect([...report.unions].sort((a, b) => (a.unionId < b.unionId ? -1 : 1))).toEqual(unions.map((u) => ({ unionId: u.union_id, unionName: u.union_name, quota: u.quota, placed: u.placed })));
    expect(report.unionTotals).toEqual({ unions: 2, quota: 4000, placed: 4000, fullyUsed: 2 });
  });

  it("a rerun after a failure replaces the round's results and draw offers instead of adding to them", async () => {
    const before = await queryRows<{ application_id: string; position: number | null; session_id: string | null }>(
      t.ctx.database.db,
      sql`select application_id, position, session_id from recuperation_draw_results where round_id = ${roundId} order by application_id`,
    );
    // The run above stands for one that failed after writing everything; the same seed runs again.
    await runRound(t.ctx, t.ctx.database.db, roundId, "seed-1");
    expect(await counts()).toEqual({ results: applications, offers: 4000, placed: 4000 });
    const after = await queryRows<{ application_id: string; position: number | null; session_id: string | null }>(
      t.ctx.database.db,
      sql`select application_id, position, session_id from recuperation_draw_results where round_id = ${roundId} order by application_id`,
    );
    expect(after).toEqual(before);
    // A drawn round is never drawn again (its clean-up would touch offers people may have answered).
    await t.ctx.database.db.execute(sql`update recuperation_rounds set status = 'drawn' where id = ${roundId}`);
    await expect(runRound(t.ctx, t.ctx.database.db, roundId, "seed-1")).rejects.toThrow(/not running/);
  });
});
