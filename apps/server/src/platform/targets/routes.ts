import {
  dashboardBreakdownQuerySchema,
  dashboardBreakdownSchema,
  dashboardQuerySchema,
  dashboardSchema,
  indicatorCatalogSchema,
  publicationInputSchema,
  publicDashboardSchema,
  targetApproveInputSchema,
  targetSplitInputSchema,
  targetSplitQuerySchema,
  targetSplitSchema,
} from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../auth/authHook";
import { auditActorOf, writeAudit } from "../audit/writeAudit";
import type { AppContext, HttpApp } from "../context";
import type { Programme } from "../programme";
import { publicMaxAgeSeconds } from "../publicArea";
import { publicRateLimits } from "../rateLimit";
import { dashboardService } from "./dashboardService";
import { indicatorPublications } from "./tables";
import { approveSplit, getSplit, indicatorOf, saveSplit } from "./targetService";

const tags = ["年度目标与驾驶舱 targets"];

/** Public figures may sit in browsers and proxies like the rest of the public area; they change slowly and anyone may ask. */
const publicCacheControl = `public, max-age=${publicMaxAgeSeconds}`;

/**
 * Annual targets, the 驾驶舱 and its public version. The programmes come from app.ts's registry:
 * this platform service imports none of them.
 */
export function targetRoutes(app: HttpApp, ctx: AppContext, programmes: readonly Programme[]): void {
  const service = dashboardService(ctx, programmes);
  const { indicators } = service;

  app.get(
    "/api/targets/indicators",
    { config: { permission: "target.read" }, schema: { tags, summary: "可设目标的指标(按项目)", response: { 200: indicatorCatalogSchema } } },
    async () =>
      programmes.map((p) => ({
        programmeId: p.descriptor.id,
        programmeName: p.descriptor.name,
        indicators: p.descriptor.indicators.map((i) => ({ key: i.key, label: i.label, unit: i.unit, definition: i.definition, recordsPath: i.recordsPath ?? null })),
      })),
  );

  app.get(
    "/api/targets/split",
    { config: { permission: "target.read" }, schema: { tags, summary: "一个地区的目标及其下级分解", querystring: targetSplitQuerySchema, response: { 200: targetSplitSchema } } },
    async (request) => getSplit(ctx, actorOfRequest(request), indicators, request.query),
  );

  app.put(
    "/api/targets/split",
    { config: { permission: "target.write" }, schema: { tags, summary: "保存下级目标分解(草案)", body: targetSplitInputSchema, response: { 200: targetSplitSchema } } },
    async (request) => saveSplit(ctx, actorOfRequest(request), indicators, request.body),
  );

  app.post(
    "/api/targets/approve",
    { config: { permission: "target.approve" }, schema: { tags, summary: "批准一个地区及其下级的目标草案", body: targetApproveInputSchema, response: { 200: targetSplitSchema } } },
    async (request) => approveSplit(ctx, actorOfRequest(request), indicators, request.body),
  );

  app.put(
    "/api/targets/publications",
    {
      config: { permission: "target.approve" },
      schema: { tags, summary: "公开或撤下一项指标(公众数据页)", body: publicationInputSchema, response: { 200: z.object({ indicatorKey: z.string(), year: z.number(), published: z.boolean() }) } },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { indicatorKey, year, published } = request.body;
      indicatorOf(indicators, indicatorKey);
      await ctx.database.db.transaction(async (tx) => {
        const values = { indicatorKey, year, published, updatedBy: actor.userId, updatedAt: ctx.now() };
        await tx.insert(indicatorPublications).values(values).onConflictDoUpdate({ target: [indicatorPublications.indicatorKey, indicatorPublications.year], set: values });
        await writeAudit(tx, auditActorOf(actor), { action: published ? "indicator.publish" : "indicator.unpublish", objectType: "indicator", objectId: indicatorKey, detail: { year } });
      });
      return { indicatorKey, year, published };
    },
  );

  app.get(
    "/api/dashboard",
    { config: { permission: "dashboard.read" }, schema: { tags, summary: "驾驶舱：各项目指标对照年度目标(本辖区)", querystring: dashboardQuerySchema, response: { 200: dashboardSchema } } },
    async (request) => service.dashboard(actorOfRequest(request), request.query.year ?? service.thisYear()),
  );

  app.get(
    "/api/dashboard/:key",
    {
      config: { permission: "dashboard.read" },
      schema: {
        tags,
        summary: "一项指标按下级地区分解",
        params: z.object({ key: z.string().max(80) }),
        querystring: dashboardBreakdownQuerySchema,
        response: { 200: dashboardBreakdownSchema },
      },
    },
    async (request) => service.breakdown(actorOfRequest(request), request.params.key, request.query.year ?? service.thisYear(), request.query.regionCode),
  );

  app.get(
    "/api/public/dashboard",
    { config: { permission: "public", rateLimit: publicRateLimits.publicRead }, schema: { tags, summary: "公开的全省指标(无需登录，限流，可缓存)", querystring: dashboardQuerySchema, response: { 200: publicDashboardSchema } } },
    async (request, reply) => {
      const body = await service.publicDashboard(request.query.year ?? service.thisYear());
      void reply.header("cache-control", publicCacheControl);
      return body;
    },
  );
}
