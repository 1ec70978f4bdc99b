import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../platform/db/queryRows";
import { startTestApp, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { runRound } from "./runRound";

// 12,000 applications: more than one write-back chunk (10,000), so the job stops between statements.
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
    await db.execute(sql`insert into unions (id, name, kind, region_code) values ('e3000000-0000-4000-8000-000000000001', '测试工会', 'grassroots', '330102')`);
    await db.execute(sql`insert into recuperation_quotas (year, union_id, quota) values (2026, 'e3000000-0000-4000-8000-000000000001', 4000)`);
    await db.execute(sql`insert into recuperation_groups (rank, label, category) values (1, '一组', null)`);
    await db.execute(sql`insert into recuperation_rounds (id, year, name, status, no_repeat_years) values (${roundId}, 2026, '测试轮次', 'running', 3)`);
    await db.execute(sql`insert into people (id, name, resident_id_hash, resident_id_enc, resident_id_masked, county_code)
      select ('c0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, '职工', 'h' || i, 'x', '330102********0000', '330102' from generate_series(1, ${applications}) i`);
    await db.execute(sql`insert into recuperation_applications (id, round_id, person_id, union_id, county_code, group_rank, choice1, choice2, last_year, channel)
      select ('a0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, ${roundId}, ('c0000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
             'e3000000-0000-4000-8000-000000000001', '330102', 1, ('e2000000-0000-4000-8000-' || lpad((1 + i % 10)::text, 12, '0'))::uuid,
             ('e2000000-0000-4000-8000-' || lpad((1 + (i + 3) % 10)::text, 12, '0'))::uuid, case when i % 7 = 0 then 2025 end, 'import'
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
