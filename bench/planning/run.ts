// Benchmark: POST /api/plans/compute at province scale — ~20,000 problems waiting for an expert
// and ~10,000 experts in the pool, on PostgreSQL, through the app (data loading included).
//   npm run -s bench:planning
//   npm run -s bench:planning -- --problems=20000 --experts=10000 --runs=3
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server to create a throwaway database on; without
// either the run re-starts itself under scripts/with-postgres.sh. Prints each run's time, the server's
// own breakdown, and the ratio to GET /api/auth/me measured in the same run. Target: under 3 s.
import { tradeCodes, type PlanResult, type TradeCode } from "@jiangxin/domain";
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { buildApp } from "../../apps/server/src/app";
import { enterpriseValues, makeUser } from "../../apps/server/src/fixtures/factories";
import { insertChunked } from "../../apps/server/src/fixtures/insertChunked";
import { expertValues } from "../../apps/server/src/fixtures/makeExpert";
import { seededRandom } from "../../apps/server/src/fixtures/random";
import { enterprises } from "../../apps/server/src/masterData/enterprises/tables";
import { experts } from "../../apps/server/src/masterData/experts/tables";
import { problems } from "../../apps/server/src/programmes/flagship/problems/tables";
import { loadConfig } from "../../apps/server/src/platform/config";
import { createContext } from "../../apps/server/src/createContext";
import { createTestDatabase } from "../../apps/server/src/testing/testDatabases";
import { loginAs, type TestApp } from "../../apps/server/src/testing/testApp";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const problemCount = Number(arg("problems") ?? 20_000);
const expertCount = Number(arg("experts") ?? 10_000);
const runs = Number(arg("runs") ?? 3);
const targetMs = 3000;

if (!process.env.BENCH_DATABASE_URL && !process.env.TEST_DATABASE_URL) {
  const r = spawnSync(join(root, "scripts/with-postgres.sh"), [process.execPath, "--import", "tsx", fileURLToPath(import.meta.url), ...args], { stdio: "inherit", cwd: root });
  process.exit(r.status ?? 1);
}

/**
 * The answer without its timing and its random uuids (problems and experts are still named by their
 * code and name, which the seeded data fixes): equal across runs and changes that keep the plan.
 */
const answerDigest = (plan: PlanResult) =>
  createHash("sha256")
    .update(JSON.stringify([plan.assignments.map(({ problemId: _p, expertId: _e, ...row }) => row), plan.unassigned.map(({ problemId: _p, ...row }) => row), plan.totals]))
    .digest("hex")
    .slice(0, 12);

const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? NaN;

