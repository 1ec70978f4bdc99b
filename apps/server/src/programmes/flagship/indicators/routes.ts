import { indicatorsQuerySchema, indicatorsSchema } from "@jiangxin/domain";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { getCampaign } from "../campaigns/service";
import { computeIndicators } from "./computeIndicators";
import { countiesFor } from "../../../platform/countiesFor";

export function indicatorRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/indicators",
    {
      config: { permission: "indicators.read" },
      schema: { tags: ["统计 indicators"], summary: "劳模工匠助企行年度指标(按年度、区域、专项行动)", querystring: indicatorsQuerySchema, response: { 200: indicatorsSchema } },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { year, regionCode, campaignId } = request.query;
      const counties = countiesFor(actor, ctx.regions, regionCode);
      if (campaignId) await getCampaign(ctx, actor, campaignId); // 404 for a campaign the actor may not see
      const figures = await computeIndicators(ctx.database.db, { year, counties, campaignId });
      return { ...figures, regionCode: regionCode ?? actor.regionCode ?? "330000" };
    },
  );
}
