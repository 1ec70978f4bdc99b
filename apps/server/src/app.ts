import cookie from "@fastify/cookie";
import type { ErrorBody, ImportKind, RoutePermission } from "@jiangxin/domain";
import Fastify from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { attachmentRoutes } from "./platform/attachments";
import { auditRoutes } from "./platform/audit/routes";
import { authRoutes } from "./platform/auth/routes";
import { inboxRoutes } from "./platform/inbox";
import { regionRoutes } from "./platform/regions/routes";
import { publicFiguresEntries } from "./platform/targets/publicFiguresEntry";
import { targetRoutes } from "./platform/targets/routes";
import { masterDataModules } from "./masterData/registry";
import type { ImportSpec } from "./platform/imports/importSpec";
import { importRoutes } from "./platform/imports/routes";
import { myItemsRoutes } from "./platform/myItems";
import { mapTilesRoutes } from "./platform/mapTiles/mapTilesRoutes";
import { publicAreaRoutes } from "./platform/publicArea";
import { programmes } from "./programmes/registry";
import { registerApiDocs } from "./platform/apiDocs";
import { registerAuthHook } from "./platform/auth/authHook";
import type { AppContext, HttpApp } from "./platform/context";
import { registerWriteTracking } from "./platform/db/writeTracking";
import { registerErrorHandler } from "./platform/errorHandler";
import { healthRoutes } from "./platform/healthRoutes";
import { registerIdempotency } from "./platform/idempotency/registerIdempotency";
import { registerLoadShedding } from "./platform/loadShedding";
import { safeValidatorCompiler } from "./platform/safeValidatorCompiler";
import { registerWebApp } from "./platform/webApp";
import { registerRateLimit } from "./platform/rateLimit";
import { registerSecurityHeaders } from "./platform/securityHeaders";
import { registerExportAudit } from "./platform/exportAudit";

export type RouteEntry = { method: string; url: string; permission: RoutePermission | undefined };

export type BuiltApp = { app: HttpApp; routes: RouteEntry[]; servesWeb: boolean };

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024,
    // Client IPs from X-Forwarded-For only when configured behind a proxy; not by default.
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(safeValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // text/plain bodies are the one kind a cross-site form can send without a preflight; the API takes JSON only.
  app.removeContentTypeParser("text/plain");

  const routes: RouteEntry[] = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read the permission lazily: a plugin's own onRoute hook (see apiDocs, webApp) runs after this one.
    for (const method of methods) routes.push({ method, url: route.url, get permission() { return route.config?.permission; } });
  });
  app.addHook("onReady", async () => {
    const undeclared = routes.filter((r) => r.permission === undefined);
    if (undeclared.length > 0) {
      throw new Error(`Routes without a declared permission: ${undeclared.map((r) => `${r.method} ${r.url}`).join(", ")}`);
    }
  });

  // First: a request turned away under overload costs nothing; then every later hook sees the request's writes.
  if (ctx.config.loadShedding) await registerLoadShedding(app, ctx);
  registerWriteTracking(app, ctx.database.db);
  await app.register(cookie);
  await registerSecurityHeaders(app, ctx);
  await registerRateLimit(app);
  registerErrorHandler(app);
  await registerApiDocs(app);
  registerAuthHook(app, ctx);
  registerExportAudit(app, ctx);
  registerIdempotency(app, ctx);

  authRoutes(app, ctx);
  healthRoutes(app);
  regionRoutes(app, ctx);
  auditRoutes(app, ctx);
  inboxRoutes(app, ctx);
  attachmentRoutes(app, ctx, programmes.flatMap((p) => p.attachmentOwners ?? []));
  for (const m of masterDataModules) m.routes(app, ctx);
  for (const p of programmes) p.routes(app, ctx);
  myItemsRoutes(app, ctx, programmes);
  publicAreaRoutes(app, ctx, { programmes, modules: masterDataModules, platform: [publicFiguresEntries] });
  mapTilesRoutes(app, ctx);
  targetRoutes(app, ctx, programmes);
  const importSpecs: Partial<Record<ImportKind, ImportSpec<never>>> = {};
  for (const m of [...masterDataModules, ...programmes]) Object.assign(importSpecs, m.imports);
  importRoutes(app, ctx, importSpecs);

  const servesWeb = await registerWebApp(app, ctx.config.webDist);
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api/") && !request.url.startsWith("/docs");
    if (servesWeb && isPage) return reply.type("text/html").sendFile("index.html");
    const body: ErrorBody = { code: "NOT_FOUND", message: `接口不存在：${request.method} ${request.url.split("?")[0]}` };
    return reply.status(404).send(body);
  });
  return { app, routes, servesWeb };
}
