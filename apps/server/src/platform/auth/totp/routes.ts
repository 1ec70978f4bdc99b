import { totpConfirmSchema, totpEnrolmentSchema, totpStatusSchema } from "@jiangxin/domain";
import type { AppContext, HttpApp } from "../../context";
import { actorOfRequest } from "../authHook";
import { confirmTotp, enrolTotp, totpStatus } from "./totp";

const tags = ["认证 auth"];

/** The account's own TOTP second factor: status, enrolment (QR code), confirmation with a first code. */
export function totpRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/auth/totp",
    { config: { permission: "session.self" }, schema: { tags, summary: "动态验证码(双因素)状态", response: { 200: totpStatusSchema } } },
    (request) => totpStatus(ctx, actorOfRequest(request)),
  );
  app.post(
    "/api/auth/totp/enrol",
    { config: { permission: "session.self" }, schema: { tags, summary: "开始绑定动态验证码(返回二维码)", response: { 200: totpEnrolmentSchema } } },
    (request) => enrolTotp(ctx, actorOfRequest(request)),
  );
  app.post(
    "/api/auth/totp/confirm",
    { config: { permission: "session.self" }, schema: { tags, summary: "输入首个动态验证码完成绑定", body: totpConfirmSchema, response: { 200: totpStatusSchema } } },
    (request) => confirmTotp(ctx, actorOfRequest(request), request.body.code),
  );
}
