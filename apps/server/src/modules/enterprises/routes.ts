import { enterpriseContactSchema, enterpriseInputSchema, enterpriseListQuerySchema, enterpriseSchema, errorBodySchema, pageOf } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../platform/context";
import { createForActor, getForActor, listForActor, readContactPhone } from "./service";

const tags = ["企业 enterprises"];
const idParams = z.object({ id: z.uuid({ error: "企业编号格式不正确" }) });

export function enterpriseRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/enterprises",
    { config: { permission: "enterprise.read" }, schema: { tags, summary: "企业列表(按辖区过滤)", querystring: enterpriseListQuerySchema, response: { 200: pageOf(enterpriseSchema) } } },
    (request) => listForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/enterprises/:id",
    { config: { permission: "enterprise.read" }, schema: { tags, summary: "企业详情", params: idParams, response: { 200: enterpriseSchema, 404: errorBodySchema } } },
    (request) => getForActor(ctx, actorOfRequest(request), request.params.id),
  );

  app.get(
    "/api/enterprises/:id/contact-phone",
    {
      config: { permission: "enterprise.readPersonal" },
      schema: { tags, summary: "查看联系电话全号(留痕)", params: idParams, response: { 200: enterpriseContactSchema, 404: errorBodySchema } },
    },
    async (request) => ({ contactPhone: await readContactPhone(ctx, actorOfRequest(request), request.params.id) }),
  );

  app.post(
    "/api/enterprises",
    {
      config: { permission: "enterprise.write" },
      schema: { tags, summary: "登记企业", body: enterpriseInputSchema, response: { 201: enterpriseSchema, 400: errorBodySchema, 409: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await createForActor(ctx, actorOfRequest(request), request.body)),
  );
}
