// Benchmark: a province year of 职工疗休养 (issue 14) — by default 1.5 million applications, 6,000
// sessions, 20,000 unions, generated with a seed — drawn three ways in one run, each in its own process
// so its time and peak memory are its own:
//   command    npm run allocate (apps/server/.../allocation/allocateCli.ts): typed arrays, bytes
//   reference  the same rule written plainly (objects, split, node:crypto, Array.sort; referenceCli.ts)
//   database   the web's round job (runRound) on a fresh embedded database, after loading the files
// and checks that all three give the same allocation.
//   npm run -s bench:recuperation
//   npm run -s bench:recuperation -- --applications=150000 --sessions=600 --unions=2000 [--db-applications=N] [--no-db] [--postgres]
// The database path loads the files by COPY (setup, timed apart), then draws and inserts each
// application's result into recuperation_draw_results. It runs on a round of --db-applications (default
// 20,000, sessions and unions scaled alike; --db-applications=1500000 for the whole year), which the
// command also draws, for the ratio of the two.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateRoundCsv } from "./generateRound";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(`npm run -s bench:recuperation -- [options]
  --applications=N     applications in the generated year (default 1500000)
  --sessions=N         sessions (default 6000)
  --unions=N           unions (default 20000)
  --db-applications=N  the database path's round (default 20000; sessions and unions scaled alike)
  --no-db              the command and the reference only
  --postgres           the database path on TEST_DATABASE_URL (scripts/with-postgres.sh makes one), not PGlite
BENCH_VERBOSE=1 prints the draw's steps and every probe that waited more than 200 ms.`);
  process.exit(0);
}
const arg = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const applications = arg("applications", 1_500_000);
const sessions = arg("sessions", 6000);
const unions = arg("unions", 20_000);
const dbApplications = Math.min(applications, arg("db-applications", 20_000));
const year = 2026;
const seed = "bench-recuperation-2026";
const drawArgs = [`--seed=${seed}`, `--year=${year}`, "--no-repeat-years=3"];

/** Runs a node script under /usr/bin/time for its peak resident memory; returns its output and the peak in MB. */
function timed(script: string, extra: string[]): { out: string; wallS: number; peakMb: number } {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "peak_kb %M", process.execPath, "--import", "tsx", script, ...extra], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  const wallS = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}): ${r.stderr}`);
  const peak = /peak_kb (\d+)/.exec(r.stderr);
  return { out: r.stdout, wallS, peakMb: peak ? Number(peak[1]) / 1024 : NaN };
}

const value = (out: string, key: string) => new RegExp(`(?:^|\\s)${key} (\\S+)`, "m").exec(out)?.[1] ?? "?";
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);

const dir = mkdtempSync(join(tmpdir(), "jx-recup-"));
try {
  console.log(`bench/recuperation: ${applications} applications, ${sessions} sessions, ${unions} unions · node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
  let t0 = performance.now();
  generateRoundCsv(dir, { applications, sessions, unions, year, seed: 14 });
  console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(readFileSync(join(dir, "applications.csv")).length / 1e6).toFixed(0)} MB of applications.csv)`);

  const cli = timed("apps/server/src/programmes/recuperation/allocation/allocateCli.ts", [dir, ...drawArgs]);
  console.log(`command    c time ${value(cli.out, "c time")} s (process ${cli.wallS.toFixed(2)} s with start-up) · peak ${cli.peakMb.toFixed(0)} MB · ${cli.out.split("\n")[0]}`);
  const ref = timed("bench/recuperation/referenceCli.ts", [dir, ...drawArgs]);
  console.log(`reference  c time ${value(ref.out, "c time")} s (process ${ref.wallS.toFixed(2)} s with start-up) · peak ${ref.peakMb.toFixed(0)} MB`);
  const same = digest(join(dir, "allocation.csv")) === digest(join(dir, "reference.csv"));
  console.log(`command vs reference: ${same ? "identical allocation.csv" : "DIFFERENT"} · ${(Number(value(ref.out, "c time")) / Number(value(cli.out, "c time"))).toFixed(1)} × faster`);

  if (!args.includes("--no-db")) {
    let dbDir = dir;
    let cliTime = Number(value(cli.out, "c time"));
    if (dbApplications < applications) {
      const scale = dbApplications / applications;
      dbDir = mkdtempSync(join(tmpdir(), "jx-recup-db-"));
      generateRoundCsv(dbDir, { applications: dbApplications, sessions: Math.max(1, Math.round(sessions * scale)), unions: Math.max(1, Math.round(unions * scale)), year, seed: 14 });
      const small = timed("apps/server/src/programmes/recuperation/allocation/allocateCli.ts", [dbDir, ...drawArgs]);
      cliTime = Number(value(small.out, "c time"));
      console.log(`database path on a round of ${dbApplications} applications (--db-applications); the command on the same files: c time ${cliTime} s`);
    }
    t0 = performance.now();
    const db = timed("bench/recuperation/dbPath.ts", [dbDir, ...drawArgs, ...(args.includes("--postgres") ? ["--postgres"] : [])]);
    const o = db.out;
    console.log(
      `database   draw ${value(o, "draw_s")} s (read ${value(o, "read_s")}, allocate ${value(o, "allocate_s")}, write ${value(o, "write_s")}, report ${value(o, "report_s")}) · ` +
        `peak ${db.peakMb.toFixed(0)} MB (process, database included; ${value(o, "rss_before_mb")} MB before the draw) · loading the files took ${value(o, "load_s")} s`,
    );
    console.log(`           event loop held at most ${value(o, "loop_max_ms")} ms at a time (p99 ${value(o, "loop_p99_ms")} ms) · ${o.match(/placed .*/)?.[0]} · rows differing from the command: ${value(o, "differences_from_command")}`);
    console.log(
      `           a \`select 1\` every 100 ms during the draw (${value(o, "probes")} probes): waited at most ${value(o, "probe_max_ms")} ms, p99 ${value(o, "probe_p99_ms")} ms, median ${value(o, "probe_p50_ms")} ms`,
    );
    const perRow = (key: string) => ((Number(value(o, key)) * 1e6) / dbApplications).toFixed(1);
    console.log(`           per application: read ${perRow("read_s")} µs, allocate ${perRow("allocate_s")} µs, write ${perRow("write_s")} µs (results and the draw's offers), report ${perRow("report_s")} µs`);
    console.log(`           database path / command: ${(Number(value(o, "draw_s")) / cliTime).toFixed(0)} × the command's time on the same ${dbApplications} applications (${args.includes("--postgres") ? "PostgreSQL" : "PGlite"})`);
    if (dbDir !== dir) rmSync(dbDir, { recursive: true, force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
