import {
  errorResponses,
  joinUnionRequestSchema,
  membershipDecisionSchema,
  membershipSchema,
  myProfileSchema,
  pageOf,
  personDetailSchema,
  personIdSchema,
  personInputSchema,
  personListQuerySchema,
  personPhoneSchema,
  personResidentIdSchema,
  personSchema,
  personUpdateSchema,
  sessionCookie,
  sessionInfoSchema,
  workerRegistrationSchema,
} from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest, cookieOptions } from "../../platform/auth/authHook";
import { sessionInfoOf } from "../../platform/auth/sessionInfo";
import type { AppContext, HttpApp } from "../../platform/context";
import { publicRateLimits } from "../../platform/rateLimit";
import { myProfile, requestToJoin } from "./me";
import { decideMembership, startMembership } from "./memberships";
import { registerWorker } from "./registration";
import { createForActor, getForActor, listForActor, readPersonal, updateForActor } from "./service";

const tags = ["职工 people"];
const idParams = z.object({ id: personIdSchema });
const membershipParams = z.object({ id: z.uuid({ error: "会籍编号格式不正确" }) });

export function peopleRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/people",
    {
      config: { permission: "person.read" },
      schema: { tags, summary: "职工列表(县级按辖区，基层工会按本会会员；身份证号可整号查找)", querystring: personListQuerySchema, response: { 200: pageOf(personSchema) } },
    },
    (request) => listForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/people/:id",
    { config: { permission: "person.read" }, schema: { tags, summary: "职工详情与会籍记录", params: idParams, response: { 200: personDetailSchema, ...errorResponses(404) } } },
    (request) => getForActor(ctx, actorOfRequest(request), request.params.id),
  );

  app.get(
    "/api/people/:id/resident-id",
    {
      config: { permission: "person.readPersonal" },
      schema: { tags, summary: "查看职工身份证号全号(留痕)", params: idParams, response: { 200: personResidentIdSchema, ...errorResponses(404) } },
    },
    async (request) => ({ residentId: (await readPersonal(ctx, actorOfRequest(request), request.params.id, "residentId")) ?? "" }),
  );

  app.get(
    "/api/people/:id/phone",
    {
      config: { permission: "person.readPersonal" },
      schema: { tags, summary: "查看职工手机全号(留痕)", params: idParams, response: { 200: personPhoneSchema, ...errorResponses(404) } },
    },
    async (request) => ({ phone: await readPersonal(ctx, actorOfRequest(request), request.params.id, "phone") }),
  );

  app.post(
    "/api/people",
    {
      config: { permission: "person.write" },
      schema: {
        tags,
        summary: "登记职工(同一身份证号只登记一次；重复时409，可见时给出已有记录编号)",
        body: personInputSchema,
        response: { 201: personSchema, ...errorResponses(400, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await createForActor(ctx, actorOfRequest(request), request.body)),
  );

  app.put(
    "/api/people/:id",
    {
      config: { permission: "person.write" },
      schema: {
        tags,
        summary: "修改职工信息(整体替换；身份证号、手机号不填则保留原值)",
        params: idParams,
        body: personUpdateSchema,
        response: { 200: personDetailSchema, ...errorResponses(400, 403, 404, 409) },
      },
    },
    (request) => updateForActor(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.post(
    "/api/people/:id/memberships",
    {
      config: { permission: "membership.decide" },
      schema: {
        tags,
        summary: "为职工办理入会(直接在会)",
        params: idParams,
        body: joinUnionRequestSchema,
        response: { 201: membershipSchema, ...errorResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await startMembership(ctx, actorOfRequest(request), request.params.id, request.body, "enter")),
  );

  app.patch(
    "/api/memberships/:id",
    {
      config: { permission: "membership.decide" },
      schema: {
        tags,
        summary: "确认或不予通过入会申请；办理转出、失效、退会",
        params: membershipParams,
        body: membershipDecisionSchema,
        response: { 200: membershipSchema, ...errorResponses(400, 404, 409) },
      },
    },
    (request) => decideMembership(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.post(
    "/api/public/register",
    {
      config: { permission: "public", rateLimit: publicRateLimits.register },
      schema: {
        tags,
        summary: "职工注册(手机号+密码，实名+身份证号校验；注册后即登录；按来源地址限流)",
        body: workerRegistrationSchema,
        response: { 201: sessionInfoSchema, ...errorResponses(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const { token, actor } = await registerWorker(ctx, request.body, request.ip);
      void reply.setCookie(sessionCookie, token, cookieOptions(ctx, request));
      return reply.status(201).send(sessionInfoOf(actor, ctx.regions));
    },
  );

  app.get(
    "/api/me",
    { config: { permission: "me.self" }, schema: { tags, summary: "我的：本人职工信息(脱敏)、会籍与推荐加入的工会", response: { 200: myProfileSchema } } },
    (request) => myProfile(ctx, actorOfRequest(request)),
  );

  app.post(
    "/api/me/memberships",
    {
      config: { permission: "me.self" },
      schema: {
        tags,
        summary: "申请加入工会(待工会确认)",
        body: joinUnionRequestSchema,
        response: { 201: membershipSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await requestToJoin(ctx, actorOfRequest(request), request.body)),
  );
}
