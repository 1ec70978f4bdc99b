import {
  statsByRegionQuerySchema,
  statsByRegionSchema,
  statsCountyParamsSchema,
  statsCountyQuerySchema,
  statsEnterprisePageSchema,
  statsMonthlySchema,
  statsQuerySchema,
  statsSessionPageSchema,
  statsSummarySchema,
} from "@jiangxin/domain";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { countyEnterprises, countySessions } from "./countyLists";
import { statsByRegion, statsMonthly, statsSummary } from "./service";

const tags = ["统计 stats"];

/** The statistics pages' API (docs/statistics.md): the indicators sliced by year, month, region and county. */
export function statsRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/stats/summary",
    { config: { permission: "indicators.read" }, schema: { tags, summary: "年度六项指标与上年同期", querystring: statsQuerySchema, response: { 200: statsSummarySchema } } },
    async (request) => statsSummary(ctx, actorOfRequest(request), request.query),
  );
  app.get(
    "/api/stats/monthly",
    { config: { permission: "indicators.read" }, schema: { tags, summary: "按月指标(12个月)", querystring: statsQuerySchema, response: { 200: statsMonthlySchema } } },
    async (request) => statsMonthly(ctx, actorOfRequest(request), request.query),
  );
  app.get(
    "/api/stats/by-region",
    { config: { permission: "indicators.read" }, schema: { tags, summary: "下级区域(或全部县)指标，供地图与下钻表", querystring: statsByRegionQuerySchema, response: { 200: statsByRegionSchema } } },
    async (request) => statsByRegion(ctx, actorOfRequest(request), request.query),
  );
  app.get(
    "/api/stats/county/:code/enterprises",
    {
      config: { permission: "indicators.read" },
      schema: { tags, summary: "县(市、区)年度服务企业明细", params: statsCountyParamsSchema, querystring: statsCountyQuerySchema, response: { 200: statsEnterprisePageSchema } },
    },
    async (request) => countyEnterprises(ctx, actorOfRequest(request), request.params.code, request.query),
  );
  app.get(
    "/api/stats/county/:code/sessions",
    {
      config: { permission: "indicators.read" },
      schema: { tags, summary: "县(市、区)年度服务场次明细", params: statsCountyParamsSchema, querystring: statsCountyQuerySchema, response: { 200: statsSessionPageSchema } },
    },
    async (request) => countySessions(ctx, actorOfRequest(request), request.params.code, request.query),
  );
}
