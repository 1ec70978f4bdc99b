import type { Enterprise } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser, makeUscc } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { auditLog } from "../../../platform/audit/tables";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { makeProblem } from "../demo/makeProblem";
import { makeServiceSession } from "../demo/makeServiceSession";
import { problemTeamMembers } from "./tables";

// Issue 11 §5: an expert opens the enterprise it must visit (address, contact), and nothing else of the
// directory. Firms: owned (X owns its problem), helped (X is 协助专家), visited (X's session), other (none).
describe.each(testDatabaseKinds)("an expert reaches the firms it serves on %s", (kind) => {
  let t: TestApp;
  let county: Agent, expertX: Agent, expertY: Agent;
  const firm = { owned: "", helped: "", visited: "", other: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    await makeUser(db, "county", { username: `${kind}-ea-county`, regionCode: "330127" });
    county = await loginAs(t, `${kind}-ea-county`);
    const created = await county.post("/api/enterprises", {
      uscc: makeUscc("330127"),
      name: "淳安千岛湖精密铸造有限公司",
      industry: "C",
      countyCode: "330127",
      size: "small",
      nonPublic: true,
      contactName: "王经理",
      contactPhone: "0571-64881234",
      address: "  千岛湖镇新安东路88号 ",
    });
    expect(created.statusCode, created.body).toBe(201);
    firm.owned = created.json<Enterprise>().id;
    firm.helped = (await makeEnterprise(db, cipher, { countyCode: "330127" })).id;
    firm.visited = (await makeEnterprise(db, cipher, { countyCode: "330127" })).id;
    firm.other = (await makeEnterprise(db, cipher, { countyCode: "330127" })).id;
    const x = await makeExpert(db, cipher, { name: "专家甲", userId: (await makeUser(db, "expert", { username: `${kind}-ea-x`, regionCode: null })).id });
    const y = await makeExpert(db, cipher, { name: "专家乙", userId: (await makeUser(db, "expert", { username: `${kind}-ea-y`, regionCode: null })).id });
    await makeProblem(db, { enterpriseId: firm.owned, countyCode: "330127", status: "matched", ownerExpertId: x.id });
    const helped = await makeProblem(db, { enterpriseId: firm.helped, countyCode: "330127", status: "matched", ownerExpertId: y.id });
    await db.insert(problemTeamMembers).values({ problemId: helped.id, expertId: x.id });
    await makeServiceSession(db, { countyCode: "330127", enterpriseIds: [firm.visited], expertIds: [x.id] });
    await makeProblem(db, { enterpriseId: firm.other, countyCode: "330127", status: "matched", ownerExpertId: y.id });
    expertX = await loginAs(t, `${kind}-ea-x`);
    expertY = await loginAs(t, `${kind}-ea-y`);
  });
  afterAll(() => t.close());

  it("stores the address trimmed, and shows it to staff", async () => {
    const res = await county.get(`/api/enterprises/${firm.owned}`);
    expect(res.json<Enterprise>().address).toBe("千岛湖镇新安东路88号");
    const long = await county.post("/api/enterprises", {
      uscc: makeUscc("330127"), name: "地址过长公司", industry: "C", countyCode: "330127", size: "small", nonPublic: true,
      contactName: "李", contactPhone: "13957112345", address: "路".repeat(201),
    });
    expect([long.statusCode, long.json<{ fields: Record<string, string> }>().fields.address]).toEqual([400, "详细地址不超过200个字"]);
  });

  it("opens the detail of each firm the expert serves, with the address, and reads its contact phone (audited)", async () => {
    for (const id of [firm.owned, firm.helped, firm.visited]) {
      const res = await expertX.get(`/api/enterprises/${id}`);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await expertX.get(`/api/enterprises/${firm.owned}`)).json<Enterprise>()).toMatchObject({ address: "千岛湖镇新安东路88号", contactName: "王经理" });
    const phone = await expertX.get(`/api/enterprises/${firm.owned}/contact-phone`);
    expect([phone.statusCode, phone.json<{ contactPhone: string }>().contactPhone]).toEqual([200, "0571-64881234"]);
    const audits = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "enterprise.readContactPhone"), eq(auditLog.objectId, firm.owned)));
    expect(audits.map((a) => a.username)).toEqual([`${kind}-ea-x`]);
  });

  it("hides every other firm (404, as missing) and the directory (no list, no export)", async () => {
    expect((await expertX.get(`/api/enterprises/${firm.other}`)).statusCode).toBe(404);
    expect((await expertX.get(`/api/enterprises/${firm.other}/contact-phone`)).statusCode).toBe(404);
    expect((await expertY.get(`/api/enterprises/${firm.visited}`)).statusCode).toBe(404);
    expect((await expertX.get("/api/enterprises")).statusCode).toBe(403);
    expect((await expertX.get("/api/enterprises/export")).statusCode).toBe(403);
  });
});
