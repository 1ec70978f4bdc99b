import type { Indicators } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { loadProvinceYear, type ProvinceYearSummary } from "../demo/provinceYear";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { experts } from "../../../masterData/experts";
import { problemTeamMembers, problems } from "../problems/tables";
import { serviceSessions, sessionEnterprises, sessionExperts } from "../serviceSessions/tables";

describe.each(testDatabaseKinds)("indicators counted from records on %s", (kind) => {
  let t: TestApp;
  let province: Agent;
  let chunan: Agent;
  let summary: ProvinceYearSummary;
  const get = async (a: Agent, q: string) => {
    const res = await a.get(`/api/indicators?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Indicators>();
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    summary = await loadProvinceYear(t.ctx, { year: 2024, scale: 0.03, seed: 7 });
    await makeUser(t.ctx.database.db, "province", { username: "p" });
    await makeUser(t.ctx.database.db, "county", { username: "c", regionCode: "330127" });
    province = await loginAs(t, "p");
    chunan = await loginAs(t, "c");
  });
  afterAll(() => t.close());

  it("reproduce the generated year exactly: the figures are the records' counts", async () => {
    const all = await get(province, "year=2024");
    expect(all).toMatchObject({
      sessions: summary.sessions,
      expertParticipations: summary.expertParticipations,
      enterprisesServed: summary.enterprisesServed,
      problemsSolved: summary.problemsSolved,
      workerTrainings: summary.workerTrainings,
      benefitEstimatedYuan: `${summary.benefitYuan}.00`,
    });
    expect(Number(all.benefitVerifiedYuan)).toBeGreaterThan(0);
    expect(Number(all.benefitVerifiedYuan)).toBeLessThan(summary.benefitYuan);
    expect((await get(province, "year=2023")).sessions).toBe(0);
  });

  it("the demo year has teams of 2–3 for about one problem in five, members of the problem's trade and never its owner", async () => {
    const { db } = t.ctx.database;
    const all = await db.select({ id: problems.id, teamSize: problems.teamSize, owner: problems.ownerExpertId, trade: problems.trade }).from(problems);
    const share = all.filter((p) => p.teamSize > 1).length / all.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.3);
    expect(all.some((p) => p.teamSize === 3)).toBe(true);
    const members = await db.select({ problemId: problemTeamMembers.problemId, expertId: problemTeamMembers.expertId, trades: experts.trades }).from(problemTeamMembers).innerJoin(experts, eq(experts.id, problemTeamMembers.expertId));
    expect(members.length).toBeGreaterThan(0);
    const byId = new Map(all.map((p) => [p.id, p]));
    const perProblem = new Map<string, number>();
    for (const m of members) {
      const p = byId.get(m.problemId)!;
      expect(m.expertId).not.toBe(p.owner);
      expect(m.trades).toContain(p.trade);
      perProblem.set(m.problemId, (perProblem.get(m.problemId) ?? 0) + 1);
    }
    for (const [id, n] of perProblem) expect(n).toBeLessThanOrEqual(byId.get(id)!.teamSize - 1);
  });

  it("the eleven cities add up to the province", async () => {
    const cities = await Promise.all(["330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100"].map((c) => get(province, `year=2024&regionCode=${c}`)));
    const sum = (k: keyof Indicators) => cities.reduce((a, c) => a + Number(c[k]), 0);
    const all = await get(province, "year=2024");
    for (const k of ["sessions", "expertParticipations", "enterprisesServed", "problemsSolved", "workerTrainings", "benefitEstimatedYuan"] as const) expect(sum(k), k).toBe(Number(all[k]));
  });

  it("a county sees its own figures and is refused another's", async () => {
    const own = await get(chunan, "year=2024");
    expect(own).toEqual(await get(province, "year=2024&regionCode=330127"));
    expect((await chunan.get("/api/indicators?year=2024&regionCode=330723")).statusCode).toBe(404);
    expect((await chunan.get("/api/indicators?year=2024&regionCode=330100")).json<Indicators>().sessions).toBe(own.sessions);
  });

  it("change by exactly what is recorded: a visit by two experts to a new firm, and a problem solved", async () => {
    const before = await get(chunan, "year=2024");
    const { db } = t.ctx.database;
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127" });
    const a = await makeExpert(db, t.ctx.cipher);
    const b = await makeExpert(db, t.ctx.cipher);
    const [session] = await db.insert(serviceSessions).values({ date: "2024-06-01", countyCode: "330127", title: "淳安助企行" }).returning();
    if (!session) throw new Error("no session");
    await db.insert(sessionEnterprises).values({ sessionId: session.id, enterpriseId: firm.id });
    await db.insert(sessionExperts).values([{ sessionId: session.id, expertId: a.id, leader: true }, { sessionId: session.id, expertId: b.id }]);
    // Solved at 23:30 on New Year's Eve, China time: it belongs to 2024, not 2025.
    await db.insert(problems).values({ enterpriseId: firm.id, countyCode: "330127", sessionId: session.id, title: "焊缝气孔", description: "不锈钢管道焊缝气孔缺陷", trade: "6-18-02-04", status: "solved", ownerExpertId: a.id, solvedAt: new Date("2024-12-31T23:30:00+08:00") });
    const after = await get(chunan, "year=2024");
    expect(after.sessions - before.sessions).toBe(1);
    expect(after.expertParticipations - before.expertParticipations).toBe(2);
    expect(after.enterprisesServed - before.enterprisesServed).toBe(1);
    expect(after.problemsSolved - before.problemsSolved).toBe(1);
    expect(after.workerTrainings).toBe(before.workerTrainings);
    expect((await get(chunan, "year=2025")).problemsSolved).toBe(0);
  });

  it("a campaign's figures count only the records tagged with it", async () => {
    const campaigns = (await province.get("/api/campaigns?year=2024")).json<{ id: string; progress: { sessions: number; trainees: number } }[]>();
    const campaign = campaigns.find((c) => c.id === summary.campaignId);
    expect(campaign?.progress.sessions).toBeGreaterThan(0);
    const figures = await get(province, `year=2024&campaignId=${summary.campaignId}`);
    expect(figures.sessions).toBe(campaign?.progress.sessions);
    expect(figures.workerTrainings).toBe(campaign?.progress.trainees);
    expect(figures.sessions).toBeLessThan(summary.sessions);
  });

  it("refuses a bad year or region with a field message", async () => {
    expect((await province.get("/api/indicators?year=abc")).statusCode).toBe(400);
    expect((await province.get("/api/indicators")).json<{ fields: Record<string, string> }>().fields.year).toBeDefined();
    expect((await province.get("/api/indicators?year=2024&regionCode=339999")).json<{ fields: Record<string, string> }>().fields).toEqual({ regionCode: "区划代码不存在" });
  });
});
