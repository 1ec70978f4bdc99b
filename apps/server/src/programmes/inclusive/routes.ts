import {
  dailyRedemptionsSchema,
  errorBodySchema,
  inclusiveFiguresQuerySchema,
  inclusiveFiguresSchema,
  myVouchersSchema,
  redemptionPointInputSchema,
  redemptionPointListSchema,
  todayInChina,
  voucherIssueResultSchema,
  voucherIssueSchema,
  voucherRedeemResultSchema,
  voucherRedeemSchema,
} from "@jiangxin/domain";
import { actorOfRequest } from "../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../platform/context";
import { computeInclusiveFigures } from "./figures";
import { addPoint, myPoints } from "./points";
import { dailyRedemptions, issueVouchers, myVouchers, redeemVoucher } from "./vouchers";

const tags = ["普惠服务 inclusive"];

export function inclusiveRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/inclusive/figures",
    {
      config: { permission: "inclusive.read" },
      schema: { tags, summary: "9+X统计：会员按县、职业、平台、建会方式；新入会按月；各项目与各县参与率对照目标", querystring: inclusiveFiguresQuerySchema, response: { 200: inclusiveFiguresSchema, 400: errorBodySchema } },
    },
    (request) => computeInclusiveFigures(ctx, actorOfRequest(request), { year: request.query.year ?? Number(todayInChina(ctx.now()).slice(0, 4)), regionCode: request.query.regionCode }),
  );

  app.post(
    "/api/inclusive/vouchers/issue",
    {
      config: { permission: "inclusive.issue" },
      schema: { tags, summary: "向在会会员发放爱心午餐券(工会发给本会会员，工作人员发给辖区会员)", body: voucherIssueSchema, response: { 201: voucherIssueResultSchema, 400: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await issueVouchers(ctx, actorOfRequest(request), request.body)),
  );

  app.get(
    "/api/inclusive/vouchers/daily",
    { config: { permission: "inclusive.issue" }, schema: { tags, summary: "近30天每日核销份数与各网点核销数", response: { 200: dailyRedemptionsSchema } } },
    (request) => dailyRedemptions(ctx, actorOfRequest(request)),
  );

  app.post(
    "/api/inclusive/vouchers/redeem",
    {
      config: { permission: "inclusive.redeem" },
      schema: {
        tags,
        summary: "扫码核销餐券(每张只能核销一次；并发扫码只有一次成功)",
        body: voucherRedeemSchema,
        response: { 200: voucherRedeemResultSchema, 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    (request) => redeemVoucher(ctx, actorOfRequest(request), request.body.code),
  );

  app.get(
    "/api/inclusive/points",
    { config: { permission: "inclusive.redeem" }, schema: { tags, summary: "本工会的合作食堂、驿站", response: { 200: redemptionPointListSchema } } },
    async (request) => ({ items: await myPoints(ctx, actorOfRequest(request)) }),
  );

  app.post(
    "/api/inclusive/points",
    {
      config: { permission: "inclusive.redeem" },
      schema: { tags, summary: "登记本工会的合作食堂或驿站", body: redemptionPointInputSchema, response: { 201: redemptionPointListSchema, 400: errorBodySchema, 403: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send({ items: await addPoint(ctx, actorOfRequest(request), request.body) }),
  );

  app.get(
    "/api/me/vouchers",
    { config: { permission: "me.self" }, schema: { tags, summary: "我的餐券", response: { 200: myVouchersSchema } } },
    (request) => myVouchers(ctx, actorOfRequest(request)),
  );
}
