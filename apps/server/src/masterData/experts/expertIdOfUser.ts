import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { experts } from "./tables";

/** The expert profile a user account speaks for, if any: an expert account's scope. */
export async function expertIdOfUser(db: Db, userId: string): Promise<string | null> {
  const [x] = await db.select({ id: experts.id }).from(experts).where(eq(experts.userId, userId));
  return x?.id ?? null;
}
