// bench:recuperation's database path, in its own process (so its peak memory is its own): loads DIR's
// files into a fresh embedded database (PGlite, what `npm start` uses; --postgres with
// BENCH_DATABASE_URL / TEST_DATABASE_URL for a server), runs the web's draw (runRound) and compares its
// result row by row with DIR/allocation.csv written by the command. Prints `key value` lines.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createContext } from "../../apps/server/src/createContext";
import { loadConfig } from "../../apps/server/src/platform/config";
import type { Database } from "../../apps/server/src/platform/db/database";
import { queryRows } from "../../apps/server/src/platform/db/queryRows";
import { runRound } from "../../apps/server/src/programmes/recuperation/rounds/runRound";
import { createTestDatabase } from "../../apps/server/src/testing/testDatabases";

const [dir, ...rest] = process.argv.slice(2);
const opt = (name: string) => rest.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? "";
const seed = opt("seed");
const year = Number(opt("year"));
const noRepeatYears = Number(opt("no-repeat-years"));
const kind = rest.includes("--postgres") ? "postgres" : "pglite";
const roundId = "d0000000-0000-4000-8000-000000000001";
const chunkLines = 100_000;
const probeEveryMs = 100;

/** COPY … FROM STDIN (CSV) of the given text chunks: the fastest load each driver offers. */
async function copyCsv(database: Database, target: string, chunks: Iterable<string>): Promise<void> {
  const client = (database.db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (database.kind === "postgres") {
    const conn = await (client as pg.Pool).connect();
    try {
      await pipeline(Readable.from(chunks), conn.query(copyFrom(`COPY ${target} FROM STDIN (FORMAT csv)`)));
    } finally {
      conn.release();
    }
    return;
  }
  for (const chunk of chunks) await (client as PGlite).query(`COPY ${target} FROM '/dev/blob' (FORMAT csv)`, [], { blob: new Blob([chunk]) });
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "jx-recup-bench-"));
  const target = await createTestDatabase(kind);
  const config = loadConfig({ JIANGXIN_DATA_DIR: dataDir, JIANGXIN_DATA_KEY: randomBytes(32).toString("base64"), JIANGXIN_LOG_LEVEL: "silent", JIANGXIN_WEB_DIST: "does-not-exist" });
  const ctx = await createContext(config, target.target);
  const db = ctx.database.db;
  try {
    const t0 = performance.now();
    const county = "330102";
    const lines = (file: string) => readFileSync(join(dir!, file), "utf8").split("\n").slice(1).filter(Boolean);
    await db.execute(sql`insert into recuperation_bases (id, code, name, county_code, kind, capacity, price_per_day, certified_from, certified_until)
      values ('e0000000-0000-4000-8000-000000000001', 'B001', '基准基地', ${county}, '疗休养院', 1000, 600, '2026-01-01', '2028-12-31')`);
    await db.execute(sql`insert into recuperation_routes (id, name, theme, days) values ('e1000000-0000-4000-8000-000000000001', '基准线路', '基准', 5)`);
    await db.execute(sql`insert into recuperation_route_bases (route_id, base_id, days, position) values ('e1000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', 5, 1)`);
    await db.execute(sql`insert into recuperation_sessions (code, route_id, year, starts_on, ends_on, capacity)
      select split_part(l, ',', 1), 'e1000000-0000-4000-8000-000000000001', ${year}, '2026-06-01', '2026-06-05', split_part(l, ',', 2)::int
      from regexp_split_to_table(${lines("sessions.csv").join("\n")}, E'\n') l`);
    const unions = lines("unions.csv").join("\n");
    await db.execute(sql`insert into unions (id, name, kind, region_code) select split_part(l, ',', 1)::uuid, '基层工会' || split_part(l, ',', 1), 'grassroots', ${county}
      from regexp_split_to_table(${unions}, E'\n') l`);
    await db.execute(sql`insert into recuperation_quotas (year, union_id, quota) select ${year}, split_part(l, ',', 1)::uuid, split_part(l, ',', 2)::int
      from regexp_split_to_table(${unions}, E'\n') l`);
    await db.execute(sql`insert into recuperation_groups (rank, label, category) values (1, '一组', null), (2, '二组', null), (3, '三组', null)`);
    await db.execute(sql`insert into recuperation_rounds (id, year, name, status, no_repeat_years) values (${roundId}, ${year}, '基准轮次', 'running', ${noRepeatYears})`);
    // The 1.5 million people and applications go in by COPY (setup, not the measurement): node-postgres
    // through pg-copy-streams, PGlite from a Blob, 100,000 lines per Blob to bound its memory.
    const sessionIds = new Map((await queryRows<{ code: string; id: string }>(db, sql`select code, id from recuperation_sessions`)).map((r) => [r.code, r.id]));
    const apps = lines("applications.csv");
    const peopleCsv = function* () {
      for (let i = 0; i < apps.length; i += chunkLines) {
        // The person of applicant a…-N is c…-N (uuids made from the same number).
        yield apps
          .slice(i, i + chunkLines)
          .map((l) => `c${l.slice(1, 36)},职工,${l.slice(0, 36)},x,330102********0000,${county}\n`)
          .join("");
      }
    };
    const applicationsCsv = function* () {
      for (let i = 0; i < apps.length; i += chunkLines) {
        yield apps
          .slice(i, i + chunkLines)
          .map((l) => {
            const [id, union, group, c1, c2, c3, last] = l.split(",");
            const session = (code: string | undefined) => (code ? sessionIds.get(code) : "") ?? "";
            return `${id},${roundId},c${id!.slice(1)},${union},${county},${group},${session(c1)},${session(c2)},${session(c3)},${last ?? ""},import\n`;
          })
          .join("");
      }
    };
    await copyCsv(ctx.database, "people (id, name, resident_id_hash, resident_id_enc, resident_id_masked, county_code)", peopleCsv());
    await copyCsv(ctx.database, "recuperation_applications (id, round_id, person_id, union_id, county_code, group_rank, choice1, choice2, choice3, last_year, channel)", applicationsCsv());
    await db.execute(sql`analyze`);
    console.log(`load_s ${((performance.now() - t0) / 1000).toFixed(1)}`);
    console.log(`rss_before_mb ${(process.memoryUsage().rss / 1e6).toFixed(0)}`);

    // How long the event loop is held at a time while the draw runs (monitorEventLoopDelay), and what a
    // tiny request that needs the event loop and the database waits: every 100 ms a `select 1` through
    // the app's own database (PGlite's one connection, or a server pool's), timed from when it was due
    // (a timer held up by a busy loop counts), one at a time, so a statement holding PGlite's connection
    // for seconds shows as one long wait.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let drawing = true;
    let step = "开始";
    const t1 = performance.now();
    const waits: number[] = [];
    const prober = (async () => {
      for (let due = performance.now() + probeEveryMs; drawing; ) {
        await sleep(Math.max(0, due - performance.now()));
        if (!drawing) break;
        const stepThen = step;
        await db.execute(sql`select 1`);
        const wait = performance.now() - due;
        waits.push(wait);
        if (process.env.BENCH_VERBOSE && wait > 200) console.error(`${((performance.now() - t1) / 1000).toFixed(1)} s probe waited ${wait.toFixed(0)} ms (during ${stepThen} → ${step})`);
        // The next probe is due 100 ms after this one was, or now if this one took longer.
        due = Math.max(due + probeEveryMs, performance.now());
      }
    })();
    const timings = await runRound(ctx, db, roundId, seed, (name, done, all) => {
      step = `${name} ${done}/${all}`;
      if (process.env.BENCH_VERBOSE) console.error(`${((performance.now() - t1) / 1000).toFixed(1)} s ${step}`);
    });
    const total = performance.now() - t1;
    delay.disable();
    drawing = false;
    await prober;
    waits.sort((a, b) => a - b);
    console.log(`draw_s ${(total / 1000).toFixed(2)}`);
    console.log(`read_s ${(timings.readMs / 1000).toFixed(2)} allocate_s ${(timings.drawMs / 1000).toFixed(2)} write_s ${(timings.writeMs / 1000).toFixed(2)} report_s ${(timings.reportMs / 1000).toFixed(2)}`);
    console.log(`loop_max_ms ${(delay.max / 1e6).toFixed(0)} loop_p99_ms ${(delay.percentile(99) / 1e6).toFixed(0)}`);
    const percentile = (p: number) => waits[Math.min(waits.length - 1, Math.ceil((p / 100) * waits.length) - 1)] ?? NaN;
    console.log(`probes ${waits.length} probe_max_ms ${(waits.at(-1) ?? NaN).toFixed(0)} probe_p99_ms ${percentile(99).toFixed(0)} probe_p50_ms ${percentile(50).toFixed(0)}`);
    console.log(`peak_rss_mb ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);

    // Row by row against the command's allocation.csv.
    const mine = await queryRows<{ body: string }>(
      db,
      sql`select string_agg(concat_ws(',', d.application_id, coalesce(s.code, ''), coalesce(d.position::text, '')), E'\n') as body
          from recuperation_draw_results d left join recuperation_sessions s on s.id = d.session_id where d.round_id = ${roundId}`,
    );
    const drawn = new Map((mine[0]?.body ?? "").split("\n").map((l) => [l.slice(0, 36), l]));
    let differences = 0;
    for (const l of lines("allocation.csv")) if (drawn.get(l.slice(0, 36)) !== l) differences++;
    console.log(`placed ${timings.placed} of ${timings.applications}`);
    console.log(`differences_from_command ${differences}`);
  } finally {
    await ctx.database.close();
    await target.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
