import { checkResidentId, type MyProfile } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../fixtures/factories";
import { queryRows } from "../../platform/db/queryRows";
import { loginAs, startTestApp, type TestApp } from "../../testing/testApp";
import { federationOf, unionEnterprises, unions } from "../unions";
import { loadPeopleDemo } from ".";

describe("the people demo", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite");
  });
  afterAll(() => t.close());

  it("makes valid, distinct people with memberships, and binds the worker account to a member in 淳安", async () => {
    const { db } = t.ctx.database;
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127" });
    for (const county of ["330127", "330723", "330102"]) await makeEnterprise(db, t.ctx.cipher, { countyCode: county });
    const federation = await federationOf(db, "330127");
    const [u] = await db.insert(unions).values({ name: "演示测试企业工会", kind: "grassroots", formation: "single", regionCode: "330127", parentId: federation?.id ?? null }).returning();
    await db.insert(unionEnterprises).values({ unionId: u?.id ?? "", enterpriseId: firm.id });
    const worker = await makeUser(db, "worker", { username: "demo-worker", regionCode: null });

    const summary = await loadPeopleDemo(t.ctx, { scale: 0.05, workerUserId: worker.id, workerEnterpriseId: firm.id });
    expect(summary.people).toBe(600);
    expect(summary.active).toBeGreaterThan(400);

    const rows = await queryRows<{ id: string; resident_id_enc: string; resident_id_hash: string; phone_enc: string | null }>(db, sql`select id, resident_id_enc, resident_id_hash, phone_enc from people`);
    expect(rows).toHaveLength(601);
    expect(new Set(rows.map((r) => r.resident_id_hash)).size).toBe(601);
    for (const r of rows.slice(0, 50)) {
      const id = t.ctx.cipher.decrypt(r.resident_id_enc);
      expect(checkResidentId(id).ok, id).toBe(true);
      expect(t.ctx.personHash(id)).toBe(r.resident_id_hash);
    }
    const [current] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select person_id from union_memberships where status in ('pending', 'active') group by person_id having count(*) > 1) x`);
    expect(current?.n).toBe(0);

    const me = (await (await loginAs(t, "demo-worker")).get("/api/me")).json<MyProfile>();
    expect(me.person).toMatchObject({ name: "陈晓东", countyCode: "330127", membership: { status: "active", unionName: "演示测试企业工会" } });
  });
});
