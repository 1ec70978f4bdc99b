// Benchmark: writes under faults. 50 concurrent writers create enterprises over HTTP (each write with its
// own Idempotency-Key, retried with that key until it gets an answer) against the real server process,
// while faults are injected:
//   PostgreSQL (a throwaway cluster): `pg_ctl stop -m immediate` + start, pg_terminate_backend of the app's
//   backends, and kill -9 of the app + restart, in turn; PGlite: kill -9 of the app + restart.
// Prints acknowledged writes, acknowledged-but-missing, duplicates, saved-but-unacknowledged, the times the
// server died on its own, recovery times, and the write rate under faults as a ratio to the rate measured
// without faults in the same run. Targets: 0 lost, 0 duplicates, 0 deaths on database faults.
//   npm run -s bench:faults                          20 PostgreSQL cycles, 6 PGlite cycles, 50 writers
//   npm run -s bench:faults -- --cycles=6 --pglite-cycles=3 --writers=50 --only=postgres
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { makeUscc, makeUser } from "../../apps/server/src/fixtures/factories";
import { openDatabase, type DatabaseTarget } from "../../apps/server/src/platform/db/database";
import { syncRegions } from "../../apps/server/src/platform/regions/syncRegions";
import { appProcess, login, quantile, type AppProcess } from "../lib/appProcess";
import { freePort, startPostgresCluster, type PostgresCluster } from "../lib/postgresCluster";

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const cycles = Number(arg("cycles") ?? 20);
const pgliteCycles = Number(arg("pglite-cycles") ?? 6);
const writers = Number(arg("writers") ?? 50);
const only = arg("only");
const baselineMs = 5000;
const steadyMs = 2000;
const outageMs = 2000;
const password = "Shili#2026ok";
const namePrefix = "故障压测企业";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Tally = {
  attempts: number;
  acked: Set<string>;
  ackTimes: number[];
  latencies: number[];
  /** Answers ≥ 500 other than 503 (the promise: none). */
  errors500: number;
  unavailable503: number;
  /** 202 SAVED: saved, its result not shown (a failure after COMMIT, or a retry of a write whose answer died with the server). */
  saved202: number;
  rejected: number;
};

