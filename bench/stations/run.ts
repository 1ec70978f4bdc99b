// Benchmark: the public station finder against a trivial route on the same server in the same run.
// 20,000 stations (the stations demo at scale, seeded into a fresh embedded database before the server
// starts), nearest-10 queries with random amenity and time filters, 50 connections over loopback.
// Prints requests/s and p50/p95/p99 for GET /api/public/stations/nearby and GET /api/health, and their ratio.
//   npm run -s bench:stations                        20,000 stations, 50 connections, 10 s per route (interleaved)
//   npm run -s bench:stations -- --stations=5000 --seconds=5 --connections=20
//   npm run -s bench:stations -- --cpu-prof=/tmp/prof   the server writes a .cpuprofile there on exit
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
// The server's request/reply types carry the cookie plugin's fields (app.ts registers it; this script does not import app.ts).
import type {} from "@fastify/cookie";
import { amenityFilterKeys, chinaDayOf } from "@jiangxin/domain";
import { createContext } from "../../apps/server/src/createContext";
import { loadConfig } from "../../apps/server/src/platform/config";
import { stations } from "../../apps/server/src/programmes/stations";
import { appProcess, quantile } from "../lib/appProcess";
import { freePort } from "../lib/postgresCluster";

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const target = Number(arg("stations") ?? 20_000);
const seconds = Number(arg("seconds") ?? 10);
const conns = Number(arg("connections") ?? 50);
/** The stations demo makes this many at scale 1 (90 counties, more in city districts). */
const demoAtScale1 = 3584;

async function seed(dataDir: string, env: Record<string, string>): Promise<number> {
  const ctx = await createContext(loadConfig({ ...env, JIANGXIN_DATA_DIR: dataDir, JIANGXIN_LOG_LEVEL: "silent" }));
  const lines = await stations.demo?.load(ctx, { scale: target / demoAtScale1, today: chinaDayOf(new Date()) });
  console.log(`seeded: ${lines?.join(" ")}`);
  const seats = ctx.regions.countiesUnder("330000").flatMap((c) => {
    const r = ctx.regions.get(c);
    return r?.lng && r.lat ? [[r.lng, r.lat] as const] : [];
  });
  await ctx.database.close();
  countySeats.push(...seats);
  return seats.length;
}
const countySeats: (readonly [number, number])[] = [];
/** The server process, whose CPU time each slice reads. */
let serverPid: number | undefined;

/** Random finder queries: near a county seat (where people and stations are), 0–2 amenity filters, half "open now", half at a random time this week. */
function queries(n: number): string[] {
  const out: string[] = [];
  let s = 42;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < n; i++) {
    const [lng, lat] = countySeats[Math.floor(rnd() * countySeats.length)] ?? [120.15, 30.27];
    const p = new URLSearchParams({ lng: (lng + (rnd() - 0.5) * 0.2).toFixed(5), lat: (lat + (rnd() - 0.5) * 0.2).toFixed(5), limit: "10" });
    const filters = amenityFilterKeys.filter(() => rnd() < 0.08).slice(0, 2);
    if (filters.length > 0) p.set("amenities", filters.join(","));
    if (rnd() < 0.5) p.set("openNow", "1");
    if (rnd() < 0.5) p.set("openAt", new Date(Date.now() + Math.floor(rnd() * 7 * 24 * 60) * 60_000).toISOString());
    out.push(`/api/public/stations/nearby?${p.toString()}`);
  }
  return out;
}

type Result = { label: string; ok: number; errors: number; rate: number; p50: number; p95: number; p99: number; serverCpuUs: number; clientCpuUs: number };
/** `serverCpuMs` / `clientCpuMs`: CPU time (user + system) the server process and this client spent during the route's slices. */
type Tally = { label: string; latencies: number[]; errors: number; ms: number; serverCpuMs: number; clientCpuMs: number };

/**
 * The server's CPU time so far (user + system, ms), from /proc (Linux; clock ticks of 10 ms): client and
 * server share the machine's cores, so requests/s alone also measure the client reading the answers.
 */
function serverCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** `conns` closed loops over keep-alive sockets for `ms`, each sending its next request when the last is answered. */
async function run(agent: http.Agent, baseUrl: string, urls: string[], tally: Tally, ms: number, start: number): Promise<number> {
  let next = start;
  const end = performance.now() + ms;
  const one = (path: string) =>
    new Promise<number>((resolve) => {
      const req = http.get(new URL(path, baseUrl), { agent, timeout: 10_000 }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("timeout", () => req.destroy());
      req.on("error", () => resolve(0));
    });
  const t0 = performance.now();
  const server0 = serverCpuMs(serverPid);
  const client0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: conns }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const status = await one(urls[next++ % urls.length] ?? "/");
        if (status === 200) tally.latencies.push(performance.now() - t);
        else tally.errors++;
      }
    }),
  );
  tally.ms += performance.now() - t0;
  tally.serverCpuMs += serverCpuMs(serverPid) - server0;
  const client = process.cpuUsage(client0);
  tally.clientCpuMs += (client.user + client.system) / 1000;
  return next;
}

