// EXPLAIN ANALYZE of every statement behind the statistics calls, on an already loaded database:
//   node --import tsx bench/stats/explain.ts postgres://…/db [--year=2025] [--county=330127] [--summary]
// The statements are captured from the real query code (a Db stand-in records them), so the plans are
// those of what the API sends. --summary prints one line per statement (execution time, top node).
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import pg from "pg";
import type { Db } from "../../apps/server/src/platform/db/database";
import { computeFigures } from "../../apps/server/src/programmes/flagship/stats/computeFigures";

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith("--"));
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const year = Number(arg("year") ?? 2025);
const county = arg("county") ?? "330127";
const brief = args.includes("--summary");

/** Records each statement instead of running it. */
function recorder(into: SQL[]): Db {
  const stand = { execute: async (q: SQL) => (into.push(q), { rows: [] }) };
  return stand as unknown as Db;
}

async function main() {
  if (!url) throw new Error("usage: explain.ts postgres://…/db");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const [campaign] = (await client.query<{ id: string }>("select id from campaigns where year = $1 limit 1", [year])).rows;
  // Each county to its city, as by-region at the province sends it.
  const counties = (await client.query<{ code: string; city: string }>("select c.code, c.parent_code as city from regions c where c.level = 'county'")).rows;
  const cityOf = new Map(counties.map((c) => [c.code, c.city]));
  const cases: [string, (db: Db) => Promise<unknown>][] = [
    ["province by city", (db) => computeFigures(db, { year, counties: undefined }, { kind: "region", regionOf: cityOf })],
    ["province total", (db) => computeFigures(db, { year, counties: undefined }, { kind: "total" })],
    ["province monthly", (db) => computeFigures(db, { year, counties: undefined }, { kind: "month" })],
    ["county total", (db) => computeFigures(db, { year, counties: [county] }, { kind: "total" })],
    ["province campaign", (db) => computeFigures(db, { year, counties: undefined, campaignId: campaign?.id }, { kind: "total" })],
  ];
  const dialect = new PgDialect();
  for (const [name, run] of cases) {
    const captured: SQL[] = [];
    await run(recorder(captured));
    console.log(`\n##### ${name}`);
    for (const q of captured) {
      const { sql, params } = dialect.sqlToQuery(q);
      const plan = (await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${sql}`, params)).rows.map((r) => r["QUERY PLAN"]);
      if (brief) {
        const exec = plan.find((l) => l.startsWith("Execution Time")) ?? "";
        console.log(`${exec.padEnd(32)} ${plan[0]?.slice(0, 90) ?? ""}  ⟵ ${sql.replace(/\s+/g, " ").slice(0, 80)}`);
      } else {
        console.log(`\n-- ${sql.replace(/\s+/g, " ").slice(0, 160)}\n${plan.join("\n")}`);
      }
    }
  }
  await client.end();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