function writersAgainst(app: AppProcess, session: { cookie: string; csrf: string }, tally: Tally) {
  let stopping = false;
  const one = async (writer: number) => {
    for (let seq = 0; !stopping; seq++) {
      const name = `${namePrefix}-${writer}-${seq}-${randomBytes(3).toString("hex")}`;
      const key = randomUUID();
      const body = JSON.stringify({ uscc: makeUscc("330127"), name, industry: "C", countyCode: "330127", size: "small", nonPublic: true, contactName: "周主任", contactPhone: "13612345678" });
      const t0 = performance.now();
      tally.attempts++;
      for (let tries = 0; ; tries++) {
        let status = 0;
        let text = "";
        try {
          const res = await fetch(`${app.baseUrl}/api/enterprises`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: session.cookie, "x-csrf-token": session.csrf, "idempotency-key": key },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          status = res.status;
          text = await res.text();
        } catch {
          status = 0; // refused, reset or timed out: the same request again with the same key
        }
        if (status === 201 || status === 202) {
          if (status === 202) tally.saved202++;
          tally.acked.add(name);
          tally.ackTimes.push(performance.now());
          tally.latencies.push(performance.now() - t0);
          break;
        }
        if (status >= 400 && status < 500 && status !== 409) {
          tally.rejected++;
          break;
        }
        if (status === 409) {
          // "in progress" (a claim of a process that died), or a credit-code clash: wait, then ask again.
          if (!text.includes("正在处理")) {
            tally.rejected++;
            break;
          }
        }
        if (status === 503) tally.unavailable503++;
        else if (status >= 500) tally.errors500++;
        if (stopping && tries > 200) break;
        await sleep(300);
      }
    }
  };
  const running = Array.from({ length: writers }, (_, i) => one(i));
  return {
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}

function firstAckAfter(tally: Tally, t: number, timeoutMs = 60_000): Promise<number> {
  return new Promise((resolve) => {
    const deadline = performance.now() + timeoutMs;
    const poll = () => {
      const hit = tally.ackTimes.find((x) => x > t);
      if (hit !== undefined) resolve(hit - t);
      else if (performance.now() > deadline) resolve(NaN);
      else setTimeout(poll, 20);
    };
    poll();
  });
}

const newTally = (): Tally => ({ attempts: 0, acked: new Set(), ackTimes: [], latencies: [], errors500: 0, unavailable503: 0, saved202: 0, rejected: 0 });

type Report = {
  kind: string;
  cycles: Record<string, number>;
  baselineRate: number;
  faultRate: number;
  tally: Tally;
  saved: Map<string, number>;
  deaths: number;
  recovery: Record<string, number[]>;
  disruption: Record<string, number[]>;
  baselineP99: number;
};

async function prepare(target: DatabaseTarget): Promise<void> {
  const database = await openDatabase(target, { error: () => {} });
  await syncRegions(database.db);
  await makeUser(database.db, "province", { username: "bench_writer", password });
  await database.close();
}

async function runAgainst(kind: "postgres" | "pglite", cluster: PostgresCluster | null): Promise<Report> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "jx-bench-faults-"));
  let url = "";
  if (cluster) {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("create database jiangxin_faults");
    await admin.end();
    url = cluster.url.replace(/\/postgres$/, "/jiangxin_faults");
    await prepare({ kind: "postgres", url });
  } else {
    await prepare({ kind: "pglite", dataDir: join(dataDir, "pglite") });
  }
  const env: Record<string, string> = { JIANGXIN_DEMO: "0", JIANGXIN_DATA_DIR: dataDir, JIANGXIN_DATA_KEY: randomBytes(32).toString("base64"), JIANGXIN_PERSON_HASH_KEY: randomBytes(32).toString("base64"), ...(cluster ? { DATABASE_URL: url } : {}) };
  const pending: { restart: Promise<void> | null } = { restart: null };
  const app: AppProcess = appProcess({
    port,
    env,
    // A death on its own is counted, then the server is started again so the run can go on.
    onDeath: () => {
      pending.restart = app.start().catch((err: unknown) => console.log(`  ! restart failed: ${String(err)}`));
    },
  });
  // Never leave a server behind, whatever fails.
  process.once("exit", () => void app.kill9());
  await app.start();
  const session = await login(app.baseUrl, "bench_writer", password);
  const tally = newTally();
  const load = writersAgainst(app, session, tally);

  // Reference: the same writers without faults.
  const t0 = performance.now();
  await sleep(baselineMs);
  const baselineAcks = tally.acked.size;
  const baselineRate = baselineAcks / (baselineMs / 1000);
  const baselineP99 = quantile([...tally.latencies].sort((a, b) => a - b), 0.99);
  console.log(`  baseline: ${baselineAcks} writes in ${((performance.now() - t0) / 1000).toFixed(1)} s (${baselineRate.toFixed(1)}/s), p99 ${baselineP99.toFixed(0)} ms`);

  const faultKinds = cluster ? (["pg stop -m immediate", "pg_terminate_backend", "app kill -9"] as const) : (["app kill -9"] as const);
  const n = cluster ? cycles : pgliteCycles;
  const recovery: Record<string, number[]> = {};
  /** From the fault to the first acknowledged write after it (the database's or the server's restart included). */
  const disruption: Record<string, number[]> = {};
  const counts: Record<string, number> = {};
  const faultStart = performance.now();
  const acksBefore = tally.acked.size;
  for (let c = 0; c < n; c++) {
    await sleep(steadyMs);
    if (pending.restart) await pending.restart;
    const fault = faultKinds[c % faultKinds.length] ?? "app kill -9";
    counts[fault] = (counts[fault] ?? 0) + 1;
    const injected = performance.now();
    if (fault === "pg stop -m immediate" && cluster) {
      cluster.stopImmediately();
      await sleep(outageMs);
      cluster.start();
    } else if (fault === "pg_terminate_backend" && cluster) {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'jiangxin_faults' and pid <> pg_backend_pid()");
      await admin.end();
    } else {
      await app.kill9();
      await app.start();
    }
    const back = performance.now();
    const took = await firstAckAfter(tally, back);
    (recovery[fault] ??= []).push(took);
    (disruption[fault] ??= []).push(back - injected + took);
    console.log(
      `  cycle ${c + 1}/${n} ${fault}: down ${((back - injected) / 1000).toFixed(1)} s, first acknowledged write ${Number.isNaN(took) ? "never (60 s)" : `${(took / 1000).toFixed(2)} s`} after it was back`,
    );
  }
  const faultRate = (tally.acked.size - acksBefore) / ((performance.now() - faultStart) / 1000);
  await load.stop();
  if (pending.restart) await pending.restart;
  await app.stop();

  // What is really in the database.
  const saved = new Map<string, number>();
  if (cluster) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const rows = await c.query<{ name: string; n: number }>("select name, count(*)::int as n from enterprises where name like $1 group by name", [`${namePrefix}-%`]);
    for (const r of rows.rows) saved.set(r.name, r.n);
    await c.end();
  } else {
    const client = new PGlite(join(dataDir, "pglite"));
    const rows = await client.query<{ name: string; n: number }>("select name, count(*)::int as n from enterprises where name like $1 group by name", [`${namePrefix}-%`]);
    for (const r of rows.rows) saved.set(r.name, r.n);
    await client.close();
  }
  rmSync(dataDir, { recursive: true, force: true });
  return { kind, cycles: counts, baselineRate, faultRate, tally, saved, deaths: app.deaths, recovery, disruption, baselineP99 };
}

