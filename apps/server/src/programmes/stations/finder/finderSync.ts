import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import type { Unlisten } from "../../../platform/db/listenChannel";
import { loadFinder, refreshStations } from "./finderOf";

/** The NOTIFY channel every process's finder listens on. */
export const stationsChannel = "stations_changed";

/** Changes heard within this long are read back together (a burst of saves costs one read and one index rebuild). */
export const finderSyncDebounceMs = 150;
/** More stations than this pending at once: reloading everything is cheaper than a long `in (…)` list. */
const reloadAllAbove = 500;
/** After a failed read (the database away), try again after this long; the relisten reloads anyway. */
const retryAfterMs = 2_000;
/** A payload naming every station (the change feed was lost, or a bulk change). */
const everyStation = "*";

type Sync = { origin: string; pending: Set<string>; timer?: NodeJS.Timeout; running?: Promise<void>; unlisten?: Unlisten; stopped: boolean };

/** One per running app (tests run several apps in one process, each its own "process" on the database). */
const syncs = new WeakMap<AppContext, Sync>();

function syncOf(ctx: AppContext): Sync {
  let s = syncs.get(ctx);
  if (!s) {
    s = { origin: randomUUID(), pending: new Set(), stopped: false };
    syncs.set(ctx, s);
  }
  return s;
}

/**
 * Tells every process on this database that a station (or its lock flag) changed. Called with the
 * transaction that makes the change, so the notice goes out on COMMIT and never for a rolled-back change.
 * The sending process refreshes its own finder directly after the commit (its request reads its own
 * write), so it skips its own notice by the origin in the payload.
 */
export async function announceStationChange(ctx: AppContext, tx: Db, stationId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${stationsChannel}, ${`${syncOf(ctx).origin} ${stationId}`})`);
}

/**
 * Keeps this process's finder fresh with every other process's changes: LISTENs first, then loads the
 * index (so nothing committed in between is missed), then re-reads the stations named by each notice,
 * debounced. After a lost connection (a database restart is an outage, not a crash) the platform listens
 * again and the whole index is reloaded once. The finder's requests never read the database: only this
 * background work does.
 */
export async function startFinderSync(ctx: AppContext): Promise<void> {
  const s = syncOf(ctx);
  await s.unlisten?.(); // started again on the same context (an app built twice on it): one listener
  s.stopped = false;
  s.unlisten = await ctx.database.listen(stationsChannel, {
    onNotify: (payload) => {
      const [origin, id] = payload.split(" ");
      if (origin !== s.origin && id) queue(ctx, s, id);
    },
    onRelisten: () => queue(ctx, s, everyStation),
  });
  await loadFinder(ctx);
}

/** Stops listening and waits for a read in flight, before the database closes. */
export async function stopFinderSync(ctx: AppContext): Promise<void> {
  const s = syncOf(ctx);
  s.stopped = true;
  clearTimeout(s.timer);
  await s.unlisten?.();
  await s.running?.catch(() => undefined);
}

function queue(ctx: AppContext, s: Sync, id: string, wait = finderSyncDebounceMs): void {
  if (s.stopped) return;
  s.pending.add(id);
  s.timer ??= setTimeout(() => {
    s.timer = undefined;
    // One read at a time; what arrives meanwhile waits for the next round.
    if (s.running) return void s.running.then(() => schedule(ctx, s));
    s.running = flush(ctx, s).finally(() => {
      s.running = undefined;
    });
  }, wait);
}

/** Queues another round if notices arrived during the last one. */
function schedule(ctx: AppContext, s: Sync): void {
  const next = s.pending.values().next();
  if (!next.done) queue(ctx, s, next.value);
}

async function flush(ctx: AppContext, s: Sync): Promise<void> {
  const ids = [...s.pending];
  s.pending.clear();
  try {
    if (ids.includes(everyStation) || ids.length > reloadAllAbove) await loadFinder(ctx);
    else await refreshStations(ctx, ids);
  } catch {
    // The database is away: the index keeps serving what it has; the same stations are read again later.
    if (s.stopped) return;
    for (const id of ids) s.pending.add(id);
    clearTimeout(s.timer);
    s.timer = undefined;
    const first = s.pending.values().next();
    if (!first.done) queue(ctx, s, first.value, retryAfterMs);
    return;
  }
  schedule(ctx, s);
}
