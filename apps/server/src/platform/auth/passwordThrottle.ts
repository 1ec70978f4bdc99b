import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { AppError } from "../errors";
import { loginThrottle } from "./tables";

/** Wrong passwords for one name that cost nothing: typos happen. */
export const freeFailures = 4;
/** The first wait after the free failures; each further failure doubles it. */
export const firstDelayMs = 30 * 1000;
/** The longest wait: however many strangers try a name, its owner waits at most this long after the last try. */
export const maxDelayMs = 15 * 60 * 1000;
/** Failures older than this are forgotten: the count starts again. */
export const failureMemoryMs = 24 * 60 * 60 * 1000;

/** How long a name must wait after its nth consecutive failure: 0 for the free ones, then 30 s, 1 min, 2 min … 15 min. */
export function delayAfter(failures: number): number {
  if (failures <= freeFailures) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** (failures - freeFailures - 1));
}

const waitText = (ms: number) => (ms < 60_000 ? `${Math.max(1, Math.ceil(ms / 1000))}秒` : `${Math.ceil(ms / 60_000)}分钟`);

/**
 * Throttles password guessing per name (the name typed at login, or the account on the change-password
 * form): a growing wait instead of a lock, so a stranger can slow an account down but never shut its
 * owner out for long; the per-address limit (platform/rateLimit.ts) caps how fast one address tries
 * names at all. Unknown names are throttled exactly like known ones.
 */
export const passwordThrottle = {
  /** Refuses the attempt while the name is waiting; the attempt is not counted. */
  async check(db: Db, name: string, now: Date): Promise<{ waiting: false } | { waiting: true; error: AppError }> {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.username, name));
    if (!row?.lockedUntil || row.lockedUntil <= now) return { waiting: false };
    const wait = row.lockedUntil.getTime() - now.getTime();
    return { waiting: true, error: new AppError("ACCOUNT_LOCKED", `密码错误次数过多，请${waitText(wait)}后再试`) };
  },

  /** Counts a failure in the caller's transaction; returns the wait it starts (0: none yet). */
  async fail(tx: Db, name: string, now: Date): Promise<number> {
    const forgetBefore = new Date(now.getTime() - failureMemoryMs);
    const [row] = await tx
      .insert(loginThrottle)
      .values({ username: name, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.username,
        set: {
          failures: sql`case when ${loginThrottle.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning();
    const delay = delayAfter(row?.failures ?? 1);
    if (delay > 0) await tx.update(loginThrottle).set({ lockedUntil: new Date(now.getTime() + delay) }).where(eq(loginThrottle.username, name));
    return delay;
  },

  waitError(delay: number): AppError {
    return new AppError("ACCOUNT_LOCKED", `密码错误次数过多，请${waitText(delay)}后再试`);
  },

  async succeed(tx: Db, name: string): Promise<void> {
    await tx.delete(loginThrottle).where(eq(loginThrottle.username, name));
  },
};
