import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/database";
import { sessions, users } from "./tables";

export const idleTimeoutMs = 30 * 60 * 1000;
export const absoluteTimeoutMs = 12 * 60 * 60 * 1000;
/** Touching last_seen_at on every request would make every read a write; a minute's slack is harmless. */
const touchEveryMs = 60 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function createSession(tx: Db, userId: string, ip: string, now: Date) {
  const token = randomBytes(32).toString("base64url");
  const row = {
    tokenHash: hashToken(token),
    userId,
    csrfToken: randomBytes(24).toString("base64url"),
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt: new Date(now.getTime() + absoluteTimeoutMs),
    endedAt: null,
    ip,
  };
  await tx.insert(sessions).values(row);
  return { token, ...row };
}

export type LoadedSession = {
  session: typeof sessions.$inferSelect;
  user: typeof users.$inferSelect;
};

export type SessionLookup = { ok: true; value: LoadedSession } | { ok: false; reason: "missing" | "expired" };

/** Finds a live session for a cookie token, ending it if it has run out, and notes the activity. */
export async function lookupSession(db: Db, token: string, now: Date): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
  if (!row || row.user.disabled) return { ok: false, reason: "missing" };
  const idleExpired = now.getTime() - row.session.lastSeenAt.getTime() > idleTimeoutMs;
  if (idleExpired || now >= row.session.absoluteExpiresAt) {
    await db.update(sessions).set({ endedAt: now }).where(eq(sessions.tokenHash, tokenHash));
    return { ok: false, reason: "expired" };
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    row.session.lastSeenAt = now;
  }
  return { ok: true, value: row };
}

export async function endSession(tx: Db, tokenHash: string, now: Date): Promise<void> {
  await tx.update(sessions).set({ endedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function endAllSessionsOf(tx: Db, userId: string, now: Date, except?: string): Promise<void> {
  const rows = await tx.select({ tokenHash: sessions.tokenHash }).from(sessions).where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
  for (const r of rows) if (r.tokenHash !== except) await endSession(tx, r.tokenHash, now);
}
