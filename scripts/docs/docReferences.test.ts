import path from "node:path";
import { describe, expect, it } from "vitest";
import { backtickedSpans, pageExists, pageOf, pathExists, pathOf, routeExists, routeOf, staleReferences } from "./docReferences";

const repo = path.resolve(import.meta.dirname, "../..");

describe("what the docs name", () => {
  it("exists: every backticked file, folder, API route and page in docs/*.md and README.md", () => {
    expect(staleReferences(repo)).toEqual([]);
  });

  it("reads paths, routes and pages from backticks, and leaves other spans alone", () => {
    expect(backtickedSpans("see `a/b.ts` and `c`\n```\n`not/this.ts`\n```\n`d/e/`")).toEqual([
      { text: "a/b.ts", line: 1 },
      { text: "c", line: 1 },
      { text: "d/e/", line: 5 },
    ]);
    expect(pathOf("platform/access.ts#scopeFor")).toBe("platform/access.ts");
    expect(pathOf("apps/server/src/main.ts:12")).toBe("apps/server/src/main.ts");
    expect(pathOf("flagshipDemo.ts")).toBe("flagshipDemo.ts");
    expect(pathOf("programmes/<id>/index.ts")).toBeNull();
    expect(pathOf("npm run db:generate")).toBeNull();
    expect(pathOf("DIR/sessions.csv")).toBeNull();
    expect(pathOf("postgres://user:pass@host:5432/db")).toBeNull();
    expect(pathOf("/etc/jiangxin/data.key")).toBeNull();
    expect(routeOf("GET /api/attachments/:id/content[?download=1]")).toEqual({ method: "GET", path: "/api/attachments/:id/content" });
    expect(routeOf("POST /api/.../:id/void")).toBeNull();
    expect(pageOf("/stations/new")).toBe("/stations/new");
    expect(pageOf("/usr/bin/chromium")).toBeNull();
  });

  it("finds a file by its tail, a route whatever its parameters are called, and misses what is not there", () => {
    const files = ["apps/server/src/platform/access.ts", "apps/web/src/app/regions/regionMaps.ts"];
    expect(pathExists("platform/access.ts", files, repo)).toBe(true);
    expect(pathExists("app/regions/", files, repo)).toBe(true);
    expect(pathExists("platform/gone.ts", files, repo)).toBe(false);
    expect(pathExists("stats/charts/zhejiangMaps.ts", files, repo)).toBe(false);
    const server = `app.get("/api/people/:id/phone", …); app.get("/api/imports/:kind/template", …)`;
    expect(routeExists({ path: "/api/people/:personId/phone" }, server)).toBe(true);
    expect(routeExists({ path: "/api/imports/people/template" }, server)).toBe(true);
    expect(routeExists({ path: "/api/people/:id/email" }, server)).toBe(false);
    expect(pageExists("/phone", server)).toBe(true);
    expect(pageExists("/stations/new", server)).toBe(false);
  });
});