async function main() {
  console.log(`bench/planning: ${problemCount} problems × ${expertCount} experts, ${runs} runs, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
  const dataDir = mkdtempSync(join(tmpdir(), "jx-plan-bench-"));
  const db = await createTestDatabase("postgres");
  const config = loadConfig({ JIANGXIN_DATA_DIR: dataDir, JIANGXIN_DATA_KEY: randomBytes(32).toString("base64"), JIANGXIN_LOG_LEVEL: "silent", JIANGXIN_WEB_DIST: "does-not-exist" });
  const ctx = await createContext(config, db.target);
  try {
    const rnd = seededRandom(2026);
    const counties = ctx.regions.countiesUnder("330000");
    // The shape: ~30 trades, experts with 1–3 of them, capacity 1–5.
    const tradeList: readonly TradeCode[] = tradeCodes.slice(0, 30);
    let t0 = performance.now();
    const usccs = new Set<string>();
    const firmRows = [];
    while (firmRows.length < problemCount / 4) {
      const row = enterpriseValues(ctx.cipher, { countyCode: rnd.pick(counties), name: `测试企业${firmRows.length + 1}有限公司` }, rnd);
      if (usccs.has(row.uscc)) continue;
      usccs.add(row.uscc);
      firmRows.push(row);
    }
    await insertChunked(ctx.database.db, enterprises, firmRows);
    const firms = await ctx.database.db.select({ id: enterprises.id, countyCode: enterprises.countyCode }).from(enterprises);
    const expertRows = Array.from({ length: expertCount }, (_, i) => {
      const own = new Set<TradeCode>();
      const k = rnd.int(1, 3);
      while (own.size < k) own.add(rnd.pick(tradeList));
      return expertValues(ctx.cipher, { name: `专家${i + 1}`, homeCountyCode: rnd.pick(counties), trades: [...own], maxOpenProblems: rnd.int(1, 5), skillLevel: rnd.pick(["senior", "technician", "seniorTechnician", "specialTechnician", "chiefTechnician"] as const) }, rnd);
    });
    await insertChunked(ctx.database.db, experts, expertRows);
    const pool = await ctx.database.db.select({ id: experts.id, trades: experts.trades }).from(experts);
    const problemRow = (status: string, owner: string | null, trade: TradeCode) => {
      const firm = rnd.pick(firms);
      return { enterpriseId: firm.id, countyCode: firm.countyCode, title: "生产设备故障需要技术支持", description: "设备频繁故障影响生产，请专家现场诊断。", trade, status, ownerExpertId: owner };
    };
    const rows = Array.from({ length: problemCount }, () => problemRow("accepted", null, rnd.pick(tradeList)));
    // History that the planner reads: open problems load experts, solved ones give continuity.
    for (let i = 0; i < problemCount / 10; i++) {
      const e = rnd.pick(pool);
      rows.push(problemRow(i % 2 === 0 ? "followUp" : "solved", e.id, e.trades[0] as TradeCode));
    }
    await insertChunked(ctx.database.db, problems, rows);
    await ctx.database.db.execute(sql`analyze`);
    console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${firmRows.length} enterprises, ${expertCount} experts, ${rows.length} problems (${problemCount} waiting)`);

    const built = await buildApp(ctx, { logger: false });
    await built.app.ready();
    const t = { ...built, ctx, kind: "postgres", advance: () => {}, close: async () => {} } satisfies TestApp;
    await makeUser(ctx.database.db, "province", { username: "bench_p" });
    const province = await loginAs(t, "bench_p");

    const me: number[] = [];
    for (let i = 0; i < 23; i++) {
      t0 = performance.now();
      await province.get("/api/auth/me");
      if (i >= 3) me.push(performance.now() - t0);
    }
    const ref = median(me);
    console.log(`reference GET /api/auth/me: median ${ref.toFixed(2)} ms (20 runs after 3 warm-up)`);

    const wall: number[] = [];
    for (let i = 0; i <= runs; i++) {
      t0 = performance.now();
      const res = await province.post("/api/plans/compute", {});
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`compute: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const plan = res.json<PlanResult>();
      const { loadMs, buildMs, solveMs, totalMs, solves } = plan.timing;
      const { problems: n, assigned, unassigned, priorityProblems, priorityAssigned, candidateArcs, expertsUsed } = plan.totals;
      const label = i === 0 ? "warm-up" : `run ${i}`;
      console.log(
        `${label.padEnd(8)} ${ms.toFixed(0).padStart(6)} ms wall (server ${totalMs} ms: load ${loadMs}, build ${buildMs}, solve ${solveMs} in ${solves}) · ` +
          `${n} problems, ${candidateArcs} arcs, ${assigned} assigned (${priorityAssigned}/${priorityProblems} priority), ${unassigned} unassigned, ${expertsUsed} experts used, ${(res.body.length / 1e6).toFixed(1)} MB, ` +
          `answer ${answerDigest(plan)}`,
      );
      if (i > 0) wall.push(ms);
    }
    const m = median(wall);
    console.log(`\nPOST /api/plans/compute median ${m.toFixed(0)} ms = ${(m / ref).toFixed(0)} × GET /api/auth/me · target ${targetMs} ms: ${m < targetMs ? "met" : "NOT met"}`);
    await built.app.close();
  } finally {
    await ctx.database.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
