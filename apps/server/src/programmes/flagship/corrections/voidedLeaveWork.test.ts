import type { DemandList, DemandListDetail, Expert, MyTasks, PlanResult, Problem, ServiceSession, TodoPage } from "@jiangxin/domain";
import { todayInChina } from "@jiangxin/domain";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { problemEvents, problems } from "../problems/tables";

type Page<T> = { items: T[]; total: number };
type Who = "chunan" | "firm" | "expert";
const dayMs = 24 * 3600 * 1000;
const problemInput = (title: string) => ({ title, description: "设备运行时振动大，影响加工精度，需要专家诊断。", trade: "6-31-01-09", urgency: "high" });

/**
 * Issue 11: a voided record leaves every work list, not only the figures — the problem list (unless
 * 显示已作废), the overdue list, the planner's input, the expert's load and suggestions, the demand
 * list's counters — and its open to-dos close. It takes no further moves.
 */
describe.each(testDatabaseKinds)("voided records leave the work lists on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  let firmId = "";
  let expertId = "";
  let list: DemandListDetail;

  const ok = async <T>(p: Promise<{ statusCode: number; body: string; json: <U>() => U }>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<T>();
  };
  const todos = async (who: Who) => (await ok<TodoPage>(agents[who].get("/api/inbox/todos"))).items;
  const problemIds = async (query = "") => (await ok<Page<Problem>>(agents.chunan.get(`/api/problems?pageSize=100${query}`))).items.map((p) => p.id);

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    firmId = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "千岛湖作废测试机械有限公司" })).id;
    const made = {
      chunan: await makeUser(db, "county", { username: `${kind}-v-chunan`, regionCode: "330127" }),
      firm: await makeUser(db, "enterprise", { username: `${kind}-v-firm`, regionCode: null, enterpriseId: firmId }),
      expert: await makeUser(db, "expert", { username: `${kind}-v-expert`, regionCode: null }),
    };
    expertId = (await makeExpert(db, t.ctx.cipher, { name: "作废测试专家", userId: made.expert.id, homeCountyCode: "330127", trades: ["6-31-01-09"], maxOpenProblems: 10 })).id;
    for (const who of Object.keys(made) as Who[]) agents[who] = await loginAs(t, made[who].username);
    list = await ok<DemandListDetail>(agents.firm.post("/api/demand-lists", { enterpriseId: firmId, problems: ["主轴异响重复录入", "空压机故障率高", "测试录入的难题", "录错企业的难题"].map(problemInput), trainingNeeds: [] }));
  });
  afterAll(() => t.close());

  it("a voided 已提交 problem no longer keeps its list's 待受理 open nor counts on the list", async () => {
    const [dup, real] = list.problems;
    await ok(agents.chunan.post(`/api/problems/${real!.id}/moves`, { to: "accepted" }));
    await ok(agents.chunan.post(`/api/problems/${list.problems[2]!.id}/moves`, { to: "accepted" }));
    // Accepted, then voided: it must not reach the planner below.
    await ok(agents.chunan.post(`/api/problems/${list.problems[3]!.id}/moves`, { to: "accepted" }));
    await ok(agents.chunan.post(`/api/problems/${list.problems[3]!.id}/void`, { reason: "录到了别的企业名下" }));
    expect((await todos("chunan")).map((i) => i.link)).toContain(`/demand-lists/${list.id}`);
    await ok(agents.chunan.post(`/api/problems/${dup!.id}/void`, { reason: "企业重复录入的同一难题" }));
    // Nothing of the list waits for acceptance any more: its 待受理 is done.
    expect((await todos("chunan")).map((i) => i.link)).not.toContain(`/demand-lists/${list.id}`);
    const row = (await ok<Page<DemandList>>(agents.chunan.get(`/api/demand-lists?enterpriseId=${firmId}`))).items.find((l) => l.id === list.id);
    expect(row).toMatchObject({ pendingCount: 0, problemCount: 2, status: "inProgress" });
  });

  it("leaves the problem list unless 显示已作废 is asked for, and takes no further moves", async () => {
    const dup = list.problems[0]!.id;
    expect(await problemIds()).not.toContain(dup);
    expect(await problemIds("&showVoided=true")).toContain(dup);
    const shown = (await ok<Page<Problem>>(agents.chunan.get("/api/problems?showVoided=true&pageSize=100"))).items.find((p) => p.id === dup);
    expect(shown?.voided?.reason).toBe("企业重复录入的同一难题");
    expect((await agents.chunan.post(`/api/problems/${dup}/moves`, { to: "accepted" })).statusCode).toBe(409);
    expect((await agents.chunan.get(`/api/problems/${dup}/suggestions`)).statusCode).toBe(409);
  });

  it("leaves the planner's input, the expert's load and the overdue list; its 催办 closes", async () => {
    const [, real, test] = list.problems;
    const planned = async () => (await ok<PlanResult>(agents.chunan.post("/api/plans/compute", {}))).totals.problems;
    expect(await planned()).toBe(2);
    await ok(agents.chunan.post(`/api/problems/${real!.id}/moves`, { to: "matched", ownerExpertId: expertId }));
    await ok(agents.chunan.post(`/api/problems/${test!.id}/moves`, { to: "matched", ownerExpertId: expertId }));
    expect((await ok<Expert>(agents.chunan.get(`/api/experts/${expertId}`))).openProblems).toBe(2);
    await ok(agents.chunan.post(`/api/problems/${test!.id}/urge`));
    expect((await todos("expert")).map((i) => i.link)).toContain(`/problems/${test!.id}`);

    await ok(agents.chunan.post(`/api/problems/${test!.id}/void`, { reason: "培训演示时录入的测试数据" }));
    expect((await todos("expert")).map((i) => i.link)).not.toContain(`/problems/${test!.id}`);
    expect((await ok<Expert>(agents.chunan.get(`/api/experts/${expertId}`))).openProblems).toBe(1);
    expect((await ok<MyTasks>(agents.expert.get("/api/my-tasks"))).tasks.map((x) => x.problemId)).toEqual([real!.id]);

    // Both quiet for 40 days (moved back in the database: travelling the clock would end the logins).
    const quiet = new Date(t.ctx.now().getTime() - 40 * dayMs);
    const { db } = t.ctx.database;
    await db.update(problems).set({ statusChangedAt: quiet }).where(inArray(problems.id, [real!.id, test!.id]));
    await db.update(problemEvents).set({ at: quiet }).where(inArray(problemEvents.problemId, [real!.id, test!.id]));
    const overdue = (await ok<{ items: Problem[] }>(agents.chunan.get("/api/problems/overdue?days=30&pageSize=100"))).items.map((p) => p.id);
    expect(overdue).toContain(real!.id);
    expect(overdue).not.toContain(test!.id);
  });

  it("a voided session leaves the session list unless asked for and takes no linked problems", async () => {
    const today = todayInChina(t.ctx.now());
    const session = await ok<ServiceSession>(
      agents.chunan.post("/api/service-sessions", { date: today, countyCode: "330127", title: "作废测试场次", enterpriseIds: [firmId], expertIds: [expertId] }),
    );
    await ok(agents.chunan.post(`/api/service-sessions/${session.id}/void`, { reason: "同一场次录入了两次" }));
    const ids = async (q: string) => (await ok<Page<ServiceSession>>(agents.chunan.get(`/api/service-sessions?pageSize=100${q}`))).items.map((s) => s.id);
    expect(await ids("")).not.toContain(session.id);
    expect(await ids("&showVoided=true")).toContain(session.id);
    expect((await agents.chunan.post(`/api/service-sessions/${session.id}/link-problems`, { problemIds: [list.problems[1]!.id] })).statusCode).toBe(409);
  });

  it("a voided problem leaves its session's on-site lists and counts", async () => {
    const real = list.problems[1]!.id;
    const session = await ok<ServiceSession>(
      agents.chunan.post("/api/service-sessions", { date: todayInChina(t.ctx.now()), countyCode: "330127", title: "现场清单测试场次", enterpriseIds: [firmId], expertIds: [expertId] }),
    );
    await ok(agents.chunan.post(`/api/service-sessions/${session.id}/link-problems`, { problemIds: [real] }));
    const lists = async () => ok<{ session: ServiceSession; problems: Problem[] }>(agents.chunan.get(`/api/service-sessions/${session.id}/three-lists`));
    expect((await lists()).problems.map((p) => p.id)).toEqual([real]);
    expect((await lists()).session.problemCount).toBe(1);
    await ok(agents.chunan.post(`/api/problems/${real}/void`, { reason: "现场核实为重复难题" }));
    expect((await lists()).problems).toEqual([]);
    expect((await lists()).session.problemCount).toBe(0);
  });

  it("sessions, trainings and agreements answer correct / void / corrections the same way (one owner: correctionRoutes)", async () => {
    const today = todayInChina(t.ctx.now());
    const created = {
      "service-sessions": await ok<{ id: string }>(agents.chunan.post("/api/service-sessions", { date: today, countyCode: "330127", title: "同形测试场次", enterpriseIds: [firmId], expertIds: [expertId] })),
      trainings: await ok<{ id: string }>(agents.chunan.post("/api/trainings", { date: today, topic: "同形测试培训", countyCode: "330127", trainerExpertIds: [expertId], trainees: 20 })),
      agreements: await ok<{ id: string }>(
        agents.chunan.post("/api/agreements", { enterpriseId: firmId, title: "同形测试协议", scopes: ["equipmentRenovation"], expertIds: [expertId], signedOn: today, startDate: today, endDate: "2099-01-01" }),
      ),
    };
    for (const [path, { id }] of Object.entries(created)) {
      const noReason = await agents.chunan.post(`/api/${path}/${id}/void`, {});
      expect(noReason.statusCode, path).toBe(400);
      expect(noReason.json<{ fields: Record<string, string> }>().fields.reason, path).toBe("请填写作废理由");
      expect((await agents.firm.post(`/api/${path}/${id}/void`, { reason: "企业不能作废记录" })).statusCode, path).toBe(403);
      expect((await agents.chunan.post(`/api/${path}/${id}/correct`, {})).statusCode, path).toBe(400);
      await ok(agents.chunan.post(`/api/${path}/${id}/void`, { reason: "同形测试作废理由" }));
      expect((await agents.chunan.post(`/api/${path}/${id}/void`, { reason: "再次作废同一记录" })).statusCode, path).toBe(409);
      const history = await ok<{ kind: string; reason: string }[]>(agents.chunan.get(`/api/${path}/${id}/corrections`));
      expect(history.map((h) => [h.kind, h.reason]), path).toEqual([["void", "同形测试作废理由"]]);
    }
  });
});
