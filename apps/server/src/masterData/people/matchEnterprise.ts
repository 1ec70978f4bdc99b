import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { enterprises } from "../enterprises";

/**
 * The one enterprise of the county named exactly so, or null (none, or more than one: two firms of
 * the same name stay free text, never a guess). Registration and 转会 use it, so an employer typed
 * as registered is that enterprise and its own union is proposed.
 */
export async function matchEnterprise(db: Db, countyCode: string, name: string): Promise<string | null> {
  const rows = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.countyCode, countyCode), eq(enterprises.name, name.trim())))
    .limit(2);
  return rows.length === 1 ? (rows[0]?.id ?? null) : null;
}
