import { sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { priorityMemberships } from "./priorityCounties";
import { zhejiangRegions } from "./regionSeed";
import { regionPriority, regions } from "./tables";

/**
 * Reference data is loaded on every start but only written when missing, so a database that an
 * administrator has amended (a new priority period, say) keeps its amendments.
 */
export async function syncRegions(db: Db): Promise<void> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(regions);
  if (count > 0) return;
  await db.transaction(async (tx) => {
    await tx.insert(regions).values(zhejiangRegions()).onConflictDoNothing();
    await tx.insert(regionPriority).values(
      priorityMemberships.map((m) => ({ regionCode: m.code, kind: m.kind, validFrom: m.validFrom, validTo: m.validTo, source: m.source })),
    );
  });
}
