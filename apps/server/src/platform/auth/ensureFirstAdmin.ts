import { sql } from "drizzle-orm";
import { writeAudit } from "../audit/writeAudit";
import type { AppContext } from "../context";
import { hashPassword } from "./passwords";
import { users } from "./tables";

/**
 * Outside demo mode the only way in on an empty database is the administrator named in the
 * configuration. Its configured password has been seen by whoever wrote the configuration, so it must
 * be changed at first login.
 */
export async function ensureFirstAdmin(ctx: AppContext): Promise<"created" | "exists" | "unconfigured"> {
  const { db } = ctx.database;
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if (n > 0) return "exists";
  const admin = ctx.config.admin;
  if (!admin) return "unconfigured";
  const passwordHash = await hashPassword(admin.password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ username: admin.username.trim().toLowerCase(), displayName: "系统管理员", role: "province", regionCode: "330000", passwordHash, mustChangePassword: true })
      .returning();
    await writeAudit(tx, { userId: null, username: null, role: null, regionCode: null, ip: null }, { action: "user.bootstrapAdmin", objectType: "user", objectId: row?.id });
  });
  return "created";
}
