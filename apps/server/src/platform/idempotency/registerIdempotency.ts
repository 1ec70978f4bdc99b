import type { ErrorBody } from "@jiangxin/domain";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { createHash, randomUUID } from "node:crypto";
import type { AppContext, HttpApp } from "../context";
import type { Db } from "../db/database";
import { AppError, errorStatus } from "../errors";
import { idempotencyKeys } from "./tables";

export const idempotencyHeader = "idempotency-key";
/** Kept at least 24 hours as promised; purged after 48. */
const keepMs = 48 * 3600_000;
/** On a PostgreSQL server another live process may own a claim; after this long without an answer it is presumed dead. */
const leaseMs = 30_000;
/** The longest a duplicate waits in this process for the first request to finish before being told to retry. */
const waitForFirstMs = 10_000;
const maxStoredBody = 1024 * 1024;
const keyPattern = /^[\x21-\x7e]{8,200}$/;

/** This process; a claim owned by another process on the single-process embedded database is an orphan. */
const instanceId = randomUUID();

type Claim = { userId: string; key: string; stored: boolean; done: () => void };

declare module "fastify" {
  interface FastifyRequest {
    idempotency: Claim | null;
  }
}

type Outcome =
  | { kind: "claimed" }
  | { kind: "replay"; status: number; type: string | null; body: string }
  | { kind: "mismatch" }
  | { kind: "savedWithoutAnswer" }
  | { kind: "inProgress"; retryAfterSeconds: number };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Every POST may carry an `Idempotency-Key`: the first request with a key runs and its answer (status and
 * body) is kept; a retry with the same key and the same request gets that answer again and changes
 * nothing; the same key with a different request is refused (422). Keys are per user. One platform hook,
 * so no route has to know.
 */
