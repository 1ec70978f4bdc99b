import rateLimit from "@fastify/rate-limit";
import type { HttpApp } from "./context";
import { AppError } from "./errors";

/**
 * Per-address limits for the routes anyone can call without logging in (worker self-registration,
 * 公众服务). Registered with `global: false`: a route opts in with `config: { rateLimit: publicRateLimits.x }`.
 * Counters are kept in memory, per process: enough for one server; behind a proxy, set trustProxy so
 * request.ip is the client's, not the proxy's.
 */
export const publicRateLimits = {
  /** Creating accounts: a person registers once; a few retries after typos are fine, a script is not. */
  register: { max: 10, timeWindow: "10 minutes" },
  /** Public reads (cacheable pages): generous for people, a ceiling for scrapers. */
  publicRead: { max: 120, timeWindow: "1 minute" },
} as const;

/** "30秒" or "5分钟": how long until the window frees a request. */
const waitText = (ms: number) => (ms < 60_000 ? `${Math.max(1, Math.ceil(ms / 1000))}秒` : `${Math.ceil(ms / 60_000)}分钟`);

export async function registerRateLimit(app: HttpApp): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    // Thrown into the app's error handler, which answers 429 {code: "RATE_LIMITED", message} like every other error.
    errorResponseBuilder: (_request, context) => new AppError("RATE_LIMITED", `请求过于频繁，请${waitText(context.ttl)}后再试`),
  });
}
