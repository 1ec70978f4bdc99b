import {
  errorBodySchema,
  pageOf,
  unionCoverageQuerySchema,
  unionCoverageSchema,
  unionDetailSchema,
  unionFormationLabels,
  unionInputSchema,
  unionKindLabels,
  unionListQuerySchema,
  unionPatchSchema,
  unionSchema,
} from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../platform/context";
import { exportList } from "../../platform/exportList";
import { unionCoverage } from "./coverage";
import { createForActor, getForActor, listForActor, updateForActor } from "./service";

const tags = ["工会组织 unions"];
const idParams = z.object({ id: z.uuid({ error: "工会编号格式不正确" }) });

export function unionRoutes(app: HttpApp, ctx: AppContext): void {
  exportList(app, {
    url: "/api/unions/export",
    permission: "union.read",
    tags,
    summary: "工会组织名录",
    querystring: unionListQuerySchema,
    filename: () => "工会组织名录.xlsx",
    list: (actor, query) => listForActor(ctx, actor, query),
    columns: [
      { header: "工会名称", width: 36, value: (u) => u.name },
      { header: "类别", width: 16, value: (u) => unionKindLabels[u.kind] },
      { header: "建会方式", value: (u) => (u.formation ? unionFormationLabels[u.formation] : "") },
      { header: "所在区划", value: (u) => u.regionName },
      { header: "上级工会", width: 30, value: (u) => u.parentName ?? "" },
      { header: "成立日期", value: (u) => u.foundedOn ?? "" },
      { header: "工会主席", value: (u) => u.chairName ?? "" },
      { header: "会员人数", value: (u) => u.memberCount },
      { header: "覆盖企业数", value: (u) => u.enterpriseCount },
    ],
  });

  app.get(
    "/api/unions",
    {
      config: { permission: "union.read" },
      schema: { tags, summary: "工会组织列表(按辖区过滤；parentId 取某工会的下级，用于逐级展开)", querystring: unionListQuerySchema, response: { 200: pageOf(unionSchema) } },
    },
    (request) => listForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/unions/coverage",
    {
      config: { permission: "union.coverage" },
      schema: { tags, summary: "建会率：按县(市、区)统计的企业被基层工会覆盖的比例(附口径)", querystring: unionCoverageQuerySchema, response: { 200: unionCoverageSchema, 400: errorBodySchema } },
    },
    (request) => unionCoverage(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/unions/:id",
    { config: { permission: "union.read" }, schema: { tags, summary: "工会组织详情(覆盖企业、下级工会)", params: idParams, response: { 200: unionDetailSchema, 404: errorBodySchema } } },
    (request) => getForActor(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    "/api/unions",
    {
      config: { permission: "union.write" },
      schema: { tags, summary: "新建产业工会或基层工会", body: unionInputSchema, response: { 201: unionDetailSchema, 400: errorBodySchema, 403: errorBodySchema, 409: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await createForActor(ctx, actorOfRequest(request), request.body)),
  );

  app.patch(
    "/api/unions/:id",
    {
      config: { permission: "union.write" },
      schema: {
        tags,
        summary: "修改工会组织(总工会的上级与区划不可改)",
        params: idParams,
        body: unionPatchSchema,
        response: { 200: unionDetailSchema, 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    (request) => updateForActor(ctx, actorOfRequest(request), request.params.id, request.body),
  );
}
