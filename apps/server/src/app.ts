import cookie from "@fastify/cookie";
import type { ErrorBody, RoutePermission } from "@jiangxin/domain";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { auditRoutes } from "./modules/audit/routes";
import { authRoutes } from "./modules/auth/routes";
import { campaignRoutes } from "./modules/campaigns/routes";
import { importRoutes } from "./modules/imports/routes";
import { indicatorRoutes } from "./modules/indicators/routes";
import { statsExportRoutes } from "./modules/stats/statsExports";
import { statsRoutes } from "./modules/stats/routes";
import { outcomeRoutes } from "./modules/outcomes/routes";
import { enterpriseRoutes } from "./modules/enterprises/routes";
import { problemRoutes } from "./modules/problems/routes";
import { expertRoutes } from "./modules/experts/routes";
import { planningRoutes } from "./modules/planning/routes";
import { regionRoutes } from "./modules/regions/routes";
import { serviceSessionRoutes } from "./modules/serviceSessions/routes";
import { agreementRoutes } from "./modules/agreements/routes";
import { trainingRoutes } from "./modules/trainings/routes";
import { registerApiDocs } from "./platform/apiDocs";
import { registerAuthHook } from "./platform/auth/authHook";
import type { AppContext, HttpApp } from "./platform/context";
import { registerErrorHandler } from "./platform/errorHandler";
import { registerWebApp } from "./platform/webApp";

export type RouteEntry = { method: string; url: string; permission: RoutePermission | undefined };

export type BuiltApp = { app: HttpApp; routes: RouteEntry[]; servesWeb: boolean };

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024,
    // Client IPs from X-Forwarded-For only when configured behind a proxy; not by default.
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
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

  await app.register(cookie);
  registerErrorHandler(app);
  await registerApiDocs(app);
  registerAuthHook(app, ctx);

  authRoutes(app, ctx);
  regionRoutes(app, ctx);
  enterpriseRoutes(app, ctx);
  serviceSessionRoutes(app, ctx);
  agreementRoutes(app, ctx);
  trainingRoutes(app, ctx);
  problemRoutes(app, ctx);
  expertRoutes(app, ctx);
  planningRoutes(app, ctx);
  auditRoutes(app, ctx);
  campaignRoutes(app, ctx);
  indicatorRoutes(app, ctx);
  statsRoutes(app, ctx);
  statsExportRoutes(app, ctx);
  outcomeRoutes(app, ctx);
  importRoutes(app, ctx);

  const servesWeb = await registerWebApp(app, ctx.config.webDist);
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api/") && !request.url.startsWith("/docs");
    if (servesWeb && isPage) return reply.type("text/html").sendFile("index.html");
    const body: ErrorBody = { code: "NOT_FOUND", message: `接口不存在：${request.method} ${request.url.split("?")[0]}` };
    return reply.status(404).send(body);
  });
  return { app, routes, servesWeb };
}
