import type { SQL } from "drizzle-orm";
import type { Db } from "./database";

/** Raw SQL rows; both drivers answer `execute` with `{ rows }`, which the shared type cannot express. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
