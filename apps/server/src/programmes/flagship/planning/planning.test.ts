import { planResultSchema, type PlanResult, type Role, type TradeCode } from "@jiangxin/domain";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { makeProblem } from "../demo/makeProblem";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { auditLog } from "../../../platform/audit/tables";
import { campaigns } from "../campaigns/tables";
import { problemEvents, problems } from "../problems/tables";

const welding: TradeCode = "6-18-02-04";
const turning: TradeCode = "6-18-01-01";
const bamboo: TradeCode = "6-01-01-01";

type Who = "province" | "hangzhou" | "chunan" | "wuyi" | "expert" | "firm";

// 上城 (330102, ordinary) has two welding problems and both welders live there; 淳安 (330127,
// 山区县) has two welding problems and a turning one; 武义 (330723) a problem no expert's trade covers.
// Two welders for four welding problems: the planner must send both to 淳安, however far.
describe.each(testDatabaseKinds)("campaign planning on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  const id = { shangcheng1: "", shangcheng2: "", chunan1: "", chunan2: "", chunanTurn: "", wuyi: "", welderA: "", welderB: "", turner: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    const sc = await makeEnterprise(db, cipher, { countyCode: "330102", name: "上城某电梯有限公司" });
    const ca = await makeEnterprise(db, cipher, { countyCode: "330127", name: "千岛湖某食品有限公司" });
    const wy = await makeEnterprise(db, cipher, { countyCode: "330723", name: "武义某笋业有限公司" });
    const p = (enterpriseId: string, countyCode: string, trade: TradeCode) => makeProblem(db, { enterpriseId, countyCode, trade, status: "accepted" }).then((r) => r.id);
    id.shangcheng1 = await p(sc.id, "330102", welding);
    id.shangcheng2 = await p(sc.id, "330102", welding);
    id.chunan1 = await p(ca.id, "330127", welding);
    id.chunan2 = await p(ca.id, "330127", welding);
    id.chunanTurn = await p(ca.id, "330127", turning);
    id.wuyi = await p(wy.id, "330723", bamboo);
    // Not yet accepted by the union, so not planned.
    await makeProblem(db, { enterpriseId: ca.id, countyCode: "330127", trade: welding, status: "submitted" });

    id.welderA = (await makeExpert(db, cipher, { name: "上城焊工甲", homeCountyCode: "330102", trades: [welding], skillLevel: "senior", maxOpenProblems: 1 })).id;
    id.welderB = (await makeExpert(db, cipher, { name: "上城焊工乙", homeCountyCode: "330102", trades: [welding], skillLevel: "technician", maxOpenProblems: 1 })).id;
    id.turner = (await makeExpert(db, cipher, { name: "建德车工", homeCountyCode: "330182", trades: [turning, welding], skillLevel: "technician", maxOpenProblems: 1 })).id;
    await makeExpert(db, cipher, { name: "休假焊工", homeCountyCode: "330127", trades: [welding], availability: "unavailable" });
    await makeExpert(db, cipher, { name: "停用焊工", homeCountyCode: "330127", trades: [welding], active: false });

    const users: [Who, Role, { regionCode?: string | null; enterpriseId?: string }][] = [
      ["province", "province", { regionCode: "330000" }],
      ["hangzhou", "city", { regionCode: "330100" }],
      ["chunan", "county", { regionCode: "330127" }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["expert", "expert", { regionCode: null }],
      ["firm", "enterprise", { regionCode: null, enterpriseId: ca.id }],
    ];
    for (const [who, role, fields] of users) {
      await makeUser(db, role, { username: `${kind}-plan-${who}`, ...fields });
      agents[who] = await loginAs(t, `${kind}-plan-${who}`);
    }
  });
  afterAll(() => t.close());

  const compute = async (who: Who, body: object = {}) => {
    const res = await agents[who].post("/api/plans/compute", body);
    expect(res.statusCode, res.body).toBe(200);
    // The route skips zod on the way out (see routes.ts), so check here that the answer is exactly
    // what the schema would have produced: valid, and byte for byte the same once re-encoded.
    expect(JSON.stringify(planResultSchema.parse(res.json()))).toBe(res.body);
    return res.json<PlanResult>();
  };
  const pairs = (plan: PlanResult) => Object.fromEntries(plan.assignments.map((a) => [a.problemId, a.expertId]));

  it("serves the priority county first when experts are short, within capacity and trade", async () => {
    const plan = await compute("hangzhou");
    const got = pairs(plan);
    expect(plan.totals.problems).toBe(5);
    // Both welders go to 淳安, the turner (whose first trade is turning) to the turning problem.
    expect(new Set([got[id.chunan1], got[id.chunan2]])).toEqual(new Set([id.welderA, id.welderB]));
    expect(got[id.chunanTurn]).toBe(id.turner);
    expect(plan.unassigned.map((u) => u.problemId).sort()).toEqual([id.shangcheng1, id.shangcheng2].sort());
    expect(plan.unassigned.every((u) => u.reason === "experts-needed-elsewhere")).toBe(true);
    expect(plan.totals).toMatchObject({ assigned: 3, priorityProblems: 3, priorityAssigned: 3, unassigned: 2, expertsUsed: 3 });
    const perExpert = new Map<string, number>();
    for (const a of plan.assignments) perExpert.set(a.expertId, (perExpert.get(a.expertId) ?? 0) + 1);
    expect(Math.max(...perExpert.values())).toBe(1);
    const chunan = plan.assignments.find((a) => a.problemId === id.chunan1);
    expect(chunan?.priority).toEqual(["mountainous"]);
    expect(chunan?.reasons).toContain("山区县优先");
    expect(chunan?.reasons.some((r) => r.startsWith("距离"))).toBe(true);
    expect(chunan).toMatchObject({ expertCountyCode: "330102", expertCountyName: "上城区" });
    // The planner's tables tell namesakes apart: work unit · home county · level beside the name.
    expect(chunan?.expertDetail).toMatch(/^浙江某装备制造有限公司 · 上城区 · \S+/);
    expect(chunan!.terms.tradeFit + chunan!.terms.skill + chunan!.terms.travel + chunan!.terms.load + chunan!.terms.continuity).toBe(chunan!.cost);
    expect(plan.timing.totalMs).toBeGreaterThanOrEqual(0);
    // Every candidate fits in the shortlists here: one solve, no widening round.
    expect(plan.timing.solves).toBe(1);
  });

  it("explains a problem no expert can take", async () => {
    const plan = await compute("province");
    const wuyi = plan.unassigned.find((u) => u.problemId === id.wuyi);
    expect(wuyi).toMatchObject({ reason: "no-eligible-expert", reasonText: "无对口且有余力的专家", countyName: "武义县" });
    expect(plan.assignments.every((a) => ["上城焊工甲", "上城焊工乙", "建德车工"].includes(a.expertName))).toBe(true);
  });

  it("keeps each county to its own problems", async () => {
    const chunan = await compute("chunan");
    expect(chunan.totals.problems).toBe(3);
    expect([...chunan.assignments, ...chunan.unassigned].every((r) => r.countyCode === "330127")).toBe(true);
    const wuyi = await compute("wuyi");
    expect(wuyi.unassigned.map((u) => u.problemId)).toEqual([id.wuyi]);
    const other = await agents.chunan.post("/api/plans/compute", { regionCode: "330723" });
    expect(other.statusCode).toBe(403);
    expect(other.json<{ fields: Record<string, string> }>().fields.regionCode).toContain("不在您的辖区内");
    // Narrowing to a region inside the scope works.
    expect((await compute("hangzhou", { regionCode: "330102" })).totals.problems).toBe(2);
    // A pin on a problem outside the plan is a field error, not a silent drop.
    const pin = await agents.chunan.post("/api/plans/compute", { pins: [{ problemId: id.shangcheng1, expertId: id.welderA }] });
    expect(pin.statusCode).toBe(400);
    expect(Object.keys(pin.json<{ fields: Record<string, string> }>().fields)).toEqual(["pins.0"]);
  });

  it("narrows to a campaign's counties, and to its priority counties when it is priority-only", async () => {
    const { db } = t.ctx.database;
    const [hangzhouWide] = await db.insert(campaigns).values({ name: "杭州市助企行", year: 2025, regionCodes: ["330100"], targets: {}, ownerRegionCode: "330100" }).returning();
    const [mountains] = await db.insert(campaigns).values({ name: "山区海岛县专项", year: 2025, priorityOnly: true, targets: {}, ownerRegionCode: "330000" }).returning();
    const [wuyiOnly] = await db.insert(campaigns).values({ name: "武义县专项行动", year: 2025, regionCodes: ["330723"], targets: {}, ownerRegionCode: "330723" }).returning();
    expect((await compute("province", { campaignId: hangzhouWide!.id })).totals.problems).toBe(5);
    // 淳安 and 武义 are priority counties; 上城 is not.
    const priority = await compute("province", { campaignId: mountains!.id });
    expect([...priority.assignments, ...priority.unassigned].map((r) => r.countyCode).sort()).toEqual(["330127", "330127", "330127", "330723"]);
    expect((await compute("hangzhou", { campaignId: mountains!.id })).totals.problems).toBe(3);
    // Another county's campaign is not the 淳安 union's to plan.
    expect((await agents.chunan.post("/api/plans/compute", { campaignId: wuyiOnly!.id })).statusCode).toBe(404);
  });

  it.each(["expert", "firm"] as const)("%s may not plan", async (who) => {
    expect((await agents[who].post("/api/plans/compute", {})).statusCode).toBe(403);
    expect((await agents[who].post("/api/plans/accept", { assignments: [{ problemId: id.chunan1, expertId: id.welderA }] })).statusCode).toBe(403);
  });

  it("respects pins and forbids", async () => {
    const pinned = await compute("hangzhou", { pins: [{ problemId: id.shangcheng1, expertId: id.welderA }] });
    const got = pairs(pinned);
    expect(got[id.shangcheng1]).toBe(id.welderA);
    expect(pinned.assignments.find((a) => a.problemId === id.shangcheng1)?.reasons[0]).toBe("人工锁定");
    // The other welder still goes to 淳安, one of whose welding problems is now left over.
    expect([got[id.chunan1], got[id.chunan2]].filter(Boolean)).toEqual([id.welderB]);

    const forbidden = await compute("hangzhou", { forbids: [{ problemId: id.chunanTurn, expertId: id.turner }] });
    const f = pairs(forbidden);
    expect(f[id.chunanTurn]).toBeUndefined();
    expect(forbidden.unassigned.find((u) => u.problemId === id.chunanTurn)?.reason).toBe("no-eligible-expert");
    // Freed from turning, the turner (who also welds) takes a welding problem.
    expect(Object.values(f)).toContain(id.turner);
  });

  it("accepts a plan as matched problems with events and one audit row, and refuses a stale one whole", async () => {
    const { db } = t.ctx.database;
    const plan = await compute("hangzhou");
    const body = { assignments: plan.assignments.map((a) => ({ problemId: a.problemId, expertId: a.expertId })) };

    // 淳安 may not accept a pair in 上城: the whole plan fails and nothing is written.
    const foreign = await agents.chunan.post("/api/plans/accept", { assignments: [...body.assignments, { problemId: id.shangcheng1, expertId: id.turner }] });
    expect(foreign.statusCode).toBe(404);
    const untouched = await db.select({ status: problems.status }).from(problems).where(inArray(problems.id, body.assignments.map((a) => a.problemId)));
    expect(untouched.every((r) => r.status === "accepted")).toBe(true);

    const ok = await agents.hangzhou.post("/api/plans/accept", body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ accepted: 3, members: 0 });
    const rows = await db.select().from(problems).where(inArray(problems.id, body.assignments.map((a) => a.problemId)));
    for (const a of body.assignments) expect(rows.find((r) => r.id === a.problemId)).toMatchObject({ status: "matched", ownerExpertId: a.expertId });
    const events = await db.select().from(problemEvents).where(and(inArray(problemEvents.problemId, body.assignments.map((a) => a.problemId)), eq(problemEvents.toStatus, "matched")));
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.fromStatus === "accepted")).toBe(true);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "plan.accept"));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail).toEqual({ count: 3, members: 0 });

    // The same plan again, now with a fresh pair first: 409, and the fresh pair is not kept either.
    const spare = await makeExpert(db, t.ctx.cipher, { name: "新到焊工", homeCountyCode: "330102", trades: [welding], maxOpenProblems: 1 });
    const stale = await agents.hangzhou.post("/api/plans/accept", { assignments: [{ problemId: id.shangcheng1, expertId: spare.id }, ...body.assignments] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ message: string }>().message).toContain("方案已过期");
    const [fresh] = await db.select().from(problems).where(eq(problems.id, id.shangcheng1));
    expect(fresh).toMatchObject({ status: "accepted", ownerExpertId: null });
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "plan.accept"))).toHaveLength(1);

    // Matched problems and full experts leave the next plan: only the new welder is left for 上城.
    const next = await compute("hangzhou");
    expect(next.totals).toMatchObject({ problems: 2, assigned: 1, experts: 4, expertsUsed: 1 });
  });
});
