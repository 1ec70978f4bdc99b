import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { problemTeamMembers, problems } from "../problems/tables";

describe.each(testDatabaseKinds)("outcomes on %s", (kind) => {
  let t: TestApp;
  let county: Agent;
  let otherCounty: Agent;
  let firmUser: Agent;
  let expertUser: Agent;
  let coExpertUser: Agent;
  let strangerUser: Agent;
  let problemId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330723" });
    const expertLogin = await makeUser(db, "expert", { username: "x1" });
    const expert = await makeExpert(db, t.ctx.cipher, { userId: expertLogin.id });
    const [p] = await db.insert(problems).values({ enterpriseId: firm.id, countyCode: "330723", title: "特殊修补材料焊后缺陷", description: "武义某化工企业的特殊修补材料焊接缺陷", trade: "6-18-02-04", status: "solved", ownerExpertId: expert.id, solvedAt: new Date() }).returning();
    problemId = p?.id ?? "";
    // A 协助专家 on the problem's team, and an expert with nothing to do with it.
    const coLogin = await makeUser(db, "expert", { username: "x2" });
    const co = await makeExpert(db, t.ctx.cipher, { userId: coLogin.id });
    await db.insert(problemTeamMembers).values({ problemId, expertId: co.id });
    const strangerLogin = await makeUser(db, "expert", { username: "x3" });
    await makeExpert(db, t.ctx.cipher, { userId: strangerLogin.id });
    await makeUser(db, "county", { username: "wy", regionCode: "330723" });
    await makeUser(db, "county", { username: "ca", regionCode: "330127" });
    await makeUser(db, "enterprise", { username: "firm", enterpriseId: firm.id, regionCode: null });
    county = await loginAs(t, "wy");
    otherCounty = await loginAs(t, "ca");
    firmUser = await loginAs(t, "firm");
    expertUser = await loginAs(t, "x1");
    coExpertUser = await loginAs(t, "x2");
    strangerUser = await loginAs(t, "x3");
  });
  afterAll(() => t.close());

  it("the owning expert estimates, the county verifies with the enterprise's confirmation, once", async () => {
    const est = await expertUser.post("/api/outcomes", { problemId, economicBenefitYuan: "1250000.50", laborIntensityReductionPct: 40, failureRateReductionPct: 25 });
    expect(est.statusCode, est.body).toBe(201);
    const outcome = est.json<{ id: string; status: string; economicBenefitYuan: string }>();
    expect(outcome).toMatchObject({ status: "estimated", economicBenefitYuan: "1250000.50" });
    expect((await firmUser.post(`/api/outcomes/${outcome.id}/verify`, { economicBenefitYuan: "1000000", enterpriseConfirmed: true })).statusCode).toBe(403);
    expect((await otherCounty.post(`/api/outcomes/${outcome.id}/verify`, { economicBenefitYuan: "1000000", enterpriseConfirmed: true })).statusCode).toBe(404);
    const unconfirmed = await county.post(`/api/outcomes/${outcome.id}/verify`, { economicBenefitYuan: "1000000" });
    expect(unconfirmed.json<{ fields: Record<string, string> }>().fields.enterpriseConfirmed).toBe("核实须经企业确认");
    const ok = await county.post(`/api/outcomes/${outcome.id}/verify`, { economicBenefitYuan: "1000000.00", enterpriseConfirmed: true });
    expect(ok.json()).toMatchObject({ status: "verified", verifiedBenefitYuan: "1000000.00", economicBenefitYuan: "1250000.50" });
    expect((await county.post(`/api/outcomes/${outcome.id}/verify`, { economicBenefitYuan: "1", enterpriseConfirmed: true })).statusCode).toBe(409);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const figures = (await county.get(`/api/indicators?year=${year}`)).json<{ benefitEstimatedYuan: string; benefitVerifiedYuan: string }>();
    expect(figures).toMatchObject({ benefitEstimatedYuan: "1250000.50", benefitVerifiedYuan: "1000000.00" });
  });

  it("keeps money exact and refuses bad amounts with field messages", async () => {
    for (const bad of ["-5", "1.234", "abc", "12345678901234"]) {
      const res = await county.post("/api/outcomes", { problemId, economicBenefitYuan: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ fields: Record<string, string> }>().fields.economicBenefitYuan).toMatch(/金额/);
    }
    expect((await county.post("/api/outcomes", { problemId, economicBenefitYuan: "10", laborIntensityReductionPct: 120 })).json<{ fields: Record<string, string> }>().fields.laborIntensityReductionPct).toBe("百分比不超过100");
    expect((await county.post("/api/outcomes", { economicBenefitYuan: "10" })).json<{ fields: Record<string, string> }>().fields.problemId).toBe("成效须对应一个难题或一份协议");
  });

  it("is reachable only for problems the actor may see", async () => {
    expect((await otherCounty.post("/api/outcomes", { problemId, economicBenefitYuan: "10" })).statusCode).toBe(404);
    expect((await firmUser.get(`/api/outcomes?problemId=${problemId}`)).json<unknown[]>()).toHaveLength(1);
    expect((await otherCounty.get(`/api/outcomes?problemId=${problemId}`)).statusCode).toBe(404);
  });

  it("lets a 协助专家 record an outcome of the problem it helped on, and no other expert", async () => {
    const res = await coExpertUser.post("/api/outcomes", { problemId, economicBenefitYuan: "5000" });
    expect(res.statusCode, res.body).toBe(201);
    expect((await strangerUser.post("/api/outcomes", { problemId, economicBenefitYuan: "5000" })).statusCode).toBe(404);
  });
});
