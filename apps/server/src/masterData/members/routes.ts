import {
  benefitItemInputSchema,
  benefitItemListSchema,
  benefitItemSchema,
  benefitItemUpdateSchema,
  errorResponses,
  ledgerEntrySchema,
  ledgerRecordInputSchema,
  memberCardCheckSchema,
  memberSchema,
  memberTransferResultSchema,
  memberTransferSchema,
  myMembershipSchema,
  personIdSchema,
} from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { publicRateLimits } from "../../platform/rateLimit";
import { checkCard } from "./cards";
import { addLocalItem, enterTransfer, listItems, memberForStaff, myMembership, recordByHand, requestTransfer, updateLocalItem } from "./service";

const tags = ["会员 members"];
const personParams = z.object({ personId: personIdSchema });

export function memberRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/me/membership",
    { config: { permission: "me.self" }, schema: { tags, summary: "我的会员：电子会员证(首次查看时发证)、会籍历史与本人普惠服务台账", response: { 200: myMembershipSchema } } },
    (request) => myMembership(ctx, actorOfRequest(request)),
  );

  app.post(
    "/api/me/membership/transfer",
    {
      config: { permission: "me.self" },
      schema: {
        tags,
        summary: "会员转会：更换平台或工作城市，转入新工会(待新工会确认；会员号不变)",
        body: memberTransferSchema,
        response: { 200: memberTransferResultSchema, ...errorResponses(400, 404, 409) },
      },
    },
    (request) => requestTransfer(ctx, actorOfRequest(request), request.body),
  );

  app.get(
    "/api/members/:personId",
    {
      config: { permission: "member.read" },
      schema: { tags, summary: "会员详情：状态、会籍历史与普惠服务台账", params: personParams, response: { 200: z.object({ member: memberSchema, ledger: z.array(ledgerEntrySchema) }), ...errorResponses(404) } },
    },
    (request) => memberForStaff(ctx, actorOfRequest(request), request.params.personId),
  );

  app.post(
    "/api/members/:personId/transfer",
    {
      config: { permission: "member.write" },
      schema: {
        tags,
        summary: "为会员办理转会(转入地工作人员办理，直接在会)",
        params: personParams,
        body: memberTransferSchema,
        response: { 200: memberTransferResultSchema, ...errorResponses(400, 403, 404, 409) },
      },
    },
    (request) => enterTransfer(ctx, actorOfRequest(request), request.params.personId, request.body),
  );

  app.post(
    "/api/members/ledger",
    {
      config: { permission: "member.write" },
      schema: {
        tags,
        summary: "登记一次普惠服务(体检、走访等)：记入会员台账，按享受条件与年度上限校验",
        body: ledgerRecordInputSchema,
        response: { 201: z.object({ entryId: z.string(), created: z.boolean() }), ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await recordByHand(ctx, actorOfRequest(request), request.body)),
  );

  app.get(
    "/api/benefit-items",
    { config: { permission: "member.read" }, schema: { tags, summary: "普惠服务项目(9项标准+本地X项)", response: { 200: benefitItemListSchema } } },
    async () => ({ items: await listItems(ctx.database.db) }),
  );

  app.post(
    "/api/benefit-items",
    {
      config: { permission: "benefitItem.write" },
      schema: { tags, summary: "新增本地普惠服务项目(X项)", body: benefitItemInputSchema, response: { 201: benefitItemSchema, ...errorResponses(400, 403, 409) } },
    },
    async (request, reply) => reply.status(201).send(await addLocalItem(ctx, actorOfRequest(request), request.body)),
  );

  app.put(
    "/api/benefit-items/:code",
    {
      config: { permission: "benefitItem.write" },
      schema: {
        tags,
        summary: "修改本辖区的本地普惠服务项目(名称、享受条件、年度次数上限、启用)",
        params: z.object({ code: z.string().regex(/^[a-z][a-zA-Z0-9]{1,30}$/, "项目代码格式不正确") }),
        body: benefitItemUpdateSchema,
        response: { 200: benefitItemSchema, ...errorResponses(400, 403, 404) },
      },
    },
    (request) => updateLocalItem(ctx, actorOfRequest(request), request.params.code, request.body),
  );

  app.get(
    "/api/public/member-cards/:token",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: {
        tags: ["公众服务 public"],
        summary: "会员证核验：扫码查看脱敏姓名、会员号与会籍状态(不缓存)",
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/, "会员证二维码无效") }),
        response: { 200: memberCardCheckSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const check = await checkCard(ctx.database.db, request.params.token, ctx.now());
      if (!check) throw notFound("会员证");
      // The status is the point of a check: never served from a cache.
      void reply.header("cache-control", "no-store");
      return check;
    },
  );
}
