import { planResultSchema, type PlanResult, type TradeCode } from "@jiangxin/domain";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { makeProblem } from "../demo/makeProblem";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { auditLog } from "../../../platform/audit/tables";
import { problemTeamMembers, problems } from "../problems/tables";

const welding: TradeCode = "6-18-02-04";
const turning: TradeCode = "6-18-01-01";

// Teams: T3 in 淳安 (山区县) needs three welders, T2 in 上城 two. Welders A (room 3), B and C (room 1
// each); D would fit but already helps on an open problem up to its limit; a turner does not weld.
// Five slots, five units of room, but an expert once per team: T3 = {A, B, C}, T2 = {A} + one missing.
describe.each(testDatabaseKinds)("planning teams on %s", (kind) => {
  let t: TestApp;
  let hangzhou: Agent;
  const id = { t3: "", t2: "", a: "", b: "", c: "", d: "", turner: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    const ca = await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安某阀门有限公司" });
    const sc = await makeEnterprise(db, cipher, { countyCode: "330102", name: "上城某电梯有限公司" });
    id.t3 = (await makeProblem(db, { enterpriseId: ca.id, countyCode: "330127", trade: welding, status: "accepted", teamSize: 3 })).id;
    id.t2 = (await makeProblem(db, { enterpriseId: sc.id, countyCode: "330102", trade: welding, status: "accepted", teamSize: 2 })).id;
    const welder = (name: string, maxOpenProblems: number) => makeExpert(db, cipher, { name, homeCountyCode: "330102", trades: [welding], maxOpenProblems }).then((e) => e.id);
    id.a = await welder("焊工甲", 3);
    id.b = await welder("焊工乙", 1);
    id.c = await welder("焊工丙", 1);
    id.d = await welder("焊工丁", 1);
    id.turner = (await makeExpert(db, cipher, { name: "车工", homeCountyCode: "330127", trades: [turning], maxOpenProblems: 3 })).id;
    // D is a 协助专家 on an open problem owned by someone else: its one place is taken.
    const owner = (await makeExpert(db, cipher, { name: "别处负责人", homeCountyCode: "330102", trades: [turning], maxOpenProblems: 1 })).id;
    const busy = await makeProblem(db, { enterpriseId: sc.id, countyCode: "330102", trade: welding, status: "onSite", ownerExpertId: owner, teamSize: 2 });
    await db.insert(problemTeamMembers).values({ problemId: busy.id, expertId: id.d });
    await makeUser(db, "city", { username: `${kind}-teams-hangzhou`, regionCode: "330100" });
    hangzhou = await loginAs(t, `${kind}-teams-hangzhou`);
  });
  afterAll(() => t.close());

  const compute = async (body: object = {}) => {
    const res = await hangzhou.post("/api/plans/compute", body);
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.stringify(planResultSchema.parse(res.json()))).toBe(res.body);
    return res.json<PlanResult>();
  };
  const teamOf = (plan: PlanResult, problemId: string) => plan.assignments.filter((a) => a.problemId === problemId);

  it("gives a team of three three distinct experts of the trade, within room, and reports the slot left empty", async () => {
    const plan = await compute();
    const t3 = teamOf(plan, id.t3);
    expect(new Set(t3.map((a) => a.expertId))).toEqual(new Set([id.a, id.b, id.c]));
    expect(t3.every((a) => a.teamSize === 3)).toBe(true);
    const t2 = teamOf(plan, id.t2);
    expect(t2.map((a) => a.expertId)).toEqual([id.a]);
    // Room counts problems helped on: D is never planned; the turner never on a welding team.
    expect(plan.assignments.some((a) => a.expertId === id.d || a.expertId === id.turner)).toBe(false);
    expect(plan.unassigned).toEqual([expect.objectContaining({ problemId: id.t2, teamSize: 2, missing: 1 })]);
    expect(plan.totals).toMatchObject({ problems: 2, assigned: 2, unassigned: 1, slots: 5, assignedPairs: 4, missingSlots: 1 });
    // One 负责专家 per team, the cheapest pair, listed first.
    for (const team of [t3, t2]) {
      expect(team.filter((a) => a.role === "owner")).toHaveLength(1);
      expect(team[0]?.role).toBe("owner");
      expect(team[0]!.cost).toBe(Math.min(...team.map((a) => a.cost)));
    }
    const perExpert = new Map<string, number>();
    for (const a of plan.assignments) perExpert.set(a.expertId, (perExpert.get(a.expertId) ?? 0) + 1);
    expect(perExpert.get(id.a)).toBe(2);
    expect(perExpert.get(id.b)).toBe(1);
  });

  it("keeps a pin inside the team and plans the rest of it", async () => {
    const plan = await compute({ pins: [{ problemId: id.t2, expertId: id.c }] });
    const t2 = teamOf(plan, id.t2);
    expect(new Set(t2.map((a) => a.expertId))).toEqual(new Set([id.c, id.a]));
    expect(t2.find((a) => a.expertId === id.c)?.reasons[0]).toBe("人工锁定");
    expect(new Set(teamOf(plan, id.t3).map((a) => a.expertId))).toEqual(new Set([id.a, id.b]));
    expect(plan.unassigned).toEqual([expect.objectContaining({ problemId: id.t3, missing: 1, teamSize: 3 })]);
    // A forbid takes one expert out of one team only.
    const forbidden = await compute({ forbids: [{ problemId: id.t3, expertId: id.a }] });
    expect(teamOf(forbidden, id.t3).some((a) => a.expertId === id.a)).toBe(false);
    // More pins than the team has places: a field error on the pin that does not fit.
    const tooMany = await hangzhou.post("/api/plans/compute", {
      pins: [
        { problemId: id.t2, expertId: id.a },
        { problemId: id.t2, expertId: id.b },
        { problemId: id.t2, expertId: id.c },
      ],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<{ fields: Record<string, string> }>().fields["pins.2"]).toContain("需要专家人数为2人");
    // A full expert cannot be pinned.
    expect((await hangzhou.post("/api/plans/compute", { pins: [{ problemId: id.t2, expertId: id.d }] })).statusCode).toBe(400);
  });

  it("accepts teams: the owner through the lifecycle move, the others as 协助专家, one plan.accept row", async () => {
    const { db } = t.ctx.database;
    const plan = await compute();
    const pairs = plan.assignments.map((a) => ({ problemId: a.problemId, expertId: a.expertId }));
    const twoOwners = await hangzhou.post("/api/plans/accept", { assignments: pairs.map((p) => ({ ...p, role: "owner" })) });
    expect(twoOwners.statusCode).toBe(400);
    expect(await db.select().from(problemTeamMembers).where(inArray(problemTeamMembers.problemId, [id.t3, id.t2]))).toHaveLength(0);

    // Without roles, as the page sends them: each problem's first pair owns.
    const ok = await hangzhou.post("/api/plans/accept", { assignments: pairs });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ accepted: 2, members: 2 });
    const rows = await db.select().from(problems).where(inArray(problems.id, [id.t3, id.t2]));
    for (const p of rows) {
      const owner = plan.assignments.find((a) => a.problemId === p.id && a.role === "owner");
      expect(p).toMatchObject({ status: "matched", ownerExpertId: owner?.expertId });
    }
    const members = await db.select().from(problemTeamMembers).where(inArray(problemTeamMembers.problemId, [id.t3, id.t2]));
    const planned = plan.assignments.filter((a) => a.role === "member").map((a) => `${a.problemId}/${a.expertId}`);
    expect(members.map((m) => `${m.problemId}/${m.expertId}`).sort()).toEqual(planned.sort());
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "plan.accept"));
    expect(audits.map((a) => a.detail)).toEqual([{ count: 2, members: 2 }]);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "problem.team.add"), inArray(auditLog.objectId, [id.t3, id.t2])))).toHaveLength(2);

    // Everyone's room is now used: nothing is left to plan, and A carries two problems.
    const expertA = await hangzhou.get(`/api/experts/${id.a}`);
    expect(expertA.json<{ openProblems: number }>().openProblems).toBe(2);
    expect((await compute()).totals.problems).toBe(0);
  });
});
