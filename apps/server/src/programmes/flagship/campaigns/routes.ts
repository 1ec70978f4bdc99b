import { campaignInputSchema, campaignRegionsSchema, campaignSchema, errorBodySchema } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { campaignRegions } from "./campaignRegions";
import { campaignRegionsExportRoute } from "./campaignRegionsExport";
import { createCampaign, getCampaign, listCampaigns } from "./service";

const tags = ["专项行动 campaigns"];

export function campaignRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/campaigns",
    {
      config: { permission: "campaign.read" },
      schema: { tags, summary: "专项行动列表(含进度)", querystring: z.object({ year: z.coerce.number().int().min(2015).max(2100).optional() }), response: { 200: z.array(campaignSchema) } },
    },
    (request) => listCampaigns(ctx, actorOfRequest(request), request.query.year),
  );
  app.get(
    "/api/campaigns/:id",
    { config: { permission: "campaign.read" }, schema: { tags, summary: "专项行动详情", params: z.object({ id: z.uuid({ error: "编号格式不正确" }) }), response: { 200: campaignSchema, 404: errorBodySchema } } },
    (request) => getCampaign(ctx, actorOfRequest(request), request.params.id),
  );
  app.get(
    "/api/campaigns/:id/regions",
    {
      config: { permission: "campaign.read" },
      schema: { tags, summary: "专项行动各县进度(对照平均分配的目标，落后在前)", params: z.object({ id: z.uuid({ error: "编号格式不正确" }) }), response: { 200: campaignRegionsSchema, 404: errorBodySchema } },
    },
    (request) => campaignRegions(ctx, actorOfRequest(request), request.params.id),
  );
  campaignRegionsExportRoute(app, ctx);
  app.post(
    "/api/campaigns",
    { config: { permission: "campaign.write" }, schema: { tags, summary: "设立专项行动", body: campaignInputSchema, response: { 201: campaignSchema, 400: errorBodySchema } } },
    async (request, reply) => reply.status(201).send(await createCampaign(ctx, actorOfRequest(request), request.body)),
  );
}
