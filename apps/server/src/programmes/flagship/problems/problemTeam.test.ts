import { csrfHeader, sessionCookie, type DemandListDetail, type ProblemDetail, type TradeCode } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { makeProblem } from "../demo/makeProblem";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { auditLog } from "../../../platform/audit/tables";
import { problemEvents, problemTeamMembers } from "./tables";

const welding: TradeCode = "6-18-02-04";
const turning: TradeCode = "6-18-01-01";
type ErrorBody = { code: string; message: string; fields?: Record<string, string> };

// 需要专家人数 and 协助专家: who may change a team, the rules of adding and removing, and the load.
describe.each(testDatabaseKinds)("problem teams on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent, wuyi: Agent, ownerAgent: Agent, helperAgent: Agent, otherExpertAgent: Agent;
  const id = { firm: "", owner: "", helper: "", helper2: "", turner: "", busy: "", other: "" };

  // The test agent has GET and POST; PATCH and DELETE go through inject with the same cookie and token.
  const send = (agent: Agent, method: "PATCH" | "DELETE", url: string, body?: object) =>
    t.app.inject({ method, url, headers: { cookie: `${sessionCookie}=${agent.cookie}`, [csrfHeader]: agent.info.csrfToken }, ...(body ? { payload: body } : {}) });
  const matchedProblem = async (teamSize: number) =>
    (await makeProblem(t.ctx.database.db, { enterpriseId: id.firm, countyCode: "330127", trade: welding, status: "matched", ownerExpertId: id.owner, teamSize })).id;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    id.firm = (await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安某阀门有限公司" })).id;
    const u = (name: string) => makeUser(db, "expert", { username: `${kind}-team-${name}`, regionCode: null });
    id.owner = (await makeExpert(db, cipher, { name: "负责焊工", trades: [welding], maxOpenProblems: 10, userId: (await u("owner")).id })).id;
    id.helper = (await makeExpert(db, cipher, { name: "协助焊工甲", trades: [welding], maxOpenProblems: 5, userId: (await u("helper")).id })).id;
    id.other = (await makeExpert(db, cipher, { name: "无关焊工", trades: [welding], userId: (await u("other")).id })).id;
    id.helper2 = (await makeExpert(db, cipher, { name: "协助焊工乙", trades: [turning, welding], maxOpenProblems: 5 })).id;
    id.turner = (await makeExpert(db, cipher, { name: "车工", trades: [turning] })).id;
    id.busy = (await makeExpert(db, cipher, { name: "满负荷焊工", trades: [welding], maxOpenProblems: 1 })).id;
    await makeProblem(db, { enterpriseId: id.firm, countyCode: "330127", trade: welding, status: "onSite", ownerExpertId: id.busy });
    await makeUser(db, "county", { username: `${kind}-team-chunan`, regionCode: "330127" });
    await makeUser(db, "county", { username: `${kind}-team-wuyi`, regionCode: "330723" });
    chunan = await loginAs(t, `${kind}-team-chunan`);
    wuyi = await loginAs(t, `${kind}-team-wuyi`);
    ownerAgent = await loginAs(t, `${kind}-team-owner`);
    helperAgent = await loginAs(t, `${kind}-team-helper`);
    otherExpertAgent = await loginAs(t, `${kind}-team-other`);
  });
  afterAll(() => t.close());

  it("takes 需要专家人数 on a demand list (1–3, default 1) and edits it, not below the team", async () => {
    const problem = (title: string, extra: object = {}) => ({ title, description: "阀体焊缝渗漏，返修率高，需要专家会诊。", trade: welding, ...extra });
    const bad = await chunan.post("/api/demand-lists", { enterpriseId: id.firm, problems: [problem("阀体焊缝渗漏", { teamSize: 4 })] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().fields?.["problems.0.teamSize"]).toBe("需要专家人数为1–3人");
    const ok = await chunan.post("/api/demand-lists", { enterpriseId: id.firm, problems: [problem("阀体焊缝渗漏", { teamSize: 3 }), problem("法兰焊接变形")] });
    expect(ok.statusCode, ok.body).toBe(201);
    const [three, one] = ok.json<DemandListDetail>().problems;
    expect([three?.teamSize, one?.teamSize]).toEqual([3, 1]);

    const edited = await send(chunan, "PATCH", `/api/problems/${one!.id}`, { teamSize: 2 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<ProblemDetail>()).toMatchObject({ teamSize: 2, teamMembers: [], canManageTeam: true });
    expect(edited.json<ProblemDetail>().events.at(-1)?.note).toBe("需要专家人数：1人 → 2人");
    const zero = await send(chunan, "PATCH", `/api/problems/${one!.id}`, { teamSize: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json<ErrorBody>().fields?.teamSize).toBe("需要专家人数为1–3人");
    expect((await send(wuyi, "PATCH", `/api/problems/${one!.id}`, { teamSize: 3 })).statusCode).toBe(404);
    expect((await send(ownerAgent, "PATCH", `/api/problems/${one!.id}`, { teamSize: 3 })).statusCode).toBe(403);

    // A team of two (owner + one helper) cannot shrink to one.
    const p = await matchedProblem(2);
    expect((await chunan.post(`/api/problems/${p}/team`, { expertId: id.helper })).statusCode).toBe(200);
    const shrink = await send(chunan, "PATCH", `/api/problems/${p}`, { teamSize: 1 });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json<ErrorBody>().fields?.teamSize).toContain("不能少于2人");
  });

  it("adds a 协助专家 only of the trade, with room, not the owner, not twice, not beyond the team size", async () => {
    const { db } = t.ctx.database;
    const p = await matchedProblem(3);
    const add = (agent: Agent, expertId: string) => agent.post(`/api/problems/${p}/team`, { expertId });
    const fieldOf = async (agent: Agent, expertId: string, status: number) => {
      const res = await add(agent, expertId);
      expect(res.statusCode, res.body).toBe(status);
      return res.json<ErrorBody>().fields?.expertId;
    };
    expect(await fieldOf(chunan, id.turner, 400)).toContain("工种与难题所需工种(焊工)不符");
    expect(await fieldOf(chunan, id.owner, 400)).toContain("已是本难题的负责专家");
    expect(await fieldOf(chunan, id.busy, 409)).toContain("达到上限1个");
    expect(await fieldOf(chunan, "00000000-0000-4000-8000-000000000000", 400)).toBe("所选专家不存在");
    const badId = await chunan.post(`/api/problems/${p}/team`, { expertId: "x" });
    expect(badId.statusCode).toBe(400);
    expect(badId.json<ErrorBody>().fields?.expertId).toBe("请选择协助专家");
    // Out of region: 404; an expert (even the owner) does not choose its team: 403.
    expect((await add(wuyi, id.helper)).statusCode).toBe(404);
    expect((await add(ownerAgent, id.helper)).statusCode).toBe(403);

    const first = await add(chunan, id.helper);
    expect(first.statusCode, first.body).toBe(200);
    expect(await fieldOf(chunan, id.helper, 409)).toContain("已在专家团队中");
    const second = await add(chunan, id.helper2);
    expect(second.statusCode, second.body).toBe(200);
    const detail = second.json<ProblemDetail>();
    expect(detail.teamMembers.map((m) => m.expertName)).toEqual(["协助焊工甲", "协助焊工乙"]);
    expect(detail.events.at(-1)?.note).toBe("加入协助专家：协助焊工乙");
    expect(await fieldOf(chunan, id.other, 409)).toBe("专家团队已满(需要专家人数3人)");
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "problem.team.add"), eq(auditLog.objectId, p)));
    expect(audits.map((a) => (a.detail as { expertName: string }).expertName).sort()).toEqual(["协助焊工乙", "协助焊工甲"]);

    // Removing: the member goes, a timeline line and an audit row; removing a non-member is 404.
    const removed = await send(chunan, "DELETE", `/api/problems/${p}/team/${id.helper2}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json<ProblemDetail>().teamMembers.map((m) => m.expertId)).toEqual([id.helper]);
    expect(removed.json<ProblemDetail>().events.at(-1)?.note).toBe("移出协助专家：协助焊工乙");
    expect((await send(chunan, "DELETE", `/api/problems/${p}/team/${id.helper2}`)).statusCode).toBe(404);
    expect((await send(ownerAgent, "DELETE", `/api/problems/${p}/team/${id.helper}`)).statusCode).toBe(403);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "problem.team.remove"), eq(auditLog.objectId, p)))).toHaveLength(1);
  });

  it("leaves the owner and the 协助专家 out of the problem's suggestions", async () => {
    const p = await matchedProblem(2);
    const suggested = async () => (await chunan.get(`/api/problems/${p}/suggestions`)).json<{ items: { expert: { id: string } }[] }>().items.map((s) => s.expert.id);
    const before = await suggested();
    expect(before).toContain(id.helper);
    expect(before).not.toContain(id.owner);
    expect((await chunan.post(`/api/problems/${p}/team`, { expertId: id.helper })).statusCode).toBe(200);
    const after = await suggested();
    expect(after).not.toContain(id.helper);
    expect(after).toContain(id.helper2);
  });

  it("needs the owner first, and a team size above one", async () => {
    const { db } = t.ctx.database;
    const waiting = (await makeProblem(db, { enterpriseId: id.firm, countyCode: "330127", trade: welding, status: "accepted", teamSize: 2 })).id;
    const noOwner = await chunan.post(`/api/problems/${waiting}/team`, { expertId: id.helper });
    expect(noOwner.statusCode).toBe(409);
    expect(noOwner.json<ErrorBody>().fields?.expertId).toContain("请先指派负责专家");
    const single = await matchedProblem(1);
    const res = await chunan.post(`/api/problems/${single}/team`, { expertId: id.helper });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().fields?.expertId).toContain("需要专家人数为1人");
  });

  it("lets a 协助专家 see the problem like its owner; another expert gets 404", async () => {
    const p = await matchedProblem(2);
    expect((await helperAgent.get(`/api/problems/${p}`)).statusCode).toBe(404);
    expect((await chunan.post(`/api/problems/${p}/team`, { expertId: id.helper })).statusCode).toBe(200);
    const seen = await helperAgent.get(`/api/problems/${p}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<ProblemDetail>()).toMatchObject({ ownerExpertName: "负责焊工", teamMembers: [{ expertName: "协助焊工甲" }], canManageTeam: false });
    const listed = await helperAgent.get(`/api/problems?pageSize=100`);
    expect(listed.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(p);
    expect((await otherExpertAgent.get(`/api/problems/${p}`)).statusCode).toBe(404);
    // Staff filtering by the helper find the problem too.
    const byExpert = await chunan.get(`/api/problems?expertId=${id.helper}&pageSize=100`);
    expect(byExpert.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(p);
  });

  it("counts problems helped on in the load, and withdrawing the assignment releases the team", async () => {
    const { db } = t.ctx.database;
    const limited = (await makeExpert(db, t.ctx.cipher, { name: "限一题焊工", trades: [welding], maxOpenProblems: 1 })).id;
    const p = await matchedProblem(2);
    expect((await chunan.post(`/api/problems/${p}/team`, { expertId: limited })).statusCode).toBe(200);
    // Full through helping: neither owner of nor helper on another problem.
    const expert = await chunan.get(`/api/experts/${limited}`);
    expect(expert.json<{ openProblems: number }>().openProblems).toBe(1);
    const other = (await makeProblem(db, { enterpriseId: id.firm, countyCode: "330127", trade: welding, status: "accepted" })).id;
    const assign = await chunan.post(`/api/problems/${other}/moves`, { to: "matched", ownerExpertId: limited });
    expect(assign.statusCode).toBe(409);
    expect(assign.json<ErrorBody>().fields?.ownerExpertId).toBe("已达承担上限(1/1)");
    // Nor may a helper become the owner of the same problem while on its team.
    const swap = await chunan.post(`/api/problems/${p}/moves`, { to: "onSite", ownerExpertId: limited });
    expect(swap.statusCode).toBe(409);
    expect(swap.json<ErrorBody>().fields?.ownerExpertId).toContain("已是本难题的协助专家");

    const withdrawn = await chunan.post(`/api/problems/${p}/moves`, { to: "accepted", note: "企业暂缓，撤回指派" });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<ProblemDetail>()).toMatchObject({ ownerExpertId: null, teamMembers: [] });
    expect(await db.select().from(problemTeamMembers).where(eq(problemTeamMembers.problemId, p))).toHaveLength(0);
    const events = await db.select().from(problemEvents).where(eq(problemEvents.problemId, p));
    expect(events.some((e) => e.toStatus === "accepted" && e.fromStatus === "matched")).toBe(true);
    expect((await chunan.post(`/api/problems/${other}/moves`, { to: "matched", ownerExpertId: limited })).statusCode).toBe(200);
  });
});