export function registerIdempotency(app: HttpApp, ctx: AppContext): void {
  const { db } = ctx.database;
  // Only one process can open an embedded database folder, so a claim by another process is a dead one's.
  const exclusive = ctx.database.kind === "pglite";
  /** Requests with a claim running in this process, by user and key: a duplicate waits for the first. */
  const running = new Map<string, Promise<void>>();
  /**
   * Answers that could not be stored (the database went away after the handler), kept here and stored when
   * it is back, so a retry in the meantime still gets the first answer instead of "saved, answer lost".
   */
  const unstored = new Map<string, { status: number; type: string | null; body: string }>();

  function storeLater(userId: string, key: string, answer: { status: number; type: string | null; body: string }, attempt = 0): void {
    const id = `${userId}\n${key}`;
    unstored.set(id, answer);
    if (attempt >= 30) return void unstored.delete(id);
    const timer = setTimeout(() => {
      db.update(idempotencyKeys)
        .set({ responseStatus: answer.status, responseType: answer.type, responseBody: answer.body })
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
        .then(
          () => unstored.delete(id),
          () => storeLater(userId, key, answer, attempt + 1),
        );
    }, 2000);
    timer.unref();
  }

  app.decorateRequest("idempotency", null);

  async function claim(userId: string, key: string, hash: string): Promise<Outcome> {
    const id = `${userId}\n${key}`;
    const deadline = Date.now() + waitForFirstMs;
    for (;;) {
      const now = ctx.now();
      const inserted = await db
        .insert(idempotencyKeys)
        .values({ userId, key, requestHash: hash, owner: instanceId, claimedAt: now, createdAt: now })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return { kind: "claimed" };
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
      if (!row) continue; // purged in between: claim again
      if (row.requestHash !== hash) return { kind: "mismatch" };
      if (row.responseStatus !== null) return { kind: "replay", status: row.responseStatus, type: row.responseType, body: row.responseBody ?? "" };
      const first = running.get(id);
      if (first) {
        // The first request is running here: wait for its answer instead of running the write twice.
        const left = deadline - Date.now();
        if (left <= 0) return { kind: "inProgress", retryAfterSeconds: 2 };
        await Promise.race([first, pause(left)]);
        continue;
      }
      const kept = unstored.get(id);
      if (kept) return { kind: "replay", ...kept };
      if (row.committedAt) {
        // The first may have stored its answer and finished between the read above and the look at
        // `running` (seen on PostgreSQL under load: a concurrent duplicate got 202): read once more.
        const [again] = await db
          .select()
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
        if (again?.responseStatus != null) return { kind: "replay", status: again.responseStatus, type: again.responseType, body: again.responseBody ?? "" };
        return { kind: "savedWithoutAnswer" };
      }
      const orphan = row.owner === instanceId || exclusive || now.getTime() - row.claimedAt.getTime() > leaseMs;
      if (!orphan) return { kind: "inProgress", retryAfterSeconds: Math.ceil((leaseMs - (now.getTime() - row.claimedAt.getTime())) / 1000) };
      // Its process died (or lost its database) before committing: nothing was saved, so run it now.
      const taken = await db
        .update(idempotencyKeys)
        .set({ owner: instanceId, claimedAt: now })
        .where(
          and(
            eq(idempotencyKeys.userId, userId),
            eq(idempotencyKeys.key, key),
            eq(idempotencyKeys.claimedAt, row.claimedAt),
            isNull(idempotencyKeys.committedAt),
            isNull(idempotencyKeys.responseStatus),
          ),
        )
        .returning({ key: idempotencyKeys.key });
      if (taken.length > 0) return { kind: "claimed" };
    }
  }

  app.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== "POST") return;
    const key = request.headers[idempotencyHeader];
    if (key === undefined) return;
    if (typeof key !== "string" || !keyPattern.test(key)) {
      throw new AppError("VALIDATION_FAILED", "Idempotency-Key 请求头应为 8–200 个可见 ASCII 字符", { [idempotencyHeader]: "应为 8–200 个可见 ASCII 字符" });
    }
    // Public POSTs (login) have no user to keep keys for, and nothing to create twice.
    const actor = request.actor;
    if (!actor) return;
    const hash = createHash("sha256").update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest("hex");
    const outcome = await claim(actor.userId, key, hash);
    switch (outcome.kind) {
      case "claimed": {
        const id = `${actor.userId}\n${key}`;
        let done = () => {};
        running.set(id, new Promise<void>((resolve) => (done = resolve)));
        request.idempotency = {
          userId: actor.userId,
          key,
          stored: false,
          done: () => {
            running.delete(id);
            done();
          },
        };
        // Marked in the write's own transaction: after a crash the row tells whether the change was saved.
        request.writes?.beforeCommit.push(async (tx: Db) => {
          await tx
            .update(idempotencyKeys)
            .set({ committedAt: sql`now()` })
            .where(and(eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, key)));
        });
        return;
      }
      case "replay":
        void reply.status(outcome.status).header("idempotent-replayed", "true");
        if (outcome.type) void reply.header("content-type", outcome.type);
        return reply.send(outcome.body);
      case "mismatch":
        throw new AppError("IDEMPOTENCY_KEY_REUSED", "该请求的幂等键(Idempotency-Key)已用于内容不同的另一次提交；新的提交请使用新的键");
      case "savedWithoutAnswer": {
        // The first run committed (its marker is in the write's own transaction) but its process died before
        // answering: the same "saved, result not shown" answer as a failure after COMMIT (202 SAVED).
        const body: ErrorBody = { code: "SAVED", message: "同一提交此前已保存，但结果未能返回；请刷新后查看，不要重复提交" };
        return reply.status(errorStatus.SAVED).header("idempotent-replayed", "true").send(body);
      }
      case "inProgress":
        void reply.header("retry-after", String(outcome.retryAfterSeconds));
        throw new AppError("CONFLICT", "同一提交正在处理中，请稍后刷新查看");
    }
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claimed = request.idempotency;
    if (!claimed || claimed.stored) return payload;
    claimed.stored = true;
    const where = and(eq(idempotencyKeys.userId, claimed.userId), eq(idempotencyKeys.key, claimed.key));
    const text = typeof payload === "string" ? payload : Buffer.isBuffer(payload) ? payload.toString("utf8") : "";
    const type = reply.getHeader("content-type");
    const answer = { status: reply.statusCode, type: typeof type === "string" ? type : null, body: text.length <= maxStoredBody ? text : "" };
    try {
      if (reply.statusCode < 500) {
        await db.update(idempotencyKeys).set({ responseStatus: answer.status, responseType: answer.type, responseBody: answer.body }).where(where);
      } else if (!request.writes?.committed) {
        // Nothing was saved (a fault before COMMIT): forget the key so the retry runs the request again.
        await db.delete(idempotencyKeys).where(and(where, isNull(idempotencyKeys.committedAt)));
      }
    } catch (err) {
      // The database went away after the handler: a retry finds out from committed_at whether to run again,
      // and a kept answer is stored once the database is back.
      request.log.warn({ err }, "idempotency: answer not stored yet");
      if (reply.statusCode < 500) storeLater(claimed.userId, claimed.key, answer);
    } finally {
      claimed.done();
    }
    return payload;
  });
  // Belt and braces: a duplicate must never wait on a request that has finished.
  app.addHook("onResponse", async (request) => request.idempotency?.done());

  let purge: NodeJS.Timeout | undefined;
  app.addHook("onReady", async () => {
    const run = () =>
      db
        .delete(idempotencyKeys)
        .where(lt(idempotencyKeys.createdAt, new Date(ctx.now().getTime() - keepMs)))
        .catch((err: unknown) => app.log.warn({ err }, "idempotency: purge failed"));
    purge = setInterval(() => void run(), 3600_000);
    purge.unref();
  });
  app.addHook("onClose", async () => clearInterval(purge));
}
