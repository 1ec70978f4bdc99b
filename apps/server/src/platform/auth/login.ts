import type { LoginRequest } from "@jiangxin/domain";
import { eq, sql } from "drizzle-orm";
import { writeAudit } from "../audit/writeAudit";
import { actorOf } from "./actorOf";
import { verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { loginThrottle, users } from "./tables";
import type { AppContext } from "../context";
import { AppError } from "../errors";

export const maxFailures = 5;
export const lockoutMs = 15 * 60 * 1000;

const hhmm = (d: Date) => d.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });

/**
 * Checks a name and password. Every answer for a wrong password is the same whether or not the name
 * exists (the throttle is keyed by the name typed), and every attempt leaves an audit row.
 */
export async function login(ctx: AppContext, input: LoginRequest, ip: string) {
  const { db } = ctx.database;
  const username = input.username.trim().toLowerCase();
  const now = ctx.now();

  const [throttle] = await db.select().from(loginThrottle).where(eq(loginThrottle.username, username));
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const auditActor = { userId: user?.id ?? null, username, role: user?.role ?? null, regionCode: user?.regionCode ?? null, ip };

  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    await db.transaction((tx) => writeAudit(tx, auditActor, { action: "auth.login", result: "failure", detail: { reason: "locked" } }));
    throw new AppError("ACCOUNT_LOCKED", `登录失败次数过多，账号已锁定，请于${hhmm(throttle.lockedUntil)}后再试`);
  }

  // Hashing is slow: do it before taking a transaction, which on the embedded database blocks all others.
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!passwordOk || !user || user.disabled) {
    const lockedUntil = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(loginThrottle)
        .values({ username, failures: 1, lastFailureAt: now })
        .onConflictDoUpdate({ target: loginThrottle.username, set: { failures: sql`${loginThrottle.failures} + 1`, lastFailureAt: now } })
        .returning();
      let until: Date | null = null;
      if (row && row.failures >= maxFailures) {
        until = new Date(now.getTime() + lockoutMs);
        await tx.update(loginThrottle).set({ failures: 0, lockedUntil: until }).where(eq(loginThrottle.username, username));
      }
      await writeAudit(tx, auditActor, { action: "auth.login", result: "failure", detail: { reason: "bad-credentials", locked: until !== null } });
      return until;
    });
    if (lockedUntil) throw new AppError("ACCOUNT_LOCKED", `登录失败次数过多，账号已锁定，请于${hhmm(lockedUntil)}后再试`);
    throw new AppError("LOGIN_FAILED", "用户名或密码错误");
  }

  const session = await db.transaction(async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.username, username));
    const s = await createSession(tx, user.id, ip, now);
    await writeAudit(tx, auditActor, { action: "auth.login", objectType: "user", objectId: user.id });
    return s;
  });
  const actor = await actorOf(ctx, { user, session }, ip);
  return { token: session.token, actor };
}
