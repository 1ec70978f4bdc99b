// Benchmark: the statistics API behind the 统计 pages at ten times the article's yearly volume.
//   npm run -s bench:stats                      scale 10 on PostgreSQL and PGlite (about 10 minutes on 2 cores)
//   npm run -s bench:stats -- --scale=1 --runs=20 --only=postgres
// PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server to create a throwaway database on;
// without either, the run re-starts itself under scripts/with-postgres.sh (a throwaway cluster).
// Prints median and p95 per call per database and the ratio to a reference measured in the same run.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { buildApp } from "../../apps/server/src/app";
import { makeUser } from "../../apps/server/src/fixtures/factories";
import { loadProvinceYear } from "../../apps/server/src/programmes/flagship/demo/provinceYear";
import { loadConfig } from "../../apps/server/src/platform/config";
import { createContext } from "../../apps/server/src/createContext";
import type { DatabaseTarget } from "../../apps/server/src/platform/db/database";
import { queryRows } from "../../apps/server/src/platform/db/queryRows";
import { createTestDatabase } from "../../apps/server/src/testing/testDatabases";
import { loginAs, type Agent, type TestApp } from "../../apps/server/src/testing/testApp";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const scale = Number(arg("scale") ?? 10);
const runs = Number(arg("runs") ?? 30);
const only = arg("only");
const year = 2025;
const targetP95Ms = 300;

type Kind = "postgres" | "pglite";
const kinds: Kind[] = only === "postgres" || only === "pglite" ? [only] : ["postgres", "pglite"];
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

if (kinds.includes("postgres") && !adminUrl) {
  // One command: bring up a throwaway cluster and run again inside it.
  const r = spawnSync(join(root, "scripts/with-postgres.sh"), [process.execPath, "--import", "tsx", fileURLToPath(import.meta.url), ...args], { stdio: "inherit", cwd: root });
  process.exit(r.status ?? 1);
}

type Stat = { median: number; p95: number };
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
const statOf = (ms: number[]): Stat => {
  const s = [...ms].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p95: quantile(s, 0.95) };
};

async function time(n: number, call: () => Promise<unknown>): Promise<Stat> {
  for (let i = 0; i < 3; i++) await call(); // warm: plans cached, pages in memory
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call();
    ms.push(performance.now() - t0);
  }
  return statOf(ms);
}

const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1)).padStart(8);