function print(r: Report): boolean {
  const missing = [...r.tally.acked].filter((name) => !r.saved.has(name)).length;
  const duplicates = [...r.saved.values()].reduce((s, n) => s + n - 1, 0);
  const savedUnacked = [...r.saved.keys()].filter((name) => !r.tally.acked.has(name)).length;
  const all = Object.values(r.recovery).flat().filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  console.log(`\n== ${r.kind}: ${Object.entries(r.cycles).map(([k, v]) => `${v} × ${k}`).join(", ")}; ${writers} writers`);
  console.log(`  writes attempted              ${r.tally.attempts}`);
  console.log(`  acknowledged                  ${r.tally.acked.size}  (of which 202 SAVED, "saved, result not shown": ${r.tally.saved202})`);
  console.log(`  acknowledged but missing      ${missing}`);
  console.log(`  duplicates                    ${duplicates}`);
  console.log(`  saved but never acknowledged  ${savedUnacked}`);
  console.log(`  503 answers (retried)         ${r.tally.unavailable503}`);
  console.log(`  500 answers                   ${r.tally.errors500}`);
  console.log(`  rejected (other 4xx)          ${r.tally.rejected}`);
  console.log(`  server deaths on its own      ${r.deaths}`);
  for (const [k, v] of Object.entries(r.recovery)) {
    const s = v.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    const d = (r.disruption[k] ?? []).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    console.log(
      `  ${k.padEnd(22)} recovery once back: median ${(quantile(s, 0.5) / 1000).toFixed(2)} s, max ${(quantile(s, 1) / 1000).toFixed(2)} s${s.length < v.length ? `, ${v.length - s.length} never` : ""}; fault to first write: median ${(quantile(d, 0.5) / 1000).toFixed(1)} s, max ${(quantile(d, 1) / 1000).toFixed(1)} s`,
    );
  }
  console.log(`  write rate under faults / without faults: ${r.faultRate.toFixed(1)}/s ÷ ${r.baselineRate.toFixed(1)}/s = ${(r.faultRate / r.baselineRate).toFixed(2)}`);
  if (all.length > 0) console.log(`  median recovery / p99 write latency without faults: ${(quantile(all, 0.5) / r.baselineP99).toFixed(1)}`);
  return missing === 0 && duplicates === 0 && r.deaths === 0 && r.tally.errors500 === 0;
}

const results: boolean[] = [];
if (only !== "pglite") {
  console.log(`PostgreSQL: ${cycles} fault cycles`);
  const cluster = await startPostgresCluster();
  try {
    results.push(print(await runAgainst("postgres", cluster)));
  } finally {
    cluster.remove();
  }
}
if (only !== "postgres") {
  console.log(`\nPGlite: ${pgliteCycles} kill -9 cycles`);
  results.push(print(await runAgainst("pglite", null)));
}
const ok = results.every(Boolean);
console.log(`\n${ok ? "PASS" : "FAIL"}: 0 lost, 0 duplicates, 0 deaths, 0 answers of 500`);
process.exit(ok ? 0 : 1);
