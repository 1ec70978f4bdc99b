import { amenityLabels } from "@jiangxin/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
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

/** Loads every station into the finder: at start, and after the demo or a bulk change. Two queries. */
export async function loadFinder(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const rows = await db.select().from(stations);
  const locked = new Set((await db.selectDistinct({ id: stationReports.stationId }).from(stationReports).where(openLock)).map((r) => r.id));
  finderOf(ctx).replaceAll(rows.map((r) => finderStationOf(r, locked.has(r.id))));
}

/** Re-reads one station after a committed change (outside the transaction: PGlite's one connection). */
export async function refreshStation(ctx: AppContext, db: Db, id: string): Promise<void> {
  const [row] = await db.select().from(stations).where(eq(stations.id, id));
  if (!row) return;
  const [lock] = await db.select({ id: stationReports.id }).from(stationReports).where(and(eq(stationReports.stationId, id), openLock)).limit(1);
  finderOf(ctx).put(finderStationOf(row, Boolean(lock)));
}
