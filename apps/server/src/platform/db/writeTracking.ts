import { AsyncLocalStorage } from "node:async_hooks";
import type { FastifyInstance } from "fastify";
import type { Db } from "./database";

/**
 * What a request's writes did. Every write runs in `db.transaction` (house rule), so wrapping that one
 * method tells the platform, per request, that a write committed — the error handler then never turns a
 * saved write into a 5xx — and lets the idempotency hook add its marker row inside the very transaction
 * that makes the change (so "the write committed" and "the key was used" cannot disagree after a crash).
 */
export type RequestWrites = {
  committed: boolean;
  /** Run inside each top-level transaction of the request, after its work and before COMMIT. */
  beforeCommit: ((tx: Db) => Promise<void>)[];
};

declare module "fastify" {
  interface FastifyRequest {
    writes: RequestWrites | null;
  }
}

const current = new AsyncLocalStorage<RequestWrites>();
const wrapped = new WeakSet<Db>();

/** The writes of the request being served, if any (not in start-up code or tests calling services directly). */
export function currentWrites(): RequestWrites | undefined {
  return current.getStore();
}

function wrapTransactions(db: Db): void {
  if (wrapped.has(db)) return;
  wrapped.add(db);
  const original = db.transaction.bind(db);
  db.transaction = (async (work: (tx: Db) => Promise<unknown>, config?: Parameters<Db["transaction"]>[1]) => {
    const writes = current.getStore();
    if (!writes) return original(work as never, config);
    const result = await original(
      (async (tx: Db) => {
        const value = await work(tx);
        for (const hook of writes.beforeCommit) await hook(tx);
        return value;
      }),
      config,
    );
    writes.committed = true;
    return result;
  }) as Db["transaction"];
}

export function registerWriteTracking(app: FastifyInstance, db: Db): void {
  wrapTransactions(db);
  app.decorateRequest("writes", null);
  // The first onRequest hook: everything after it (auth, handler, error handler) runs inside this context.
  app.addHook("onRequest", (request, _reply, done) => {
    const writes: RequestWrites = { committed: false, beforeCommit: [] };
    request.writes = writes;
    current.run(writes, done);
  });
}
