import { todayInChina } from "@jiangxin/domain";
import type { Agreement, Problem, ProblemDetail, ServiceSession, ThreeLists } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { sampleProblems } from "../demo/makeProblem";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";

/**
 * The article's visit through the API: a team of 4 experts visits an enterprise in 淳安; on site they
 * build the three lists with 7 problems and propose 7 solutions that day; 3 go on to design; the team
 * signs a one-to-one agreement on equipment renovation and talent training.
 */
describe.each(testDatabaseKinds)("the article's visit on %s", (kind) => {
  let t: TestApp;
  let county: Agent;
  let leaderAgent: Agent;
  let firmId = "";
  const team: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const cipher = t.ctx.cipher;
    firmId = (await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安县千岛湖化工机械有限公司" })).id;
    const leaderUser = await makeUser(db, "expert", { username: `${kind}-leader`, displayName: "陈建华", regionCode: null });
    const names = ["陈建华", "李国强", "王立新", "周美华"];
    for (const [i, name] of names.entries()) {
      team.push((await makeExpert(db, cipher, { name, userId: i === 0 ? leaderUser.id : null, maxOpenProblems: 5 })).id);
    }
    await makeUser(db, "county", { username: `${kind}-chunan`, regionCode: "330127" });
    county = await loginAs(t, `${kind}-chunan`);
    leaderAgent = await loginAs(t, `${kind}-leader`);
  });
  afterAll(() => t.close());

  it("builds the three lists, proposes 7 solutions, sends 3 to design and signs an agreement", async () => {
    const created = await county.post("/api/service-sessions", {
      date: "2025-05-20",
      countyCode: "330127",
      title: "劳模工匠进山区助企服务",
      enterpriseIds: [firmId],
      expertIds: team,
      leaderExpertId: team[0],
    });
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json<ServiceSession>();

    // Seven problems found on site, each owned by one of the four.
    const added: Problem[] = [];
    for (let i = 0; i < 7; i++) {
      const sample = sampleProblems[i];
      if (!sample) throw new Error("sample missing");
      const res = await county.post(`/api/service-sessions/${session.id}/problems`, {
        enterpriseId: firmId,
        title: sample.title,
        description: sample.description,
        trade: sample.trade,
        ownerExpertId: team[i % 4],
      });
      expect(res.statusCode, res.body).toBe(201);
      added.push(res.json<Problem>());
    }

    // Seven solutions the same day: the leader proposes for the problems it owns, the county union records the rest.
    for (const p of added) {
      const agent = p.ownerExpertId === team[0] ? leaderAgent : county;
      const res = await agent.post(`/api/problems/${p.id}/moves`, { to: "solutionProposed", note: `针对“${p.title}”提出改进方案` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ProblemDetail>().status).toBe("solutionProposed");
    }
    // Three go on to design.
    for (const p of added.slice(0, 3)) {
      const res = await county.post(`/api/problems/${p.id}/moves`, { to: "inDesign" });
      expect(res.statusCode, res.body).toBe(200);
    }

    const lists = (await county.get(`/api/service-sessions/${session.id}/three-lists`)).json<ThreeLists>();
    expect(lists.problems).toHaveLength(7);
    expect(lists.session.experts).toHaveLength(4);
    expect(lists.session.experts.map((x) => x.problemIds.length).sort()).toEqual([1, 2, 2, 2]);
    const byStatus: Record<string, number> = {};
    for (const p of lists.problems) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
    expect(byStatus).toEqual({ solutionProposed: 4, inDesign: 3 });
    expect(lists.problems.every((p) => p.solution !== null)).toBe(true);
    expect(lists.session.solutionsProposed).toBe(7);
    expect(lists.session.problemCount).toBe(7);

    const agreement = await county.post("/api/agreements", {
      enterpriseId: firmId,
      title: "设备改造与人才培养一对一技术支持协议",
      scopes: ["equipmentRenovation", "talentTraining"],
      expertIds: team,
      signedOn: "2025-05-20",
      startDate: "2025-06-01",
      endDate: "2026-05-31",
      sessionId: session.id,
      milestones: [
        { title: "完成设备现状诊断与改造方案", dueDate: "2025-07-31" },
        { title: "关键设备改造完成并试运行", dueDate: "2025-10-31" },
        { title: "培养本厂维修骨干10名", dueDate: "2026-03-31" },
      ],
    });
    expect(agreement.statusCode, agreement.body).toBe(201);
    const a = agreement.json<Agreement>();
    // Its status follows its dates (issue 11): 履行中 during the term, 已到期 once 2026-05-31 has passed.
    expect(a).toMatchObject({ status: todayInChina(t.ctx.now()) > "2026-05-31" ? "expired" : "active", sessionId: session.id, countyCode: "330127" });
    expect(a.experts).toHaveLength(4);
    expect(a.milestones).toHaveLength(3);

    // The leader, on the team, sees the session and the agreement.
    expect((await leaderAgent.get(`/api/service-sessions/${session.id}`)).statusCode).toBe(200);
    expect((await leaderAgent.get(`/api/agreements/${a.id}`)).statusCode).toBe(200);
  });
});
