import type { Campaign, ServiceSession, ThreeLists } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { readXlsxRows } from "../../../platform/xlsx";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { makeProblem } from "../demo/makeProblem";
import { makeServiceSession } from "../demo/makeServiceSession";
import { makeTraining } from "../demo/makeTraining";

// One 淳安 session visits two firms, 甲 and 乙, each with a problem found on site. The account of 甲
// must see its own firm and problem only; the county sees both. Plus: a county creating a session
// with another county's firm, and a county reading a city campaign's progress.
describe.each(testDatabaseKinds)("scope on shared records (%s)", (kind) => {
  let t: TestApp;
  const a = {} as Record<"firmA" | "chunan" | "wuyi" | "hangzhou", Agent>;
  let sessionId = "";
  let campaignId = "";
  let wuyiFirmId = "";

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    const firmA = await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安甲精密机械有限公司" });
    const firmB = await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安乙秘密化工有限公司" });
    wuyiFirmId = (await makeEnterprise(db, cipher, { countyCode: "330723", name: "武义丙隐秘五金有限公司" })).id;
    const expert = await makeExpert(db, cipher, { name: "周建华", homeCountyCode: "330127" });
    const s = await makeServiceSession(db, { countyCode: "330127", enterpriseIds: [firmA.id, firmB.id], expertIds: [expert.id] });
    sessionId = s.id;
    await makeProblem(db, { enterpriseId: firmA.id, countyCode: "330127", sessionId, status: "onSite", startStatus: "onSite", ownerExpertId: expert.id, title: "甲的难题" });
    await makeProblem(db, { enterpriseId: firmB.id, countyCode: "330127", sessionId, status: "onSite", startStatus: "onSite", ownerExpertId: expert.id, title: "乙的机密难题" });
    await makeUser(db, "enterprise", { username: "firm-a", regionCode: null, enterpriseId: firmA.id });
    await makeUser(db, "county", { username: "cn", regionCode: "330127" });
    await makeUser(db, "county", { username: "wy", regionCode: "330723" });
    await makeUser(db, "city", { username: "hz", regionCode: "330100" });
    Object.assign(a, { firmA: await loginAs(t, "firm-a"), chunan: await loginAs(t, "cn"), wuyi: await loginAs(t, "wy"), hangzhou: await loginAs(t, "hz") });

    const created = await a.hangzhou.post("/api/campaigns", { name: "杭州西部助企专项行动", year: 2025, regionCodes: ["330127", "330182"], targets: { trainees: 1000 } });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json<Campaign>().id;
    const tagged = async (countyCode: string, trainees: number) => {
      const firm = await makeEnterprise(db, cipher, { countyCode });
      const visit = await makeServiceSession(db, { countyCode, enterpriseIds: [firm.id], expertIds: [expert.id], campaignId });
      await makeTraining(db, { countyCode, trainerExpertIds: [expert.id], trainees, sessionId: visit.id, campaignId });
    };
    await tagged("330127", 30); // 淳安
    await tagged("330182", 777); // 建德: not 淳安's to read
  });
  afterAll(() => t.close());

  const leaks = (body: string) => ["乙秘密化工", "乙的机密难题"].filter((secret) => body.includes(secret));

  it("an enterprise sees only its own firm and problems on a session shared with another firm", async () => {
    const list = await a.firmA.get("/api/service-sessions?pageSize=200");
    expect(list.statusCode).toBe(200);
    expect(leaks(list.body)).toEqual([]);
    const item = list.json<{ items: ServiceSession[] }>().items.find((s) => s.id === sessionId);
    expect(item?.enterprises.map((e) => e.name)).toEqual(["淳安甲精密机械有限公司"]);
    expect(item?.problemCount).toBe(1);

    const detail = await a.firmA.get(`/api/service-sessions/${sessionId}`);
    expect(detail.statusCode).toBe(200);
    expect(leaks(detail.body)).toEqual([]);

    const three = await a.firmA.get(`/api/service-sessions/${sessionId}/three-lists`);
    expect(three.statusCode).toBe(200);
    expect(leaks(three.body)).toEqual([]);
    expect(three.json<ThreeLists>().problems.map((p) => p.title)).toEqual(["甲的难题"]);
    expect(three.json<ThreeLists>().session.experts.flatMap((x) => x.problemIds)).toHaveLength(1);

    const xlsx = await a.firmA.get("/api/service-sessions/export");
    expect(xlsx.statusCode).toBe(200);
    const rows = await readXlsxRows(xlsx.rawPayload);
    expect(leaks(JSON.stringify(rows))).toEqual([]);
  });

  it("the county sees both firms and both problems on the same session", async () => {
    const three = await a.chunan.get(`/api/service-sessions/${sessionId}/three-lists`);
    expect(three.json<ThreeLists>().problems.map((p) => p.title).sort()).toEqual(["乙的机密难题", "甲的难题"].sort());
    expect(three.json<ThreeLists>().session.enterprises).toHaveLength(2);
  });

  it("an error never names a firm outside the actor's region", async () => {
    const expertId = (await a.chunan.get(`/api/service-sessions/${sessionId}`)).json<ServiceSession>().experts[0]?.id;
    const res = await a.chunan.post("/api/service-sessions", {
      date: "2025-06-01",
      countyCode: "330127",
      title: "跨县企业测试",
      enterpriseIds: [wuyiFirmId],
      expertIds: [expertId],
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain("武义丙隐秘五金");
  });

  it("a county reading a city campaign gets its own county's progress, not the city's", async () => {
    const city = (await a.hangzhou.get(`/api/campaigns/${campaignId}`)).json<Campaign>();
    expect(city.progress.trainees).toBe(807);
    const own = await a.chunan.get(`/api/campaigns/${campaignId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json<Campaign>().progress.trainees).toBe(30);
    const listed = (await a.chunan.get("/api/campaigns")).json<Campaign[]>().find((c) => c.id === campaignId);
    expect(listed?.progress.trainees).toBe(30);
  });
});
