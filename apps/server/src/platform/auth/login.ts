import type { LoginRequest } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { writeAudit } from "../audit/writeAudit";
import { actorOf } from "./actorOf";
import { verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { passwordThrottle } from "./passwordThrottle";
import { checkLoginTotp } from "./totp/totp";
import { users } from "./tables";
import type { AppContext } from "../context";
import { AppError } from "../errors";

/**
 * Checks a name and password. Every answer for a wrong password is the same whether or not the name
 * exists (the throttle is keyed by the name typed), and every attempt leaves an audit row. Repeated
 * failures make the name wait (passwordThrottle: 30 s doubling to 15 min at most), never a long lock.
 */
export async function login(ctx: AppContext, input: LoginRequest, ip: string) {
  const { db } = ctx.database;
  const username = input.username.trim().toLowerCase();
  const now = ctx.now();

  const [user] = await db.select().from(users).where(eq(users.username, username));
  const auditActor = { userId: user?.id ?? null, username, role: user?.role ?? null, regionCode: user?.regionCode ?? null, ip };

  const throttled = await passwordThrottle.check(db, username, now);
  if (throttled.waiting) {
    await db.transaction((tx) => writeAudit(tx, auditActor, { action: "auth.login", result: "failure", detail: { reason: "throttled" } }));
    throw throttled.error;
  }

  // Hashing is slow: do it before taking a transaction, which on the embedded database blocks all others.
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!passwordOk || !user || user.disabled) {
    const delay = await db.transaction(async (tx) => {
      const wait = await passwordThrottle.fail(tx, username, now);
      await writeAudit(tx, auditActor, { action: "auth.login", result: "failure", detail: { reason: "bad-credentials", waitMs: wait } });
      return wait;
    });
    if (delay > 0) throw passwordThrottle.waitError(delay);
    throw new AppError("LOGIN_FAILED", "用户名或密码错误");
  }

  // Second factor: the right password alone is not enough for an account with TOTP. A wrong code
  // counts in the same throttle as a wrong password.
  const second = await checkLoginTotp(ctx, user.id, input.totpCode, now);
  if (second === "missing") throw new AppError("TOTP_REQUIRED", "请输入手机验证器(身份验证器)上的6位动态验证码");
  if (second === "wrong") {
    const delay = await db.transaction(async (tx) => {
      const wait = await passwordThrottle.fail(tx, username, now);
      await writeAudit(tx, auditActor, { action: "auth.login", result: "failure", detail: { reason: "bad-totp", waitMs: wait } });
      return wait;
    });
    if (delay > 0) throw passwordThrottle.waitError(delay);
    throw new AppError("LOGIN_FAILED", "动态验证码不正确");
  }

  const session = await db.transaction(async (tx) => {
    await passwordThrottle.succeed(tx, username);
    const s = await createSession(tx, user.id, ip, now);
    await writeAudit(tx, auditActor, { action: "auth.login", objectType: "user", objectId: user.id });
    return s;
  });
  const actor = await actorOf(ctx, { user, session }, ip);
  return { token: session.token, actor };
}
