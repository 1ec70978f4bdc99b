import fastifyStatic from "@fastify/static";
import { existsSync } from "node:fs";
import path from "node:path";
import type { HttpApp } from "./context";

/** Serves the built web app; unknown non-API paths get index.html so the client router can take them. */
export async function registerWebApp(app: HttpApp, webDist: string): Promise<boolean> {
  if (!existsSync(path.join(webDist, "index.html"))) return false;
  await app.register(async (web) => {
    web.addHook("onRoute", (route) => {
      route.config = { ...route.config, permission: "public" };
    });
    await web.register(fastifyStatic, { root: webDist, prefix: "/", index: "index.html", wildcard: true });
  });
  return true;
}
