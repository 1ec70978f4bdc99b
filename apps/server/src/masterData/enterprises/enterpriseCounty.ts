import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { enterprises } from "./tables";

/** The county an enterprise is in: an enterprise account's scope. */
export async function enterpriseCounty(db: Db, enterpriseId: string): Promise<string | null> {
  const [e] = await db.select({ county: enterprises.countyCode }).from(enterprises).where(eq(enterprises.id, enterpriseId));
  return e?.county ?? null;
}
