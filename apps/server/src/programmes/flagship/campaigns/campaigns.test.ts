import type { Campaign } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../../fixtures/factories";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";

describe.each(testDatabaseKinds)("campaigns on %s", (kind) => {
  let t: TestApp;
  const a = {} as Record<"province" | "hangzhou" | "chunan" | "wuyi", Agent>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    await makeUser(db, "province", { username: "cp" });
    await makeUser(db, "city", { username: "ch", regionCode: "330100" });
    await makeUser(db, "county", { username: "cc", regionCode: "330127" });
    await makeUser(db, "county", { username: "cw", regionCode: "330723" });
    Object.assign(a, { province: await loginAs(t, "cp"), hangzhou: await loginAs(t, "ch"), chunan: await loginAs(t, "cc"), wuyi: await loginAs(t, "cw") });
  });
  afterAll(() => t.close());

  it("a city sets one up for its own counties only; its counties see it, another city's do not", async () => {
    const outside = await a.hangzhou.post("/api/campaigns", { name: "杭州山区助企专项行动", year: 2025, regionCodes: ["330723"], targets: { sessions: 10 } });
    expect(outside.statusCode).toBe(403);
    expect(outside.json<{ fields: Record<string, string> }>().fields["regionCodes.0"]).toContain("武义县");
    const created = await a.hangzhou.post("/api/campaigns", { name: "杭州山区助企专项行动", year: 2025, regionCodes: ["330127"], targets: { sessions: 10, trainees: 500 } });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json<Campaign>();
    expect(c.progress).toEqual({ sessions: 0, trainees: 0, enterprises: 0, problemsSolved: 0 });
    expect((await a.chunan.get(`/api/campaigns/${c.id}`)).statusCode).toBe(200);
    expect((await a.wuyi.get(`/api/campaigns/${c.id}`)).statusCode).toBe(404);
    expect((await a.wuyi.get("/api/campaigns")).json<Campaign[]>().map((x) => x.id)).not.toContain(c.id);
    expect((await a.province.get("/api/campaigns?year=2025")).json<Campaign[]>().map((x) => x.id)).toContain(c.id);
  });

  it("counties cannot set campaigns up, and bad input is named", async () => {
    expect((await a.chunan.post("/api/campaigns", { name: "县级行动测试", year: 2025, regionCodes: ["330127"], targets: {} })).statusCode).toBe(403);
    const bad = await a.province.post("/api/campaigns", { name: "短", year: 1999, regionCodes: ["12"], targets: { sessions: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json<{ fields: Record<string, string> }>().fields).sort()).toEqual(["name", "regionCodes.0", "targets.sessions", "year"]);
    expect(bad.json<{ fields: Record<string, string> }>().fields["targets.sessions"]).toBe("服务场次目标不能为负数");
    // A decimal where a count is expected is refused in Chinese, naming the field — never rounded (issue 11).
    const decimal = await a.province.post("/api/campaigns", { name: "全省助企专项行动", year: 2025.5, regionCodes: ["330127"], targets: { sessions: 2.5, trainees: 100 } });
    expect(decimal.statusCode).toBe(400);
    expect(decimal.json<{ fields: Record<string, string> }>().fields).toEqual({ year: "年度应为整数", "targets.sessions": "服务场次目标应为整数" });
    // A city must say where: no regions and not priority-only names the field, in the form's own words.
    const nowhere = await a.hangzhou.post("/api/campaigns", { name: "杭州春季助企行动", year: 2025, targets: { sessions: 5 } });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json<{ fields: Record<string, string> }>().fields.regionCodes).toBe("请选择覆盖区域，或选择“仅限山区海岛县”");
  });
});
