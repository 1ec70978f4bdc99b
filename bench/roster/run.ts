// Benchmark: importing a 会员名册 of 100,000 rows (the memberRoster import job, on embedded PGlite or
// a PostgreSQL server) against reading the same file alone, in the same run.
//   npm run -s bench:roster                 100,000 rows, embedded PGlite in memory
//   npm run -s bench:roster -- --rows=20000
//   scripts/with-postgres.sh npm run -s bench:roster -- --postgres   on the throwaway server's TEST_DATABASE_URL
// Prints wall time, rows per second and peak resident memory (sampled every 20 ms) of each phase. The
// RSS is this process's: with PGlite the database's memory is in it, with PostgreSQL it is not.
import { computeResidentIdCheckChar } from "@jiangxin/domain";
import ExcelJS from "exceljs";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { createContext } from "../../apps/server/src/createContext";
import { federationOf, unions } from "../../apps/server/src/masterData/unions";
import { membersModule } from "../../apps/server/src/masterData/members";
import type { Actor } from "../../apps/server/src/platform/actor";
import { loadConfig } from "../../apps/server/src/platform/config";
import { queryRows } from "../../apps/server/src/platform/db/queryRows";
import { getImportJob, startImport } from "../../apps/server/src/platform/imports/importJobs";
import type { ImportSpec } from "../../apps/server/src/platform/imports/importSpec";
import { readXlsxRows } from "../../apps/server/src/platform/xlsx";

const args = process.argv.slice(2);
const rowsWanted = Number(args.find((a) => a.startsWith("--rows="))?.slice(7) ?? 100_000);
const counties = ["330127", "330102", "330723", "330502", "330382", "330602", "330881", "330921"];
const platforms = ["美团", "饿了么", "顺丰", "京东", "滴滴", "菜鸟", "货拉拉"];

/** Peak RSS while `work` runs, sampled every 20 ms. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - t0, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576) };
  } finally {
    clearInterval(timer);
  }
}

async function roster(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("会员名册");
  ws.addRow(["姓名", "身份证号", "工作所在县(市、区)", "工作单位", "职业(工种)", "所在平台", "入会日期"]);
  for (let i = 0; i < n; i++) {
    const county = counties[i % counties.length] ?? "330127";
    // Distinct IDs: birth day from i, the sequence code from i.
    const day = new Date(Date.UTC(1970, 0, 1) + (i % 12_000) * 86_400_000);
    const first17 = `${county}${day.getUTCFullYear()}${String(day.getUTCMonth() + 1).padStart(2, "0")}${String(day.getUTCDate()).padStart(2, "0")}${String(Math.floor(i / 12_000)).padStart(3, "0")}`;
    const platform = platforms[i % platforms.length] ?? "美团";
    ws.addRow([`骑手${i}`.slice(0, 20).replace(/\d/g, (d) => "零一二三四五六七八九"[Number(d)] ?? ""), first17 + computeResidentIdCheckChar(first17), county, `${platform}合作商`, "外卖骑手", platform, "2026-03-01"]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const config = loadConfig({ JIANGXIN_DATA_DIR: mkdtempSync(join(tmpdir(), "bench-roster-")), JIANGXIN_DATA_KEY: randomBytes(32).toString("base64"), JIANGXIN_LOG_LEVEL: "silent", JIANGXIN_WEB_DIST: "none" });
const postgresUrl = args.includes("--postgres") ? (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL) : undefined;
if (args.includes("--postgres") && !postgresUrl) throw new Error("--postgres needs TEST_DATABASE_URL (scripts/with-postgres.sh sets it) or DATABASE_URL");
// A fresh database: the import refuses people already in the registry, so a second run needs a new one.
const ctx = await createContext(config, postgresUrl ? { kind: "postgres", url: postgresUrl } : { kind: "pglite", dataDir: undefined });
console.log(`Database: ${postgresUrl ? "PostgreSQL server" : "embedded PGlite (in memory)"}`);
const federation = await federationOf(ctx.database.db, "330127");
const [union] = await ctx.database.db.insert(unions).values({ name: "骑手联合工会(基准)", kind: "grassroots", formation: "coverage", regionCode: "330127", parentId: federation?.id ?? null }).returning();
if (!union) throw new Error("no union");
const actor = {
  userId: "00000000-0000-4000-8000-000000000001",
  username: "bench",
  displayName: "bench",
  role: "union",
  regionCode: null,
  enterpriseId: null,
  expertId: null,
  mustChangePassword: false,
  ip: "127.0.0.1",
  scope: { kind: "union", unionId: union.id, unionIds: [union.id], countyCode: "330127" },
} as unknown as Actor;

console.log(`Generating a ${rowsWanted.toLocaleString()}-row roster…`);
const file = await roster(rowsWanted);
console.log(`  ${(file.length / 1048576).toFixed(1)} MB`);

const read = await measure(() => readXlsxRows(file));
const spec = membersModule.imports?.memberRoster as ImportSpec<never>;
const imported = await measure(async () => {
  const job = startImport(ctx, actor, spec, file);
  for (;;) {
    const now = getImportJob(actor, job.id);
    if (now.status === "done" || now.status === "failed") return now;
    await new Promise((r) => setTimeout(r, 50));
  }
});
if (imported.value.status !== "done") {
  console.log("Import failed:", imported.value.message, imported.value.errors.slice(0, 5));
  process.exit(1);
}
const [count] = await queryRows<{ people: number; members: number }>(ctx.database.db, sql`select (select count(*)::int from people) as people, (select count(*)::int from union_memberships where status = 'active') as members`);
const line = (label: string, r: { ms: number; peakMb: number }) =>
  console.log(`${label.padEnd(28)} ${(r.ms / 1000).toFixed(1).padStart(7)} s  ${Math.round(rowsWanted / (r.ms / 1000)).toLocaleString().padStart(9)} rows/s  peak RSS ${r.peakMb} MB`);
line("read the file alone", read);
line("import job (read+check+save)", imported);
console.log(`ratio import/read: ${(imported.ms / read.ms).toFixed(1)}×; saved ${count?.people ?? 0} people, ${count?.members ?? 0} active members`);
await ctx.database.close();
