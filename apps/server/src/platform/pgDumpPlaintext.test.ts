import { sql } from "drizzle-orm";
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createContext } from "../createContext";
import { loadDemoData } from "../fixtures/demo";
import { createTestDatabase } from "../testing/testDatabases";
import { loadConfig } from "./config";
import { queryRows } from "./db/queryRows";

// The promise of docs/operations.md: a plain `pg_dump` of the database (what a backup, a leaked
// dump or a curious DBA sees) holds personal data only as ciphertext. Every `*_enc` column of every
// table is decrypted with the app's key, and not one of those values may appear in the dump; nor may
// any 11-digit mobile number. Needs a PostgreSQL server (TEST_DATABASE_URL) and pg_dump.
const hasPgDump = spawnSync("pg_dump", ["--version"]).status === 0;
const run = process.env.TEST_DATABASE_URL && hasPgDump ? describe : describe.skip;

run("pg_dump of the demo", () => {
  it("holds none of the decrypted ID numbers and phones, and no unmasked mobile number", async () => {
    const database = await createTestDatabase("postgres");
    const config = loadConfig({
      JIANGXIN_DATA_DIR: mkdtempSync(path.join(tmpdir(), "jx-dump-")),
      JIANGXIN_DATA_KEY: randomBytes(32).toString("base64"),
      JIANGXIN_LOG_LEVEL: "silent",
    });
    const ctx = await createContext(config, database.target);
    try {
      await loadDemoData(ctx, 0.01);
      const { db } = ctx.database;
      const columns = await queryRows<{ table_name: string; column_name: string }>(
        db,
        sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and column_name like '%\\_enc' escape '\\'`,
      );
      expect(columns.length).toBeGreaterThan(1);
      const secrets = new Set<string>();
      for (const c of columns) {
        const rows = await queryRows<{ v: string | null }>(db, sql`select ${sql.identifier(c.column_name)} as v from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)} is not null limit 5000`);
        for (const r of rows) if (r.v) secrets.add(ctx.cipher.decrypt(r.v));
      }
      expect(secrets.size).toBeGreaterThan(100);
      if (database.target.kind !== "postgres") throw new Error("not a PostgreSQL database");
      const dump = execFileSync("pg_dump", ["--no-owner", "--format=plain", database.target.url], { maxBuffer: 1024 * 1024 * 1024 }).toString("utf8");
      expect(dump.length).toBeGreaterThan(100_000);
      expect([...secrets].filter((s) => dump.includes(s)).slice(0, 5)).toEqual([]);
      // Masked copies have stars in the middle: an unmasked mobile number standing alone is a leak. Only
      // alone: ids and keyed hashes are hex, and 11 digits in a row turn up inside them by chance.
      expect(dump.match(/(?<![0-9A-Za-z*+/=])1[3-9]\d{9}(?![0-9A-Za-z*+/=])/g)?.slice(0, 5) ?? []).toEqual([]);
    } finally {
      await ctx.database.close();
      await database.drop();
    }
  }, 300_000);
});
