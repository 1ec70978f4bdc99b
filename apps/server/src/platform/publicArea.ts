import { publicEntryListSchema, regionNodeSchema, todayInChina, type PublicEntry, type RegionNode } from "@jiangxin/domain";
import type { AppContext, HttpApp } from "./context";
import type { MasterDataModule, Programme } from "./programme";
import { publicRateLimits } from "./rateLimit";

/** Public answers may sit in browsers and proxies this long: what is published changes rarely. */
export const publicMaxAgeSeconds = 300;

/**
 * 公众服务 (no login): GET /api/public/entries lists what programmes and master-data modules publish.
 * Rate limited per address and cacheable (Cache-Control: public); nothing here depends on who asks.
 * Further public endpoints (station finder, results, certificate checks, public indicators) go under
 * /api/public/* with `permission: "public"`, `rateLimit: publicRateLimits.publicRead` and this header.
 */
export function publicAreaRoutes(app: HttpApp, ctx: AppContext, sources: { programmes: readonly Programme[]; modules: readonly MasterDataModule[]; platform?: readonly ((ctx: AppContext) => Promise<PublicEntry[]>)[] }): void {
  app.get(
    "/api/public/entries",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: { tags: ["公众服务 public"], summary: "公众服务：各项目公开发布的内容(无需登录；可缓存)", response: { 200: publicEntryListSchema } },
    },
    async (request, reply) => {
      const entries: PublicEntry[] = [];
      for (const source of sources.platform ?? []) entries.push(...(await source(ctx)));
      for (const m of sources.modules) if (m.publicEntries) entries.push(...(await m.publicEntries(ctx)));
      for (const p of sources.programmes) {
        if (!p.publicEntries) continue;
        for (const e of await p.publicEntries(ctx)) entries.push({ ...e, publisher: p.descriptor.name });
      }
      void reply.header("cache-control", `public, max-age=${publicMaxAgeSeconds}`);
      return { items: entries, generatedAt: ctx.now().toISOString() };
    },
  );

  // The public forms (worker registration) choose a county without logging in: the region tree is public data.
  app.get(
    "/api/public/regions",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: { tags: ["公众服务 public"], summary: "浙江省行政区划树(公开；可缓存)", response: { 200: regionNodeSchema } },
    },
    async (_request, reply) => {
      const on = todayInChina(ctx.now());
      const node = (code: string): RegionNode | undefined => {
        const region = ctx.regions.toRegion(code, on);
        if (!region) return undefined;
        return { ...region, children: ctx.regions.children(code).flatMap((c) => node(c.code) ?? []) };
      };
      const root = node("330000");
      if (!root) throw new Error("region directory has no province");
      void reply.header("cache-control", `public, max-age=${publicMaxAgeSeconds}`);
      return root;
    },
  );
}
