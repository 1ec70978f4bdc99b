// Benchmark: the main read routes under 10, 50 and 200 concurrent connections, over loopback against the
// real server process with the demo data, on PostgreSQL (a throwaway cluster) and on PGlite. Prints
// throughput and p50/p95/p99 per route and connection count, requests shed (503) and other errors, and
// each as a ratio to GET /api/health (no database call) measured in the same run at the same concurrency.
//   npm run -s bench:load                                  demo scale 0.25, 5 s per cell
//   npm run -s bench:load -- --scale=0.1 --seconds=2 --only=pglite
import { randomBytes } from "node:crypto";
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { appProcess, login, quantile } from "../lib/appProcess";
import { freePort, startPostgresCluster, type PostgresCluster } from "../lib/postgresCluster";

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const scale = Number(arg("scale") ?? 0.25);
const seconds = Number(arg("seconds") ?? 5);
const only = arg("only");
const connections = (arg("connections") ?? "10,50,200").split(",").map(Number);
const timeoutMs = 10_000;
const year = new Date().getFullYear();

const routes = [
  "/api/health",
  "/api/auth/me",
  "/api/enterprises?pageSize=20",
  "/api/problems?pageSize=20",
  "/api/demand-lists?pageSize=20",
  "/api/service-sessions?pageSize=20",
  `/api/stats/summary?year=${year}`,
];

type Cell = { route: string; conns: number; ok: number; shed: number; errors: number; rate: number; p50: number; p95: number; p99: number };

/** `conns` closed loops, each sending its next request when the last is answered, for `seconds`. */
async function measure(baseUrl: string, cookie: string, route: string, conns: number): Promise<Cell> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
  const url = new URL(route, baseUrl);
  const latencies: number[] = [];
  let shed = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<number>((resolve) => {
      const req = http.get(url, { agent, headers: { cookie }, timeout: timeoutMs }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("timeout", () => req.destroy());
      req.on("error", () => resolve(0));
    });
  await Promise.all(
    Array.from({ length: conns }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const status = await one();
        if (status === 200) latencies.push(performance.now() - t0);
        else if (status === 503) shed++;
        else errors++;
      }
    }),
  );
  agent.destroy();
  const s = latencies.sort((a, b) => a - b);
  return { route, conns, ok: s.length, shed, errors, rate: s.length / seconds, p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99) };
}

/**
 * GET /api/demand-lists/export as the province (every list) while another client asks GET /api/auth/me
 * every 100 ms: how long the export takes, and whether the other requests wait behind it.
 */
async function exportWhileReading(baseUrl: string, cookie: string): Promise<void> {
  const me = async () => {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie }, signal: AbortSignal.timeout(60_000) }).catch(() => null);
    await res?.arrayBuffer();
    return performance.now() - t0;
  };
  const alone: number[] = [];
  for (let i = 0; i < 20; i++) alone.push(await me());
  let done = false;
  const during: number[] = [];
  const poller = (async () => {
    while (!done) {
      during.push(await me());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/demand-lists/export`, { headers: { cookie }, signal: AbortSignal.timeout(600_000) });
  const bytes = (await res.arrayBuffer()).byteLength;
  const exportMs = performance.now() - t0;
  done = true;
  await poller;
  const lists = Number(((await (await fetch(`${baseUrl}/api/demand-lists?pageSize=1`, { headers: { cookie } })).json()) as { total: number }).total);
  const a = alone.sort((x, y) => x - y);
  const d = during.sort((x, y) => x - y);
  console.log(
    `export of ${lists} demand lists: HTTP ${res.status}, ${(bytes / 1024).toFixed(0)} KiB in ${(exportMs / 1000).toFixed(1)} s; ` +
      `GET /api/auth/me meanwhile: ${d.length} calls, p50 ${quantile(d, 0.5).toFixed(0)} ms, max ${quantile(d, 1).toFixed(0)} ms ` +
      `(alone: p50 ${quantile(a, 0.5).toFixed(0)} ms; ratio of p50s ${(quantile(d, 0.5) / quantile(a, 0.5)).toFixed(1)})`,
  );
}

async function runAgainst(kind: "postgres" | "pglite", cluster: PostgresCluster | null): Promise<void> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "jx-bench-load-"));
  let url = "";
  if (cluster) {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("create database jiangxin_load");
    await admin.end();
    url = cluster.url.replace(/\/postgres$/, "/jiangxin_load");
  }
  const app = appProcess({
    port,
    env: { JIANGXIN_DEMO: "1", JIANGXIN_DEMO_SCALE: String(scale), JIANGXIN_DATA_DIR: dataDir, JIANGXIN_DATA_KEY: randomBytes(32).toString("base64"), JIANGXIN_PERSON_HASH_KEY: randomBytes(32).toString("base64"), ...(cluster ? { DATABASE_URL: url } : {}) },
  });
  const t0 = performance.now();
  // Never leave a server behind, whatever fails.
  process.once("exit", () => void app.kill9());
  await app.start();
  console.log(`\n== ${kind}: demo at scale ${scale} loaded and serving in ${((performance.now() - t0) / 1000).toFixed(0)} s; ${seconds} s per cell, loopback`);
  const { cookie } = await login(app.baseUrl, "province", "Shili#2026ok");
  console.log(`${"route".padEnd(34)} ${"conns".padStart(5)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"shed".padStart(6)} ${"errors".padStart(6)}  ${"÷health req/s".padStart(13)} ${"p99÷health".padStart(10)}`);
  for (const conns of connections) {
    let reference: Cell | null = null;
    for (const route of routes) {
      const cell = await measure(app.baseUrl, cookie, route, conns);
      reference ??= cell;
      const f = (n: number) => (Number.isNaN(n) ? "-" : n < 10 ? n.toFixed(1) : n.toFixed(0)).padStart(8);
      console.log(
        `${route.padEnd(34)} ${String(conns).padStart(5)} ${f(cell.rate)} ${f(cell.p50)} ${f(cell.p95)} ${f(cell.p99)} ${String(cell.shed).padStart(6)} ${String(cell.errors).padStart(6)}  ${(cell.rate / reference.rate).toFixed(3).padStart(13)} ${(cell.p99 / reference.p99).toFixed(1).padStart(10)}`,
      );
      await new Promise((r) => setTimeout(r, 500)); // let queues drain between cells
    }
  }
  await exportWhileReading(app.baseUrl, cookie);
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

if (only !== "pglite") {
  const cluster = await startPostgresCluster();
  try {
    await runAgainst("postgres", cluster);
  } finally {
    cluster.remove();
  }
}
if (only !== "postgres") await runAgainst("pglite", null);
