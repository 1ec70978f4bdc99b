import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { stationHoursHistory } from "./tables";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The hours a save leaves in force: the text, the 24 h flag it gives, and whether it stands verified (hours_verified_at set). */
export type HoursInForce = { openingHours: string; is24h: boolean; verified: boolean };

/**
 * Appends the station's hours to its history when a save changed them (text, 24 h flag, verified or not) or
 * re-verified them on site, in the save's transaction. The upgrade count's 24 h figure reads the row in force
 * at its counting instant (indicators/upgradeSql.ts `verified24hAt`).
 */
export async function recordHours(tx: Tx, stationId: string, hours: HoursInForce, reverified: boolean, now: Date): Promise<void> {
  const [last] = await tx.select().from(stationHoursHistory).where(eq(stationHoursHistory.stationId, stationId)).orderBy(desc(stationHoursHistory.recordedAt)).limit(1);
  const same = last && last.openingHours === hours.openingHours && last.is24h === hours.is24h && last.verified === hours.verified;
  if (same && !reverified) return;
  await tx.insert(stationHoursHistory).values({ stationId, recordedAt: now, ...hours });
}
