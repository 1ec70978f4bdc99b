import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import path from "node:path";
import pg from "pg";
import { listenPglite, listenPostgres, type ChannelHandlers, type Unlisten } from "./listenChannel";
/**
 * Both drivers' databases (and their transactions) share this query-builder type. No schema object is
 * given to drizzle (the relational query API is not used), so the platform needs no module's tables.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Database calls waiting for a connection now (PGlite: behind its one connection); load shedding reads it. */
  waiting(): number;
  /** How long the oldest call now in the embedded database's queue has been in it (0 on a server: its pool has ten connections). */
  oldestWaitMs(): number;
  /**
   * Hears `NOTIFY channel` (sent with `pg_notify` inside the transaction that makes a change, so only
   * committed changes are heard) from every process on this database, this one included. On a server,
   * after a lost connection it listens again and calls `onRelisten` (notifications in between are lost).
   * Stop listening before `close`.
   */
  listen(channel: string, handlers: ChannelHandlers): Promise<Unlisten>;
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
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      // During an outage a request fails within seconds (503) instead of waiting for a connection forever.
      connectionTimeoutMillis: 5_000,
    });
    // A client's error event with no listener kills the process. The pool listens only to idle clients, so a
    // client checked out inside a transaction when the server stops or terminates the backend needs its own
    // listener; the failing query rejects anyway and the pool discards the broken client when it is released.
    pool.on("connect", (client) => client.on("error", (err) => log.error({ err }, "PostgreSQL connection lost")));
    pool.on("error", (err) => log.error({ err }, "PostgreSQL pool client error"));
    const db = drizzleNodePg(pool);
    try {
      await migrateNodePg(db, { migrationsFolder });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return {
      db,
      kind: "postgres",
      waiting: () => pool.waitingCount,
      oldestWaitMs: () => 0,
      listen: (channel, handlers) => listenPostgres(target.url, channel, handlers, log),
      close: () => pool.end(),
    };
  }
  const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  const pending = countPending(client);
  const db = drizzlePglite(client);
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (err) {
    await client.close();
    throw err;
  }
  return {
    db,
    kind: "pglite",
    waiting: () => Math.max(0, pending.count - 1),
    oldestWaitMs: () => {
      const oldest = pending.since.values().next();
      return oldest.done ? 0 : performance.now() - oldest.value;
    },
    listen: (channel, handlers) => listenPglite(client, channel, handlers),
    close: () => client.close(),
  };
}

/**
 * PGlite runs one call at a time and queues the rest without telling anyone how many; counting the calls
 * in flight (a transaction is one call) gives the queue depth the load shedder needs.
 */
function countPending(client: PGlite): { count: number; since: Set<number> } {
  // `since` holds each pending call's start time in arrival order (a Set keeps insertion order), so the
  // first value is the oldest; times are nudged to be unique.
  const pending = { count: 0, since: new Set<number>() };
  const counted = async <R>(call: () => Promise<R>): Promise<R> => {
    let t = performance.now();
    while (pending.since.has(t)) t += 1e-6;
    pending.since.add(t);
    pending.count++;
    try {
      return await call();
    } finally {
      pending.count--;
      pending.since.delete(t);
    }
  };
  const { query, exec, transaction } = { query: client.query.bind(client), exec: client.exec.bind(client), transaction: client.transaction.bind(client) };
  client.query = <T>(...args: Parameters<PGlite["query"]>) => counted(() => query<T>(...args));
  client.exec = (...args: Parameters<PGlite["exec"]>) => counted(() => exec(...args));
  client.transaction = <T>(callback: Parameters<PGlite["transaction"]>[0]) => counted(() => transaction<T>(callback as never));
  return pending;
}
