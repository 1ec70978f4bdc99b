import {
  errorBodySchema,
  expertAvailabilityUpdateSchema,
  expertInputSchema,
  expertListQuerySchema,
  expertPhoneSchema,
  expertSchema,
  expertSelfAvailabilitySchema,
  expertUpdateSchema,
  pageOf,
} from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../platform/context";
import { createForActor, getForActor, listForActor, readPhone, setAvailability, setOwnAvailability, updateForActor } from "./service";
import { expertExports } from "./expertExports";

const tags = ["劳模工匠库 experts"];
const idParams = z.object({ id: z.uuid({ error: "专家编号格式不正确" }) });

export function expertRoutes(app: HttpApp, ctx: AppContext): void {
  expertExports(app, ctx);
  app.get(
    "/api/experts",
    {
      config: { permission: "expert.read" },
      schema: { tags, summary: "专家库列表(全省共享；专家本人只见自己)", querystring: expertListQuerySchema, response: { 200: pageOf(expertSchema) } },
    },
    (request) => listForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/experts/:id",
    { config: { permission: "expert.read" }, schema: { tags, summary: "专家详情", params: idParams, response: { 200: expertSchema, 404: errorBodySchema } } },
    (request) => getForActor(ctx, actorOfRequest(request), request.params.id),
  );

  app.get(
    "/api/experts/:id/phone",
    {
      config: { permission: "expert.readPersonal" },
      schema: { tags, summary: "查看专家手机全号(留痕；限所在地及上级工会)", params: idParams, response: { 200: expertPhoneSchema, 404: errorBodySchema } },
    },
    async (request) => ({ phone: await readPhone(ctx, actorOfRequest(request), request.params.id) }),
  );

  app.post(
    "/api/experts",
    {
      config: { permission: "expert.write" },
      schema: { tags, summary: "登记专家(所在县须在本辖区)", body: expertInputSchema, response: { 201: expertSchema, 400: errorBodySchema, 403: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await createForActor(ctx, actorOfRequest(request), request.body)),
  );

  app.put(
    "/api/experts/:id",
    {
      config: { permission: "expert.write" },
      schema: {
        tags,
        summary: "修改专家(整体替换；手机号、身份证号不填则保留原值)",
        params: idParams,
        body: expertUpdateSchema,
        response: { 200: expertSchema, 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema },
      },
    },
    (request) => updateForActor(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.patch(
    "/api/experts/:id/availability",
    {
      config: { permission: "expert.write" },
      schema: {
        tags,
        summary: "修改专家可服务状态",
        params: idParams,
        body: expertAvailabilityUpdateSchema,
        response: { 200: expertSchema, 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema },
      },
    },
    (request) => setAvailability(ctx, actorOfRequest(request), request.params.id, request.body.availability),
  );

  // "me", not an id: the expert's own row is whatever access.ts links to the login, so no id can reach another's.
  app.patch(
    "/api/experts/me/availability",
    {
      config: { permission: "expert.selfAvailability" },
      schema: {
        tags,
        summary: "专家本人暂停或恢复服务(出差、生病等；留痕)",
        body: expertSelfAvailabilitySchema,
        response: { 200: expertSchema, 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema },
      },
    },
    (request) => setOwnAvailability(ctx, actorOfRequest(request), request.body),
  );
}
