import { permissions } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/testApp";

describe("route table", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite", { JIANGXIN_WEB_DIST: "apps/server/src" /* any folder with no index.html */ });
  });
  afterAll(() => t.close());

  it("every registered route declares a permission the domain knows", () => {
    expect(t.routes.length).toBeGreaterThan(10);
    const known = new Set<string>([...permissions, "public"]);
    const bad = t.routes.filter((r) => r.permission === undefined || !known.has(r.permission));
    expect(bad.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it("only login, the health check, the public area (/api/public/…), the API docs and static files are public", () => {
    const publicApi = t.routes.filter((r) => r.permission === "public" && r.url.startsWith("/api/"));
    const outsidePublicArea = publicApi.filter((r) => !r.url.startsWith("/api/public/"));
    expect(outsidePublicArea.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /api/auth/login", "GET /api/health", "HEAD /api/health"]);
    expect(publicApi.map((r) => `${r.method} ${r.url}`)).toContain("GET /api/public/dashboard");
  });

  it("serves OpenAPI generated from the zod schemas at /docs/json", async () => {
    const res = await t.app.inject({ method: "GET", url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/auth/login", "/api/enterprises", "/api/regions/tree"]));
    // The request body schema comes from enterpriseInputSchema: its USCC field is there.
    expect(JSON.stringify(doc.paths["/api/enterprises"]?.post?.requestBody)).toContain("uscc");
    const ui = await t.app.inject({ method: "GET", url: "/docs" });
    expect(ui.statusCode).toBeLessThan(400);
  });

  it("refuses to start when a route forgets its permission", async () => {
    const { buildApp } = await import("../app");
    const built = await buildApp(t.ctx, { logger: false });
    built.app.get("/api/forgotten", async () => ({ ok: true }));
    await expect(built.app.ready()).rejects.toThrow(/without a declared permission: GET \/api\/forgotten/);
  });
});