async function benchOne(kind: Kind): Promise<{ kind: Kind; ok: boolean }> {
  const dataDir = mkdtempSync(join(tmpdir(), "jx-bench-"));
  const db =
    kind === "postgres"
      ? await createTestDatabase("postgres")
      : { target: { kind: "pglite", dataDir: join(dataDir, "pglite") } satisfies DatabaseTarget, drop: async () => {} };
  const config = loadConfig({ JIANGXIN_DATA_DIR: dataDir, JIANGXIN_DATA_KEY: randomBytes(32).toString("base64"), JIANGXIN_LOG_LEVEL: "silent", JIANGXIN_WEB_DIST: "does-not-exist" });
  const ctx = await createContext(config, db.target);
  try {
    console.log(`\n== ${kind}: loading ${scale} × the article's year ${year} …`);
    let t0 = performance.now();
    const loaded = await loadProvinceYear(ctx, { year, scale, seed: 2026 });
    const loadSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    // A running system is vacuumed by autovacuum: the visibility map lets index-only scans skip the heap.
    await ctx.database.db.execute(sql`vacuum analyze`);
    const rows = await queryRows<{ t: string; n: number }>(
      ctx.database.db,
      sql`select 'service_sessions' as t, count(*)::int as n from service_sessions union all select 'session_experts', count(*)::int from session_experts
          union all select 'enterprises', count(*)::int from enterprises union all select 'problems', count(*)::int from problems
          union all select 'problem_events', count(*)::int from problem_events union all select 'trainings', count(*)::int from trainings
          union all select 'outcomes', count(*)::int from outcomes`,
    );
    console.log(`loaded in ${loadSeconds.toFixed(1)} s (vacuum analyze ${((performance.now() - t0) / 1000).toFixed(1)} s): ${rows.map((r) => `${r.t} ${r.n}`).join(", ")}`);
    console.log(`figures: ${loaded.sessions} sessions, ${loaded.expertParticipations} 人次, ${loaded.enterprisesServed} firms served, ${loaded.problemsSolved} solved, ${loaded.workerTrainings} trained`);

    const built = await buildApp(ctx, { logger: false });
    await built.app.ready();
    const t = { ...built, ctx, kind, advance: () => {}, close: async () => {} } satisfies TestApp;
    await makeUser(ctx.database.db, "province", { username: "bench_p" });
    await makeUser(ctx.database.db, "city", { username: "bench_c", regionCode: "330100" });
    // A priority county: the busiest kind, so its drill-down lists are the longest.
    await makeUser(ctx.database.db, "county", { username: "bench_x", regionCode: "330127" });
    const province = await loginAs(t, "bench_p");
    const city = await loginAs(t, "bench_c");
    const county = await loginAs(t, "bench_x");

    const get = (a: Agent, url: string) => async () => {
      const res = await a.get(url);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    };
    const y = `year=${year}`;
    const calls: [string, () => Promise<unknown>][] = [
      ["province  summary", get(province, `/api/stats/summary?${y}`)],
      ["province  monthly", get(province, `/api/stats/monthly?${y}`)],
      ["province  by-region (11 cities)", get(province, `/api/stats/by-region?${y}`)],
      ["province  by-region (90 counties, map)", get(province, `/api/stats/by-region?${y}&depth=counties`)],
      ["province  by-region city 330100", get(province, `/api/stats/by-region?${y}&regionCode=330100`)],
      ["province  county 330127 enterprises", get(province, `/api/stats/county/330127/enterprises?${y}&pageSize=50`)],
      ["province  county 330127 sessions", get(province, `/api/stats/county/330127/sessions?${y}&pageSize=50`)],
      ["province  summary (campaign)", get(province, `/api/stats/summary?${y}&campaignId=${loaded.campaignId}`)],
      ["province  /api/indicators", get(province, `/api/indicators?${y}`)],
      ["province  /api/campaigns", get(province, `/api/campaigns?${y}`)],
      ["city      by-region", get(city, `/api/stats/by-region?${y}`)],
      ["county    summary", get(county, `/api/stats/summary?${y}`)],
      ["county    monthly", get(county, `/api/stats/monthly?${y}`)],
      ["county    by-region", get(county, `/api/stats/by-region?${y}`)],
      ["county    enterprises (last page)", get(county, `/api/stats/county/330127/enterprises?${y}&pageSize=50&page=4`)],
      ["county    sessions", get(county, `/api/stats/county/330127/sessions?${y}&pageSize=50`)],
      ["county    /api/indicators", get(county, `/api/indicators?${y}`)],
      ["county    /api/campaigns", get(county, `/api/campaigns?${y}`)],
    ];

    // References in the same run: a bare database round trip, and the cheapest authenticated route.
    const select1 = await time(runs, () => ctx.database.db.execute(sql`select 1`));
    const me = await time(runs, get(province, "/api/auth/me"));
    console.log(`\n${kind} · ${runs} runs each after 3 warm-up · ms · ratio = p95 / median of GET /api/auth/me`);
    console.log(`${"call".padEnd(42)}${"median".padStart(8)}${"p95".padStart(8)}${"ratio".padStart(8)}`);
    console.log(`${"ref select 1".padEnd(42)}${fmt(select1.median)}${fmt(select1.p95)}`);
    console.log(`${"ref GET /api/auth/me".padEnd(42)}${fmt(me.median)}${fmt(me.p95)}${fmt(1)}`);
    let ok = true;
    for (const [name, call] of calls) {
      const s = await time(runs, call);
      const over = kind === "postgres" && s.p95 > targetP95Ms;
      if (over) ok = false;
      console.log(`${name.padEnd(42)}${fmt(s.median)}${fmt(s.p95)}${fmt(s.p95 / me.median)}${over ? `  over ${targetP95Ms} ms` : ""}`);
    }
    await built.app.close();
    return { kind, ok };
  } finally {
    await ctx.database.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`bench/stats: scale ${scale}, ${runs} runs, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
  const results: { kind: Kind; ok: boolean }[] = [];
  for (const kind of kinds) results.push(await benchOne(kind));
  const pg = results.find((r) => r.kind === "postgres");
  if (pg) console.log(`\nPostgreSQL target (every call under ${targetP95Ms} ms p95): ${pg.ok ? "met" : "NOT met"}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
