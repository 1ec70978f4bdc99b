import { changePasswordRequestSchema, errorBodySchema, loginRequestSchema, sessionCookie, sessionInfoSchema } from "@jiangxin/domain";
import { z } from "zod";
import { auditActorOf, writeAudit } from "../audit/writeAudit";
import { actorOfRequest, cookieOptions } from "./authHook";
import { sessionInfoOf } from "./sessionInfo";
import { endSession } from "./sessions";
import type { AppContext, HttpApp } from "../context";
import { changePassword } from "./changePassword";
import { login } from "./login";
import { totpRoutes } from "./totp/routes";

const tags = ["认证 auth"];

/**
 * Per client address, all names together: one address cannot walk through every account's free
 * failures (the per-name throttle is in passwordThrottle.ts). Behind a proxy set trustProxy, or every
 * user shares the proxy's address.
 */
const perAddress = (ctx: AppContext) => ({ max: ctx.config.authRateLimit, timeWindow: "1 minute" });

export function authRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    "/api/auth/login",
    {
      config: { permission: "public", rateLimit: perAddress(ctx) },
      schema: { tags, summary: "登录", body: loginRequestSchema, response: { 200: sessionInfoSchema, 401: errorBodySchema, 423: errorBodySchema } },
    },
    async (request, reply) => {
      const { token, actor } = await login(ctx, request.body, request.ip);
      void reply.setCookie(sessionCookie, token, cookieOptions(ctx, request));
      return sessionInfoOf(actor, ctx.regions);
    },
  );

  app.get(
    "/api/auth/me",
    { config: { permission: "session.self" }, schema: { tags, summary: "当前会话", response: { 200: sessionInfoSchema } } },
    async (request) => sessionInfoOf(actorOfRequest(request), ctx.regions),
  );

  app.post(
    "/api/auth/logout",
    { config: { permission: "session.self" }, schema: { tags, summary: "退出登录", response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      await ctx.database.db.transaction(async (tx) => {
        await endSession(tx, actor.session.tokenHash, ctx.now());
        await writeAudit(tx, auditActorOf(actor), { action: "auth.logout", objectType: "user", objectId: actor.userId });
      });
      void reply.clearCookie(sessionCookie, cookieOptions(ctx, request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/password",
    { config: { permission: "session.self", rateLimit: perAddress(ctx) }, schema: { tags, summary: "修改本人密码", body: changePasswordRequestSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await changePassword(ctx, actorOfRequest(request), request.body);
      return reply.status(204).send(null);
    },
  );

  totpRoutes(app, ctx);
}
