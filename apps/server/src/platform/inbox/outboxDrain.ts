import type { OutboxClaimQuery, OutboxFailed, OutboxMessage, OutboxState } from "@jiangxin/domain";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import { auditActorOf, writeAudit } from "../audit/writeAudit";
import type { AppContext } from "../context";
import type { Db } from "../db/database";
import { AppError, notFound } from "../errors";
import { outbox } from "./tables";

/** A claim lasts this long: a sender that dies mid-batch leaves its messages to the next claim. */
export const outboxLeaseMs = 5 * 60 * 1000;
/** After this many failed attempts a message is given up (status failed). */
export const outboxMaxAttempts = 5;
/** Back-off before a failed message may be claimed again: 1, 4, 9, 16 minutes. */
const retryDelayMs = (attempts: number) => attempts * attempts * 60 * 1000;

/**
 * Claims up to `limit` pending messages of a channel, oldest first, for the calling sender. The rows
 * are locked with SKIP LOCKED and leased in the same statement, so two senders draining at once never
 * get the same message. Recipients are decrypted here, and the claim is audited (a read of personal data).
 */
export async function claimOutbox(ctx: AppContext, actor: Actor, q: OutboxClaimQuery): Promise<{ items: OutboxMessage[] }> {
  const now = ctx.now();
  const until = new Date(now.getTime() + outboxLeaseMs);
  const rows = await ctx.database.db.transaction(async (tx) => {
    const claimable = tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.status, "pending"),
          eq(outbox.channel, q.channel),
          or(isNull(outbox.notBefore), lte(outbox.notBefore, now)),
          or(isNull(outbox.claimedUntil), lte(outbox.claimedUntil, now)),
        ),
      )
      .orderBy(asc(outbox.createdAt), asc(outbox.id))
      .limit(q.limit)
      .for("update", { skipLocked: true });
    const claimed = await tx
      .update(outbox)
      .set({ claimedUntil: until, claimedBy: actor.userId, attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, claimable))
      .returning();
    if (claimed.length > 0) {
      await writeAudit(tx, auditActorOf(actor), {
        action: "outbox.claim",
        objectType: "outbox",
        detail: { channel: q.channel, ids: claimed.map((r) => r.id) },
      });
    }
    return claimed;
  });
  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      recipient: ctx.cipher.decrypt(r.recipientEnc),
      text: r.text,
      attempts: r.attempts,
      createdAt: r.createdAt.toISOString(),
      claimedUntil: until.toISOString(),
    })),
  };
}

function stateOf(r: typeof outbox.$inferSelect): OutboxState {
  return { id: r.id, status: r.status, attempts: r.attempts, lastError: r.lastError, nextAttemptAt: r.status === "pending" ? (r.notBefore?.toISOString() ?? null) : null };
}

/** The message, locked, for a report: 404 unknown, 409 when it was never claimed. */
async function messageForReport(tx: Db, id: string) {
  const [row] = await tx.select().from(outbox).where(eq(outbox.id, id)).for("update");
  if (!row) throw notFound("消息");
  if (row.attempts === 0) throw new AppError("CONFLICT", "该消息尚未被领取，不能回报发送结果");
  return row;
}

/** The sender delivered the message. Reporting it twice is harmless (same answer); after a failure, 409. */
export async function markOutboxSent(ctx: AppContext, actor: Actor, id: string): Promise<OutboxState> {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await messageForReport(tx, id);
    if (row.status === "sent") return stateOf(row);
    if (row.status === "failed") throw new AppError("CONFLICT", "该消息已记为发送失败");
    const [updated] = await tx.update(outbox).set({ status: "sent", sentAt: now, claimedUntil: null, lastError: null }).where(eq(outbox.id, id)).returning();
    await writeAudit(tx, auditActorOf(actor), { action: "outbox.sent", objectType: "outbox", objectId: id, detail: { channel: row.channel, attempts: row.attempts } });
    if (!updated) throw new Error("update returned no row");
    return stateOf(updated);
  });
}

/**
 * The sender could not deliver. The message goes back to pending after a back-off, unless the failure
 * is permanent or this was its last attempt: then it is failed for good.
 */
export async function markOutboxFailed(ctx: AppContext, actor: Actor, id: string, body: OutboxFailed): Promise<OutboxState> {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await messageForReport(tx, id);
    if (row.status !== "pending") throw new AppError("CONFLICT", row.status === "sent" ? "该消息已记为发送成功" : "该消息已记为发送失败");
    const giveUp = body.permanent === true || row.attempts >= outboxMaxAttempts;
    const [updated] = await tx
      .update(outbox)
      .set({
        status: giveUp ? "failed" : "pending",
        lastError: body.error,
        claimedUntil: null,
        notBefore: giveUp ? null : new Date(now.getTime() + retryDelayMs(row.attempts)),
      })
      .where(eq(outbox.id, id))
      .returning();
    await writeAudit(tx, auditActorOf(actor), {
      action: "outbox.failed",
      objectType: "outbox",
      objectId: id,
      detail: { channel: row.channel, attempts: row.attempts, error: body.error, givenUp: giveUp },
    });
    if (!updated) throw new Error("update returned no row");
    return stateOf(updated);
  });
}
