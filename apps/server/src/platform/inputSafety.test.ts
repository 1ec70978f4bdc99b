import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../fixtures/factories";
import { loginAs, startTestApp, type Agent, type TestApp } from "../testing/testApp";
import { testDatabaseKinds } from "../testing/testDatabases";

describe.each(testDatabaseKinds)("input safety on every route (%s)", (kind) => {
  let t: TestApp;
  let province: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await makeUser(t.ctx.database.db, "province", { username: "prov-in" });
    province = await loginAs(t, "prov-in");
  });
  afterAll(() => t.close());

  it("answers a field-level 400 to NUL in a body, a query string and a path", async () => {
    const body = await province.post("/api/enterprises", { name: "企业\u0000" });
    expect(body.statusCode).toBe(400);
    expect(body.json<{ fields: Record<string, string> }>().fields.name).toMatch(/控制字符/);
    const query = await province.get("/api/enterprises?q=%00");
    expect(query.statusCode).toBe(400);
    expect(query.json<{ fields: Record<string, string> }>().fields.q).toMatch(/控制字符/);
    const param = await province.get("/api/enterprises/%00");
    expect(param.statusCode).toBeLessThan(500);
  });

  it("answers 400 to the year 0000", async () => {
    const res = await province.get("/api/regions/tree?on=0000-01-01");
    expect(res.statusCode).toBe(400);
  });
});
