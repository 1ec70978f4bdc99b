import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import path from "node:path";
import pg from "pg";
/**
 * Both drivers' databases (and their transactions) share this query-builder type. No schema object is
 * given to drizzle (the relational query API is not used), so the platform needs no module's tables.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
};

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | undefined /* undefined: in memory */ }
  | { kind: "postgres"; url: string };

const migrationsFolder = path.resolve(import.meta.dirname, "../../../drizzle");

type Logger = { error(obj: unknown, msg: string): void };

/** Opens the database and brings its schema up to date with the committed migrations. */
export async function openDatabase(target: DatabaseTarget, log: Logger = console): Promise<Database> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // Without this listener an idle client's error (e.g. the server restarting) would crash the process;
    // the pool drops the broken client and the next query gets a fresh connection.
    pool.on("error", (err) => log.error({ err }, "PostgreSQL pool client error"));
    const db = drizzleNodePg(pool);
    try {
      await migrateNodePg(db, { migrationsFolder });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return { db, kind: "postgres", close: () => pool.end() };
  }
  const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  const db = drizzlePglite(client);
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (err) {
    await client.close();
    throw err;
  }
  return { db, kind: "pglite", close: () => client.close() };
}
