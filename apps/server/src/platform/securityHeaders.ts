import helmet from "helmet";
import type { AppContext, HttpApp } from "./context";
import { tileImageOrigins } from "./mapTiles/mapTilesFromEnv";

/**
 * Security headers on every answer (等保 2.0 / OWASP ASVS 14.4): a CSP the built web app passes —
 * scripts only from this origin, styles inline too because Ant Design writes its CSS-in-JS into
 * <style> tags, images also as data:/blob: URLs (charts, QR codes, exports) — no framing by anyone
 * (frame-ancestors, X-Frame-Options), nosniff, a strict referrer policy. HSTS and
 * upgrade-insecure-requests only when the deployment says it is served over HTTPS
 * (JIANGXIN_COOKIE_SECURE), so a plain-HTTP intranet install keeps working. A configured tile base map
 * (JIANGXIN_MAP_TILES) adds its tile hosts to img-src, and nothing else: tiles are plain images.
 *
 * helmet's middleware is built once, at start: the Fastify plugin used before (@fastify/helmet) called helmet(options) on
 * every request, re-parsing the CSP directives each time — about 5 % of the server's CPU under load on
 * every route, for headers that never change while the process runs.
 */
export async function registerSecurityHeaders(app: HttpApp, ctx: AppContext): Promise<void> {
  const https = ctx.config.cookieSecure;
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", ...tileImageOrigins(ctx.config.mapTiles)],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The API docs page and the app load nothing cross-origin; keep the defaults for the rest.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", (request, reply, done) => {
    applyHeaders(request.raw, reply.raw, (err?: unknown) => done(err === undefined ? undefined : err instanceof Error ? err : new Error("security headers failed")));
  });
}
