import { checkPassword, type ChangePasswordRequest } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../actor";
import { auditActorOf, writeAudit } from "../audit/writeAudit";
import { hashPassword, verifyPassword } from "./passwords";
import { passwordThrottle } from "./passwordThrottle";
import { endAllSessionsOf } from "./sessions";
import { users } from "./tables";
import type { AppContext } from "../context";
import { AppError } from "../errors";

/** Changes one's own password; other sessions of the user end, this one stays. */
export async function changePassword(ctx: AppContext, actor: Actor, input: ChangePasswordRequest): Promise<void> {
  const { db } = ctx.database;
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError("UNAUTHENTICATED", "请先登录");
  const auditActor = auditActorOf(actor);

  // Wrong current passwords count like wrong logins (same name, same throttle): a session left open
  // on a shared computer is not a free password-guessing oracle.
  const throttled = await passwordThrottle.check(db, user.username, ctx.now());
  if (throttled.waiting) throw throttled.error;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const delay = await db.transaction(async (tx) => {
      const wait = await passwordThrottle.fail(tx, user.username, ctx.now());
      await writeAudit(tx, auditActor, { action: "auth.changePassword", objectType: "user", objectId: user.id, result: "failure", detail: { reason: "wrong-current", waitMs: wait } });
      return wait;
    });
    if (delay > 0) throw passwordThrottle.waitError(delay);
    throw new AppError("VALIDATION_FAILED", "当前密码不正确", { currentPassword: "当前密码不正确" });
  }
  const policy = checkPassword(input.newPassword, [user.username, user.displayName]);
  if (!policy.ok) throw new AppError("VALIDATION_FAILED", policy.message, { newPassword: policy.message });
  if (input.newPassword === input.currentPassword) {
    throw new AppError("VALIDATION_FAILED", "新密码不能与当前密码相同", { newPassword: "新密码不能与当前密码相同" });
  }

  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now }).where(eq(users.id, user.id));
    await endAllSessionsOf(tx, user.id, now, actor.session.tokenHash);
    await passwordThrottle.succeed(tx, user.username);
    await writeAudit(tx, auditActor, { action: "auth.changePassword", objectType: "user", objectId: user.id });
  });
}
