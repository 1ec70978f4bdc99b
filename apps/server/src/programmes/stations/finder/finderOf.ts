import { amenityLabels } from "@jiangxin/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import { stationReports, stations } from "../tables";
import { amenityMaskOf, StationFinder, type FinderStation } from "./stationFinder";

type StationRow = typeof stations.$inferSelect;

/** One finder per running app (tests start several apps in one process, each with its own database). */
const finders = new WeakMap<AppContext, StationFinder>();

export function finderOf(ctx: AppContext): StationFinder {
  let f = finders.get(ctx);
  if (!f) {
    f = new StationFinder();
    finders.set(ctx, f);
  }
  return f;
}

export function finderStationOf(row: StationRow, lockReported: boolean): FinderStation {
  const s = {
    id: row.id,
    name: row.name,
    hostKind: row.hostKind,
    hostOrg: row.hostOrg,
    address: row.address,
    countyCode: row.countyCode,
    lng: row.lng,
    lat: row.lat,
    status: row.status,
    closedUntil: row.closedUntil,
    openingHours: row.openingHours,
    is24h: row.is24h,
    hoursVerifiedAt: row.hoursVerifiedAt?.toISOString() ?? null,
    amenities: row.amenities.map((a) => ({ key: a.key, label: "", water: a.water, verifiedAt: a.verifiedAt })),
    localItems: row.localItems,
    lockReported,
  };
  return { ...s, amenities: s.amenities.map((a) => ({ ...a, label: labelOf(a.key) })), amenityMask: amenityMaskOf(s) };
}

const labelOf = (key: keyof typeof amenityLabels) => amenityLabels[key];

const openLock = and(eq(stationReports.kind, "locked"), isNull(stationReports.answeredAt));

/**
 * Reads rows and hands them to the finder, unless the finder changed while they were read (another save's
 * own refresh landed first, with rows at least as new): then reads again, so an older read never
 * overwrites a newer one. A third collision in a row is applied anyway (it is at most one save old).
 */
async function readThenApply<T>(ctx: AppContext, read: () => Promise<T>, apply: (rows: T) => void): Promise<void> {
  const finder = finderOf(ctx);
  for (let attempt = 1; ; attempt++) {
    const before = finder.version;
    const rows = await read();
    if (finder.version === before || attempt === 3) return apply(rows);
  }
}

/** Loads every station into the finder: at start, after the demo, and after the change feed was lost. Two queries. */
export async function loadFinder(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  await readThenApply(
    ctx,
    async () => {
      const rows = await db.select().from(stations);
      const locked = new Set((await db.selectDistinct({ id: stationReports.stationId }).from(stationReports).where(openLock)).map((r) => r.id));
      return rows.map((r) => finderStationOf(r, locked.has(r.id)));
    },
    (all) => finderOf(ctx).replaceAll(all),
  );
}

/** Re-reads some stations after committed changes (outside any transaction: PGlite's one connection); one index rebuild. */
export async function refreshStations(ctx: AppContext, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const db = ctx.database.db;
  const wanted = [...new Set(ids)];
  await readThenApply(
    ctx,
    async () => {
      const rows = await db.select().from(stations).where(inArray(stations.id, wanted));
      const lockedRows = await db.selectDistinct({ id: stationReports.stationId }).from(stationReports).where(and(inArray(stationReports.stationId, wanted), openLock));
      const locked = new Set(lockedRows.map((r) => r.id));
      return { found: rows.map((r) => finderStationOf(r, locked.has(r.id))), gone: wanted.filter((id) => !rows.some((r) => r.id === id)) };
    },
    ({ found, gone }) => finderOf(ctx).putMany(found, gone),
  );
}

/** Re-reads one station after this process committed a change to it (the save's own request waits for it). */
export async function refreshStation(ctx: AppContext, id: string): Promise<void> {
  await refreshStations(ctx, [id]);
}
