import { enterpriseContactSchema, enterpriseCorrectionListSchema, enterpriseCorrectionSchema, enterpriseInputSchema, enterpriseListQuerySchema, enterpriseSchema, enterpriseSizeLabels, errorBodySchema, industrySections, pageOf } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../platform/context";
import { exportList } from "../../platform/exportList";
import { correctEnterprise, enterpriseCorrectionsFor } from "./correctEnterprise";
import { createForActor, getForActor, listForActor, readContactPhone } from "./service";

const tags = ["企业 enterprises"];
const idParams = z.object({ id: z.uuid({ error: "企业编号格式不正确" }) });

export function enterpriseRoutes(app: HttpApp, ctx: AppContext): void {
  exportList(app, {
    url: "/api/enterprises/export",
    permission: "enterprise.read",
    tags,
    summary: "企业名录",
    querystring: enterpriseListQuerySchema,
    filename: () => "企业名录.xlsx",
    list: (actor, query) => listForActor(ctx, actor, query),
    columns: [
      { header: "企业名称", width: 36, value: (e) => e.name },
      { header: "统一社会信用代码", width: 22, value: (e) => e.uscc },
      { header: "行业", width: 24, value: (e) => `${e.industry} ${industrySections[e.industry]}` },
      { header: "所在市", value: (e) => e.cityName },
      { header: "所在县(市、区)", value: (e) => e.countyName },
      { header: "规模", value: (e) => enterpriseSizeLabels[e.size] },
      { header: "非公企业", value: (e) => (e.nonPublic ? "是" : "否") },
      { header: "联系人", value: (e) => e.contactName },
      // Exports leave the system, so they carry the masked number only.
      { header: "联系电话(脱敏)", width: 16, value: (e) => e.contactPhoneMasked },
    ],
  });

  app.get(
    "/api/enterprises",
    { config: { permission: "enterprise.read" }, schema: { tags, summary: "企业列表(按辖区过滤)", querystring: enterpriseListQuerySchema, response: { 200: pageOf(enterpriseSchema) } } },
    (request) => listForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/enterprises/:id",
    { config: { permission: "enterprise.detail" }, schema: { tags, summary: "企业详情(专家：所服务的企业)", params: idParams, response: { 200: enterpriseSchema, 404: errorBodySchema } } },
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

  app.post(
    "/api/enterprises/:id/correct",
    {
      config: { permission: "enterprise.write" },
      schema: {
        tags,
        summary: "更正企业信息(须填理由，保留更正前后)",
        params: idParams,
        body: enterpriseCorrectionSchema,
        response: { 200: enterpriseSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    (request) => correctEnterprise(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.get(
    "/api/enterprises/:id/corrections",
    { config: { permission: "enterprise.detail" }, schema: { tags, summary: "企业的更正记录", params: idParams, response: { 200: enterpriseCorrectionListSchema, 404: errorBodySchema } } },
    async (request) => {
      // Readable by whoever may open the firm: the detail's scope answers 404 for anyone else.
      await getForActor(ctx, actorOfRequest(request), request.params.id);
      return enterpriseCorrectionsFor(ctx.database.db, request.params.id);
    },
  );
}