const resultOf = (t: Tally): Result => {
  const sorted = t.latencies.sort((a, b) => a - b);
  return {
    label: t.label,
    ok: sorted.length,
    errors: t.errors,
    rate: sorted.length / (t.ms / 1000),
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    serverCpuUs: (t.serverCpuMs * 1000) / (sorted.length + t.errors),
    clientCpuUs: (t.clientCpuMs * 1000) / (sorted.length + t.errors),
  };
};

/**
 * The two routes in alternating one-second slices (finder, trivial, finder, …) for `seconds` each, so a
 * change in the machine's load (other work on a shared host) weighs on both alike and the ratio stays fair.
 */
async function compare(baseUrl: string, finderUrls: string[]): Promise<[Result, Result]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
  const finder: Tally = { label: "GET /api/public/stations/nearby", latencies: [], errors: 0, ms: 0, serverCpuMs: 0, clientCpuMs: 0 };
  const trivial: Tally = { label: "GET /api/health", latencies: [], errors: 0, ms: 0, serverCpuMs: 0, clientCpuMs: 0 };
  let at = 0;
  for (let slice = 0; slice < seconds; slice++) {
    at = await run(agent, baseUrl, finderUrls, finder, 1000, at);
    await run(agent, baseUrl, ["/api/health"], trivial, 1000, 0);
  }
  agent.destroy();
  return [resultOf(finder), resultOf(trivial)];
}

const dataDir = mkdtempSync(join(tmpdir(), "jx-bench-stations-"));
const env = { JIANGXIN_DATA_KEY: randomBytes(32).toString("base64"), JIANGXIN_PERSON_HASH_KEY: randomBytes(32).toString("base64") };
try {
  await seed(dataDir, env);
  const port = await freePort();
  // The finder's per-address limit is lifted (every request comes from 127.0.0.1); load shedding off so throughput is measured, not refusals.
  const app = appProcess({ port, env: { ...env, JIANGXIN_DATA_DIR: dataDir, JIANGXIN_FINDER_RATE_LIMIT: "100000000", JIANGXIN_LOAD_SHEDDING: "0" }, nodeArgs: arg("cpu-prof") ? ["--cpu-prof", `--cpu-prof-dir=${arg("cpu-prof")}`] : [] });
  await app.start();
  serverPid = app.pid();
  try {
    const finderUrls = queries(5000);
    const check = await fetch(`${app.baseUrl}${finderUrls[0]}`);
    const text = await check.text();
    const sample = JSON.parse(text) as { items: unknown[] };
    console.log(`finder answers: HTTP ${check.status}, ${sample.items.length} stations in the first answer (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB); cache-control: ${check.headers.get("cache-control")}`);
    // Warm-up (both routes), then the two routes interleaved on the same server.
    await run(new http.Agent({ keepAlive: true, maxSockets: conns }), app.baseUrl, finderUrls.slice(0, 500), { label: "warm-up", latencies: [], errors: 0, ms: 0, serverCpuMs: 0, clientCpuMs: 0 }, 2000, 0);
    await run(new http.Agent({ keepAlive: true, maxSockets: conns }), app.baseUrl, ["/api/health"], { label: "warm-up", latencies: [], errors: 0, ms: 0, serverCpuMs: 0, clientCpuMs: 0 }, 1000, 0);
    const [finder, trivial] = await compare(app.baseUrl, finderUrls);
    console.log(`\n${target} stations, ${conns} connections, ${seconds} s per route in alternating 1-second slices`);
    console.log("route                              req/s     p50 ms  p95 ms  p99 ms  errors  server CPU µs/req  client CPU µs/req");
    for (const r of [finder, trivial]) {
      console.log(
        `${r.label.padEnd(34)} ${r.rate.toFixed(0).padStart(7)}  ${r.p50.toFixed(1).padStart(6)}  ${r.p95.toFixed(1).padStart(6)}  ${r.p99.toFixed(1).padStart(6)}  ${String(r.errors).padStart(6)}  ${r.serverCpuUs.toFixed(0).padStart(17)}  ${r.clientCpuUs.toFixed(0).padStart(17)}`,
      );
    }
    const ratio = finder.rate / trivial.rate;
    console.log(`finder / trivial throughput: ${ratio.toFixed(2)}× (goal ≥ 0.5×) ${ratio >= 0.5 ? "OK" : "BELOW GOAL"}`);
    // The same comparison by the server's own CPU per request: what the client costs (it shares the cores) is left out.
    console.log(`trivial / finder server CPU per request: ${(trivial.serverCpuUs / finder.serverCpuUs).toFixed(2)}× (finder ${finder.serverCpuUs.toFixed(0)} µs, trivial ${trivial.serverCpuUs.toFixed(0)} µs)`);
  } finally {
    await app.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
