import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../fixtures/factories";
import { loginAs, startTestApp, type TestApp } from "../testing/testApp";
import { auditLog } from "./audit/tables";

describe("exports are audited", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite");
    await makeEnterprise(t.ctx.database.db, t.ctx.cipher, { countyCode: "330127" });
    await makeUser(t.ctx.database.db, "county", { username: "exporter", regionCode: "330127" });
  });
  afterAll(() => t.close());

  it("writes who exported which list with which filters before the file goes out", async () => {
    const a = await loginAs(t, "exporter");
    const res = await a.get("/api/enterprises/export?q=%E6%B7%B3%E5%AE%89");
    expect(res.statusCode).toBe(200);
    const rows = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "data.export"), eq(auditLog.objectType, "/api/enterprises/export")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: "exporter", result: "success", detail: { query: { q: "淳安" } } });
  });
});
