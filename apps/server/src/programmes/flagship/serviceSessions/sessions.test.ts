import type { ErrorBody, Problem, ServiceSession, ThreeLists } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { makeProblem } from "../demo/makeProblem";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { auditLog } from "../../../platform/audit/tables";
import { problemEvents, problems } from "../problems/tables";
import { sessionExperts } from "./tables";

describe.each(testDatabaseKinds)("service sessions on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent;
  let wuyi: Agent;
  let expertOn: Agent;
  let expertOff: Agent;
  const id = { firm: "", firm2: "", wuyiFirm: "", a: "", b: "", c: "", inactive: "", offTeam: "" };

  const sessionBody = (over: Record<string, unknown> = {}) => ({
    date: "2025-05-20",
    countyCode: "330127",
    title: "劳模工匠进山区助企服务",
    enterpriseIds: [id.firm],
    expertIds: [id.a, id.b],
    leaderExpertId: id.a,
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const cipher = t.ctx.cipher;
    id.firm = (await makeEnterprise(db, cipher, { countyCode: "330127", name: "千岛湖精工机械有限公司" })).id;
    id.firm2 = (await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安县笋竹食品有限公司" })).id;
    id.wuyiFirm = (await makeEnterprise(db, cipher, { countyCode: "330723", name: "武义五金工具有限公司" })).id;
    const onUser = await makeUser(db, "expert", { username: `${kind}-on`, regionCode: null });
    const offUser = await makeUser(db, "expert", { username: `${kind}-off`, regionCode: null });
    id.a = (await makeExpert(db, cipher, { name: "陈建华", userId: onUser.id })).id;
    id.b = (await makeExpert(db, cipher, { name: "李国强" })).id;
    id.c = (await makeExpert(db, cipher, { name: "王立新" })).id;
    id.offTeam = (await makeExpert(db, cipher, { name: "赵晓峰", userId: offUser.id })).id;
    id.inactive = (await makeExpert(db, cipher, { name: "钱卫东", active: false })).id;
    await makeUser(db, "county", { username: `${kind}-chunan`, regionCode: "330127" });
    await makeUser(db, "county", { username: `${kind}-wuyi`, regionCode: "330723" });
    chunan = await loginAs(t, `${kind}-chunan`);
    wuyi = await loginAs(t, `${kind}-wuyi`);
    expertOn = await loginAs(t, `${kind}-on`);
    expertOff = await loginAs(t, `${kind}-off`);
  });
  afterAll(() => t.close());

  async function newSession(over: Record<string, unknown> = {}): Promise<ServiceSession> {
    const res = await chunan.post("/api/service-sessions", sessionBody(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ServiceSession>();
  }

  it("creates a session with its team, leader and enterprises, audited", async () => {
    const s = await newSession();
    expect(s).toMatchObject({ countyCode: "330127", countyName: "淳安县", problemCount: 0, solutionsProposed: 0 });
    expect(s.enterprises.map((e) => e.name)).toEqual(["千岛湖精工机械有限公司"]);
    expect(s.experts.find((x) => x.id === id.a)?.leader).toBe(true);
    expect(s.experts.find((x) => x.id === id.b)?.leader).toBe(false);
    const audit = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "serviceSession.create"), eq(auditLog.objectId, s.id)));
    expect(audit).toHaveLength(1);
  });

  it("refuses an enterprise from another county with a field error", async () => {
    const res = await chunan.post("/api/service-sessions", sessionBody({ enterpriseIds: [id.firm, id.wuyiFirm] }));
    expect(res.statusCode).toBe(400);
    // Another county's firm is answered like a missing one: its name is not the county's to read.
    expect(res.json<ErrorBody>().fields?.enterpriseIds).toBe("所选企业中有不存在的企业，请刷新后重选");
    expect(res.body).not.toContain("武义五金工具有限公司");
  });

  it("refuses a county outside the actor's scope", async () => {
    const res = await wuyi.post("/api/service-sessions", sessionBody());
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().fields?.countyCode).toContain("淳安县");
  });

  it("refuses an inactive expert and a leader who is not on the team", async () => {
    const inactive = await chunan.post("/api/service-sessions", sessionBody({ expertIds: [id.a, id.inactive] }));
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json<ErrorBody>().fields?.expertIds).toContain("钱卫东");
    const leader = await chunan.post("/api/service-sessions", sessionBody({ leaderExpertId: id.c }));
    expect(leader.statusCode).toBe(400);
    expect(leader.json<ErrorBody>().fields?.leaderExpertId).toBeTruthy();
  });

  it("records a duplicated expert once (an expert counts once per session)", async () => {
    const s = await newSession({ expertIds: [id.a, id.b, id.a] });
    expect(s.experts).toHaveLength(2);
    const rows = await t.ctx.database.db.select().from(sessionExperts).where(eq(sessionExperts.sessionId, s.id));
    expect(rows).toHaveLength(2);
  });

  it("lists with filters: county, dates, expert, search", async () => {
    const s = await newSession({ date: "2025-06-02", title: "浙江工匠送技术上门专场", expertIds: [id.c], leaderExpertId: id.c });
    const byExpert = (await chunan.get(`/api/service-sessions?expertId=${id.c}`)).json<{ items: ServiceSession[] }>();
    expect(byExpert.items.map((i) => i.id)).toEqual([s.id]);
    const byDate = (await chunan.get("/api/service-sessions?from=2025-06-01&to=2025-06-30")).json<{ items: ServiceSession[] }>();
    expect(byDate.items.map((i) => i.id)).toEqual([s.id]);
    const byQ = (await chunan.get(`/api/service-sessions?q=${encodeURIComponent("送技术")}`)).json<{ items: ServiceSession[] }>();
    expect(byQ.items.map((i) => i.id)).toEqual([s.id]);
    const elsewhere = (await chunan.get("/api/service-sessions?regionCode=330723")).json<{ items: ServiceSession[]; total: number }>();
    expect(elsewhere.total).toBe(0);
    const bad = await chunan.get("/api/service-sessions?from=2025-6-1");
    expect(bad.statusCode).toBe(400);
  });

  describe("on site", () => {
    let s: ServiceSession;
    const onSite = (over: Record<string, unknown> = {}) => ({
      enterpriseId: id.firm,
      title: "老旧空压机故障率高",
      description: "两台使用十年以上的螺杆空压机每月停机两三次，维修成本高。",
      trade: "6-31-01-09",
      ownerExpertId: id.a,
      ...over,
    });
    beforeAll(async () => {
      s = await newSession({ enterpriseIds: [id.firm, id.firm2] });
    });

    it("adds a problem found on site: status onSite, owned, with its first event and audit row", async () => {
      const res = await chunan.post(`/api/service-sessions/${s.id}/problems`, onSite());
      expect(res.statusCode, res.body).toBe(201);
      const p = res.json<Problem>();
      expect(p).toMatchObject({ status: "onSite", sessionId: s.id, ownerExpertId: id.a, ownerExpertName: "陈建华", countyCode: "330127" });
      const { db } = t.ctx.database;
      const events = await db.select().from(problemEvents).where(eq(problemEvents.problemId, p.id));
      expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, "onSite"]]);
      expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "problem.createOnSite"), eq(auditLog.objectId, p.id)))).toHaveLength(1);
    });

    it("lets an expert on the team add one, and hides the session from an expert who is not", async () => {
      const mine = await expertOn.post(`/api/service-sessions/${s.id}/problems`, onSite({ title: "生产线设备维修依赖外厂", enterpriseId: id.firm2 }));
      expect(mine.statusCode, mine.body).toBe(201);
      expect(mine.json<Problem>().teamSize).toBe(1);
      const notMine = await expertOff.post(`/api/service-sessions/${s.id}/problems`, onSite({ ownerExpertId: id.offTeam }));
      expect(notMine.statusCode).toBe(404);
      expect((await expertOff.get(`/api/service-sessions/${s.id}/three-lists`)).statusCode).toBe(404);
    });

    it("takes 需要专家人数 for a problem found on site (1–3, default 1)", async () => {
      const other = await newSession({ enterpriseIds: [id.firm] });
      const team = await chunan.post(`/api/service-sessions/${other.id}/problems`, onSite({ title: "焊接变形返工率高", teamSize: 2 }));
      expect(team.statusCode, team.body).toBe(201);
      expect(team.json<Problem>().teamSize).toBe(2);
      const tooMany = await chunan.post(`/api/service-sessions/${other.id}/problems`, onSite({ title: "焊接变形返工率高", teamSize: 4 }));
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json<ErrorBody>().fields?.teamSize).toBe("需要专家人数为1–3人");
    });

    it("requires the owner on the team and the enterprise among those visited", async () => {
      const owner = await chunan.post(`/api/service-sessions/${s.id}/problems`, onSite({ ownerExpertId: id.c }));
      expect(owner.statusCode).toBe(400);
      expect(owner.json<ErrorBody>().fields?.ownerExpertId).toBeTruthy();
      const firm = await chunan.post(`/api/service-sessions/${s.id}/problems`, onSite({ enterpriseId: id.wuyiFirm }));
      expect(firm.statusCode).toBe(400);
      expect(firm.json<ErrorBody>().fields?.enterpriseId).toBeTruthy();
      const short = await chunan.post(`/api/service-sessions/${s.id}/problems`, onSite({ title: "短" }));
      expect(short.statusCode).toBe(400);
      expect(short.json<ErrorBody>().fields?.title).toBeTruthy();
      expect((await wuyi.post(`/api/service-sessions/${s.id}/problems`, onSite())).statusCode).toBe(404);
    });

    it("links accepted or matched problems of the visited enterprises, and nothing else", async () => {
      const { db } = t.ctx.database;
      const accepted = await makeProblem(db, { enterpriseId: id.firm, countyCode: "330127", status: "accepted", title: "减速机装配噪声超标" });
      const submitted = await makeProblem(db, { enterpriseId: id.firm, countyCode: "330127", status: "submitted" });
      const otherFirm = await makeProblem(db, { enterpriseId: id.wuyiFirm, countyCode: "330723", status: "accepted" });
      const refused = await chunan.post(`/api/service-sessions/${s.id}/link-problems`, { problemIds: [accepted.id, submitted.id] });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<ErrorBody>().fields?.problemIds).toBeTruthy();
      expect((await chunan.post(`/api/service-sessions/${s.id}/link-problems`, { problemIds: [otherFirm.id] })).statusCode).toBe(400);
      const [still] = await db.select().from(problems).where(eq(problems.id, accepted.id));
      expect(still?.sessionId).toBeNull();
      const ok = await chunan.post(`/api/service-sessions/${s.id}/link-problems`, { problemIds: [accepted.id] });
      expect(ok.statusCode, ok.body).toBe(200);
      const lists = (await chunan.get(`/api/service-sessions/${s.id}/three-lists`)).json<ThreeLists>();
      expect(lists.problems.map((p) => p.title)).toContain("减速机装配噪声超标");
    });

    it("three lists: the session, its team with the problems each owns, all its problems", async () => {
      const res = await chunan.get(`/api/service-sessions/${s.id}/three-lists`);
      expect(res.statusCode).toBe(200);
      const lists = res.json<ThreeLists>();
      expect(lists.session.id).toBe(s.id);
      expect(lists.problems).toHaveLength(3);
      const owned = Object.fromEntries(lists.session.experts.map((x) => [x.name, x.problemIds.length]));
      expect(owned).toEqual({ 陈建华: 2, 李国强: 0 });
      expect(lists.session.problemCount).toBe(3);
      // The expert on the team sees the same lists.
      expect((await expertOn.get(`/api/service-sessions/${s.id}/three-lists`)).json<ThreeLists>().problems).toHaveLength(3);
    });
  });
});
