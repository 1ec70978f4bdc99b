import underPressure from "@fastify/under-pressure";
import type { ErrorBody } from "@jiangxin/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext, HttpApp } from "./context";

/**
 * Past these, a new API request is turned away at once (503 + Retry-After) instead of queueing until the
 * client times out: database calls already waiting for a connection (PGlite has one; the pool has 10), the
 * age of the oldest call in the embedded database's queue (a few slow statistics queries fill it as surely
 * as many quick ones), and the event loop's delay (a busy CPU answers everything late).
 */
export const sheddingLimits = { databaseQueue: 48, databaseWaitMs: 2000, eventLoopDelayMs: 1000, blockedTickMs: 500 } as const;
const retryAfterSeconds = 2;

/** The health check and the web app's files are served even under load, so monitors and pages still answer. */
function exempt(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  return path === "/api/health" || !path.startsWith("/api/");
}

function busy(reply: FastifyReply): ErrorBody {
  void reply.status(503).header("retry-after", String(retryAfterSeconds));
  return { code: "SERVICE_UNAVAILABLE", message: "服务器繁忙，请稍后重试" };
}

/**
 * The embedded database runs its queries on this thread and hands its one connection from call to call
 * without letting the event loop turn, so under load the queue that grows is the requests not yet read,
 * which no counter sees. What shows it: a 100 ms timer that fires late. Two of the last three ticks late by
 * more than 0.5 s is a backlog; a single late tick is one long task already over (start-up migrations).
 */
function blockedLoopMonitor(): { busy(): boolean; stop(): void } {
  const tickMs = 100;
  let last = performance.now();
  const lags = [0, 0, 0];
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(now - last - tickMs);
    lags.shift();
    last = now;
  }, tickMs);
  timer.unref();
  return { busy: () => lags.filter((lag) => lag > sheddingLimits.blockedTickMs).length >= 2, stop: () => clearInterval(timer) };
}

/** Registered first, so a request turned away costs no session lookup. */
export async function registerLoadShedding(app: HttpApp, ctx: AppContext): Promise<void> {
  const loop = blockedLoopMonitor();
  app.addHook("onClose", async () => loop.stop());
  app.addHook("onRequest", async (request, reply) => {
    if (exempt(request)) return;
    const { database } = ctx;
    if (database.waiting() > sheddingLimits.databaseQueue || database.oldestWaitMs() > sheddingLimits.databaseWaitMs || loop.busy()) {
      return reply.send(busy(reply));
    }
  });
  await app.register(underPressure, {
    maxEventLoopDelay: sheddingLimits.eventLoopDelayMs,
    sampleInterval: 500,
    // under-pressure sends what the handler returns and lets the request through on undefined; its types
    // declare void only, hence the cast. Infinity (no sample in the interval: the loop was blocked
    // throughout) is left to blockedLoopMonitor, which tells a backlog from one long task.
    pressureHandler: ((request: FastifyRequest, reply: FastifyReply, _type: string, value: number | undefined) =>
      exempt(request) || value === Infinity ? undefined : busy(reply)) as unknown as () => void,
  });
}
