import { chinaDayOf, type Occupation } from "@jiangxin/domain";
import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import { writeAudit } from "../../platform/audit/writeAudit";
import { notFound } from "../../platform/errors";
import { finderOf } from "./finder/finderOf";
import { stationVisits } from "./tables";

/**
 * A QR check-in: one more visit for the station, today, this hour, this occupation. Nothing about the
 * person is stored, not even the address (the audit row leaves it out too).
 */
export async function checkIn(ctx: AppContext, stationId: string, occupation: Occupation) {
  const now = ctx.now();
  const station = finderOf(ctx).get(stationId, now);
  if (!station) throw notFound("服务站");
  const day = chinaDayOf(now);
  const hour = new Date(now.getTime() + 8 * 3_600_000).getUTCHours();
  const visitsToday = await ctx.database.db.transaction(async (tx) => {
    await tx
      .insert(stationVisits)
      .values({ stationId, day, hour, occupation, count: 1 })
      .onConflictDoUpdate({ target: [stationVisits.stationId, stationVisits.day, stationVisits.hour, stationVisits.occupation], set: { count: sql`${stationVisits.count} + 1` } });
    await writeAudit(tx, { userId: null, username: null, role: null, regionCode: null, ip: null }, { action: "station.checkIn", objectType: "station", objectId: stationId, detail: { occupation } });
    const [t] = await tx
      .select({ n: sql<number>`coalesce(sum(${stationVisits.count}), 0)::int` })
      .from(stationVisits)
      .where(and(eq(stationVisits.stationId, stationId), eq(stationVisits.day, day)));
    return t?.n ?? 0;
  });
  return { stationName: station.name, visitsToday };
}
