import { mapTilesAnswerSchema } from "@jiangxin/domain";
import type { AppContext, HttpApp } from "../context";
import { publicMaxAgeSeconds } from "../publicArea";
import { publicRateLimits } from "../rateLimit";

/**
 * GET /api/public/map-tiles: the tile base map the browser draws (no login; the finder is public).
 * Only what a browser needs: layer URL templates (a 天地图 key is a browser-side key, in every tile URL
 * anyway), the datum, the zoom limit and the attribution; null when none is configured.
 */
export function mapTilesRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/public/map-tiles",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: { tags: ["公众服务 public"], summary: "地图底图(瓦片)设置：未配置时为 null，地图只画离线的县界(无需登录；可缓存)", response: { 200: mapTilesAnswerSchema } },
    },
    async (_request, reply) => {
      void reply.header("cache-control", `public, max-age=${publicMaxAgeSeconds}`);
      return { tiles: ctx.config.mapTiles };
    },
  );
}
