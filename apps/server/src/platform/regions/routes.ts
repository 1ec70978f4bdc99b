import { regionCodeSchema, type RegionNode, regionNodeSchema, regionSchema, regionTreeQuerySchema, todayInChina } from "@jiangxin/domain";
import { z } from "zod";
import type { AppContext, HttpApp } from "../context";
import { notFound } from "../errors";

const tags = ["行政区划 regions"];

export function regionRoutes(app: HttpApp, ctx: AppContext): void {
  const tree = (code: string, on: string): RegionNode | undefined => {
    const region = ctx.regions.toRegion(code, on);
    if (!region) return undefined;
    const children = ctx.regions.children(code).flatMap((c) => tree(c.code, on) ?? []);
    return { ...region, children };
  };

  // Region names, seats and priority flags are public reference data, so every role reads the whole tree;
  // what is scoped is the records located in regions.
  app.get(
    "/api/regions/tree",
    { config: { permission: "region.read" }, schema: { tags, summary: "浙江省行政区划树(含重点县标记)", querystring: regionTreeQuerySchema, response: { 200: regionNodeSchema } } },
    async (request) => {
      const root = tree("330000", request.query.on ?? todayInChina(ctx.now()));
      if (!root) throw notFound("行政区划");
      return root;
    },
  );

  app.get(
    "/api/regions/:code",
    {
      config: { permission: "region.read" },
      schema: { tags, summary: "单个行政区划", params: z.object({ code: regionCodeSchema }), querystring: regionTreeQuerySchema, response: { 200: regionSchema } },
    },
    async (request) => {
      const region = ctx.regions.toRegion(request.params.code, request.query.on ?? todayInChina(ctx.now()));
      if (!region) throw notFound("行政区划");
      return region;
    },
  );
}
