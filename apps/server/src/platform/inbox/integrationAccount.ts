import { checkPassword } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { writeAudit } from "../audit/writeAudit";
import { hashPassword } from "../auth/passwords";
import { users } from "../auth/tables";
import type { AppContext } from "../context";

/**
 * Creates the account an outside sender drains the outbox with (role integration: only outbox.drain),
 * or gives an existing one a new password. There is no account administration screen, so this is how
 * an operator plugs a sender in (docs/inbox.md). Refuses a name that belongs to another role.
 */
export async function upsertIntegrationAccount(ctx: AppContext, username: string, password: string, displayName = "外部消息接口"): Promise<"created" | "updated"> {
  const name = username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(name)) throw new Error("用户名应为3–64位小写字母、数字或 . _ -");
  const policy = checkPassword(password, [name]);
  if (!policy.ok) throw new Error(policy.message);
  const passwordHash = await hashPassword(password);
  return ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.username, name));
    if (existing && existing.role !== "integration") throw new Error(`用户名 ${name} 已被其他角色的账号使用`);
    const system = { userId: null, username: null, role: null, regionCode: null, ip: null };
    if (existing) {
      await tx.update(users).set({ passwordHash, disabled: false, passwordChangedAt: ctx.now() }).where(eq(users.id, existing.id));
      await writeAudit(tx, system, { action: "user.integrationPassword", objectType: "user", objectId: existing.id });
      return "updated";
    }
    const [row] = await tx.insert(users).values({ username: name, displayName, role: "integration", passwordHash, mustChangePassword: false }).returning({ id: users.id });
    await writeAudit(tx, system, { action: "user.createIntegration", objectType: "user", objectId: row?.id });
    return "created";
  });
}
