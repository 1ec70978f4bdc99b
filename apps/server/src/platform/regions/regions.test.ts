import type { RegionNode } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../fixtures/factories";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";

describe("regions", () => {
  let t: TestApp;
  let a: Agent;
  beforeAll(async () => {
    t = await startTestApp("pglite");
    await makeUser(t.ctx.database.db, "worker", { username: "w1" });
    a = await loginAs(t, "w1");
  });
  afterAll(() => t.close());

  const tree = async (on?: string) => (await a.get(`/api/regions/tree${on ? `?on=${on}` : ""}`)).json<RegionNode>();
  const counties = (root: RegionNode) => root.children.flatMap((c) => c.children);

  it("has Zhejiang's 11 cities and 90 county-level units on current boundaries, each with a seat", async () => {
    const root = await tree();
    expect(root.code).toBe("330000");
    expect(root.children.map((c) => c.code)).toEqual(["330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100"]);
    const all = counties(root);
    expect(all).toHaveLength(90);
    const codes = new Set(all.map((c) => c.code));
    for (const current of ["330113", "330114", "330383"]) expect(codes.has(current)).toBe(true); // 临平, 钱塘, 龙港
    for (const abolished of ["330103", "330104"]) expect(codes.has(abolished)).toBe(false); // 下城, 江干
    for (const c of all) {
      expect(c.lng, c.name).toBeGreaterThan(118);
      expect(c.lng, c.name).toBeLessThan(123.5);
      expect(c.lat, c.name).toBeGreaterThan(27);
      expect(c.lat, c.name).toBeLessThan(31.5);
    }
  });

  it("flags priority counties by date: 26 mountainous in 2023, 23 after the 2024 adjustment, 6 islands", async () => {
    const y2023 = counties(await tree("2023-06-01"));
    const y2025 = counties(await tree("2025-06-01"));
    const kinds = (list: RegionNode[], kind: string) => list.filter((c) => c.priority.includes(kind as "island")).map((c) => c.code);
    expect(kinds(y2023, "mountainous")).toHaveLength(26);
    expect(kinds(y2025, "mountainous")).toHaveLength(23);
    expect(kinds(y2023, "mountainous")).toContain("330326"); // 平阳 before 2024
    expect(kinds(y2025, "mountainous")).not.toContain("330326");
    expect(kinds(y2025, "mountainous")).toContain("330127"); // 淳安
    expect(kinds(y2025, "island").sort()).toEqual(["330305", "330902", "330903", "330921", "330922", "331083"]);
    expect(kinds(y2025, "mountainous")).not.toContain("330102");
  });

  it("answers one region, and 404 for a code that is not one", async () => {
    const res = await a.get("/api/regions/330723?on=2025-01-01");
    expect(res.json()).toMatchObject({ code: "330723", name: "武义县", level: "county", parentCode: "330700", priority: ["mountainous"] });
    expect((await a.get("/api/regions/330199")).statusCode).toBe(404);
  });

  it("requires a login", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/regions/tree" })).statusCode).toBe(401);
  });
});
