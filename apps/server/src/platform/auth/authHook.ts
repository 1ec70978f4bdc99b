import { csrfHeader, sessionCookie, type RoutePermission } from "@jiangxin/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import { timingSafeEqual } from "node:crypto";
import { authorize } from "../access";
import type { Actor } from "../actor";
import type { AppContext, HttpApp } from "../context";
import { AppError } from "../errors";
import { actorOf } from "./actorOf";
import { lookupSession } from "./sessions";
import { totpEnrolmentMissing } from "./totp/totp";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Every route declares what it requires; the app refuses to start if one does not. */
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Cross-site requests are refused two ways: the browser's own Origin / Sec-Fetch-Site headers, and
 * for logged-in calls a per-session token the page sends in a header no other site can set.
 */
function checkCrossSite(request: FastifyRequest): void {
  if (request.headers["sec-fetch-site"] === "cross-site") throw new AppError("CSRF_REJECTED", "拒绝跨站请求");
  const origin = request.headers.origin;
  if (origin && origin !== "null") {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError("CSRF_REJECTED", "拒绝跨站请求");
    }
    if (host !== request.headers.host) throw new AppError("CSRF_REJECTED", "拒绝跨站请求");
  } else if (origin === "null") {
    throw new AppError("CSRF_REJECTED", "拒绝跨站请求");
  }
}

/** Secure whenever the answer goes over HTTPS: configured (behind a TLS proxy), or seen on the request itself. */
export function cookieOptions(ctx: AppContext, request: FastifyRequest) {
  return { path: "/", httpOnly: true, sameSite: "strict", secure: ctx.config.cookieSecure || request.protocol === "https" } as const;
}

export function registerAuthHook(app: HttpApp, ctx: AppContext): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) return; // the not-found handler: nothing to protect
    let expired = false;
    const token = request.cookies[sessionCookie];
    if (token) {
      const found = await lookupSession(ctx.database.db, token, ctx.now());
      if (found.ok) {
        request.actor = await actorOf(ctx, found.value, request.ip);
      } else {
        expired = found.reason === "expired";
        void reply.clearCookie(sessionCookie, cookieOptions(ctx, request));
      }
    }
    const unsafe = !safeMethods.has(request.method);
    if (unsafe) checkCrossSite(request);
    if (permission === "public") return;

    const actor = request.actor;
    if (!actor) throw new AppError("UNAUTHENTICATED", expired ? "登录已超时，请重新登录" : "请先登录");
    if (unsafe) {
      const sent = request.headers[csrfHeader];
      if (typeof sent !== "string" || !sameToken(sent, actor.session.csrfToken)) {
        throw new AppError("CSRF_REJECTED", "请求缺少有效的安全令牌，请刷新页面后重试");
      }
    }
    if (actor.mustChangePassword && permission !== "session.self") {
      throw new AppError("PASSWORD_CHANGE_REQUIRED", "首次登录请先修改密码");
    }
    if (permission !== "session.self" && (await totpEnrolmentMissing(ctx, actor))) {
      throw new AppError("TOTP_ENROLMENT_REQUIRED", "省、市级管理员须先绑定动态验证码(双因素认证)");
    }
    authorize(actor, permission);
  });
}

/** The actor of a route that is not public; the hook guarantees it exists. */
export function actorOfRequest(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("UNAUTHENTICATED", "请先登录");
  return request.actor;
}
