import { z } from "zod";
import type { HttpApp } from "./context";

const healthSchema = z.object({ status: z.literal("ok"), uptimeSeconds: z.number() });

/**
 * GET /api/health: the process is up and serving (no database call, so it stays cheap under load and is
 * the reference route of `npm run -s bench:load`). Load balancers and systemd checks poll it.
 */
export function healthRoutes(app: HttpApp): void {
  app.get(
    "/api/health",
    { config: { permission: "public" }, schema: { tags: ["平台 platform"], summary: "服务健康检查", response: { 200: healthSchema } } },
    async () => ({ status: "ok" as const, uptimeSeconds: Math.round(process.uptime()) }),
  );
}
