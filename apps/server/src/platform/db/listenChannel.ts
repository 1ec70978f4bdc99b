import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type ChannelHandlers = {
  /** A notification's payload, delivered after the sending transaction committed. */
  onNotify(payload: string): void;
  /**
   * The channel is listened to again after the connection was lost (a database restart, a terminated
   * backend): notifications sent meanwhile are lost, so whoever keeps a copy of the data reloads it once.
   */
  onRelisten(): void;
};

/** Stops listening and closes what the subscription holds. */
export type Unlisten = () => Promise<void>;

type Logger = { error(obj: unknown, msg: string): void };

/** Waits between attempts to reconnect, growing to the last value while the server stays away. */
const retryDelaysMs = [250, 500, 1_000, 2_000, 5_000];

/** Quoted as an identifier, so a channel name is never read as SQL. */
const quoted = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

/**
 * LISTEN on a PostgreSQL server over a connection of its own (a pooled connection goes back to the pool
 * and would stop hearing). node-postgres emits `notification` for each NOTIFY and `end` when the server
 * goes away; then this reconnects with growing waits, LISTENs again and calls `onRelisten`. The first
 * LISTEN is awaited, so a server that cannot subscribe at start fails to start rather than stay deaf.
 */
export async function listenPostgres(url: string, channel: string, handlers: ChannelHandlers, log: Logger): Promise<Unlisten> {
  let closed = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  let attempt = 0;

  const connect = async (): Promise<void> => {
    // Keep-alive probes from 10 s of silence: a connection cut without a reset (a partition, a dead NAT entry)
    // ends within minutes instead of the OS's default two hours, and the channel is listened to again.
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    // An error event with no listener would kill the process; the loss itself is handled on `end`.
    c.on("error", (err) => log.error({ err, channel }, "LISTEN connection error"));
    c.on("notification", (m) => {
      if (m.channel === channel) handlers.onNotify(m.payload ?? "");
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${quoted(channel)}`);
    } catch (err) {
      c.end().catch(() => undefined);
      throw err;
    }
    c.once("end", () => {
      client = null;
      if (!closed) schedule();
    });
    client = c;
  };

  const schedule = () => {
    const wait = retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)] ?? 5_000;
    attempt++;
    timer = setTimeout(() => {
      connect().then(
        () => {
          attempt = 0;
          if (closed) return void client?.end().catch(() => undefined);
          handlers.onRelisten();
        },
        (err: unknown) => {
          log.error({ err, channel, attempt }, "LISTEN reconnect failed; retrying");
          if (!closed) schedule();
        },
      );
    }, wait);
  };

  await connect();
  return async () => {
    closed = true;
    clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}

/** PGlite is in-process: its LISTEN never loses a connection, so `onRelisten` is never called. */
export async function listenPglite(client: PGlite, channel: string, handlers: ChannelHandlers): Promise<Unlisten> {
  const unlisten = await client.listen(channel, (payload) => handlers.onNotify(payload));
  return async () => {
    await unlisten().catch(() => undefined);
  };
}
