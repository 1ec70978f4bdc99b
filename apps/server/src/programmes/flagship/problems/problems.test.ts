import {
  findTransition,
  problemStatusLabels,
  problemStatuses,
  type DemandListDetail,
  type Problem,
  type ProblemDetail,
  type ProblemStatus,
} from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { makeProblem } from "../demo/makeProblem";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { auditLog } from "../../../platform/audit/tables";
import { problemEvents } from "./tables";

type Who = "province" | "chunan" | "wuyi" | "firmA" | "firmB" | "expert";

const problemInput = (title: string) => ({ title, description: "设备运行时振动大，影响加工精度，需要专家诊断。", trade: "6-31-01-09", urgency: "high" });

describe.each(testDatabaseKinds)("demand lists and problems on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  const firm = { A: { id: "", countyCode: "330127" }, B: { id: "", countyCode: "330723" } };
  /** X: the logged-in expert; pool: takes anything; small: room for one; retired: inactive. */
  const expertIds = { X: "", pool: "", small: "", retired: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const a = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安千岛湖机械有限公司" });
    const b = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330723", name: "武义五金工具有限公司" });
    firm.A.id = a.id;
    firm.B.id = b.id;
    const users: [Who, "province" | "county" | "enterprise" | "expert", { regionCode?: string | null; enterpriseId?: string }][] = [
      ["province", "province", { regionCode: "330000" }],
      ["chunan", "county", { regionCode: "330127" }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["firmA", "enterprise", { regionCode: null, enterpriseId: a.id }],
      ["firmB", "enterprise", { regionCode: null, enterpriseId: b.id }],
      ["expert", "expert", { regionCode: null }],
    ];
    for (const [who, role, fields] of users) {
      const u = await makeUser(db, role, { username: `${kind}-p-${who}`, displayName: `${who}用户`, ...fields });
      if (who === "expert") expertIds.X = (await makeExpert(db, t.ctx.cipher, { name: "张师傅", userId: u.id, maxOpenProblems: 1000 })).id;
      agents[who] = await loginAs(t, `${kind}-p-${who}`);
    }
    expertIds.pool = (await makeExpert(db, t.ctx.cipher, { name: "李工匠", maxOpenProblems: 1000 })).id;
    expertIds.small = (await makeExpert(db, t.ctx.cipher, { name: "王劳模", maxOpenProblems: 1 })).id;
    expertIds.retired = (await makeExpert(db, t.ctx.cipher, { name: "赵师傅", active: false })).id;
  });
  afterAll(() => t.close());

  const ownedStatuses = new Set<ProblemStatus>(["matched", "onSite", "solutionProposed", "inDesign", "implementing", "solved", "unresolved", "followUp"]);
  const problemAt = (status: ProblemStatus, f: { firm?: "A" | "B"; owner?: string | null } = {}) =>
    makeProblem(t.ctx.database.db, {
      enterpriseId: firm[f.firm ?? "A"].id,
      countyCode: firm[f.firm ?? "A"].countyCode,
      status,
      ownerExpertId: f.owner === undefined ? (ownedStatuses.has(status) ? expertIds.X : null) : f.owner,
    });
  const detail = async (who: Who, id: string) => {
    const res = await agents[who].get(`/api/problems/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ProblemDetail>();
  };

  describe("submitting a demand list", () => {
    it("lets an enterprise submit for itself: problems start as submitted with a first event, one audit row", async () => {
      const res = await agents.firmA.post("/api/demand-lists", {
        enterpriseId: firm.A.id,
        note: "希望尽快安排",
        problems: [problemInput("数控车床主轴异响"), problemInput("焊接变形难以控制")],
        trainingNeeds: [{ topic: "数控编程", workers: 30 }],
      });
      expect(res.statusCode, res.body).toBe(201);
      const list = res.json<DemandListDetail>();
      expect(list).toMatchObject({ source: "enterprise", enterpriseId: firm.A.id, problemCount: 2, trainingNeedCount: 1, trainingWorkers: 30 });
      expect(list.problems.map((p) => p.status)).toEqual(["submitted", "submitted"]);
      expect(list.problems[0]?.code).toMatch(/^\d{4}-\d{6}$/);
      const first = await detail("firmA", list.problems[0]?.id ?? "");
      expect(first.events).toMatchObject([{ from: null, to: "submitted", byRole: "enterprise" }]);
      expect(first.moves).toEqual([]);
      const audits = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "demandList.submit"), eq(auditLog.objectId, list.id)));
      expect(audits).toHaveLength(1);
    });

    it("refuses an enterprise submitting for another enterprise (404) and a county outside its region (404)", async () => {
      const body = { enterpriseId: firm.B.id, problems: [problemInput("模具寿命短问题")] };
      expect((await agents.firmA.post("/api/demand-lists", body)).statusCode).toBe(404);
      expect((await agents.chunan.post("/api/demand-lists", body)).statusCode).toBe(404);
      const byUnion = await agents.wuyi.post("/api/demand-lists", body);
      expect(byUnion.statusCode).toBe(201);
      expect(byUnion.json<DemandListDetail>().source).toBe("union");
    });

    it("answers bad input with field-level Chinese messages", async () => {
      const empty = await agents.firmA.post("/api/demand-lists", { enterpriseId: firm.A.id, problems: [], trainingNeeds: [] });
      expect(empty.statusCode).toBe(400);
      expect(JSON.stringify(empty.json())).toContain("至少包含一个难题");
      const bad = await agents.firmA.post("/api/demand-lists", { enterpriseId: firm.A.id, problems: [{ title: "短", description: "短", trade: "x" }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain("难题标题至少4个字");
    });

    it("shows each enterprise only its own lists and problems; a county only its own county's", async () => {
      const mine = await agents.firmA.get("/api/demand-lists");
      expect(mine.json<{ items: { enterpriseId: string }[] }>().items.every((l) => l.enterpriseId === firm.A.id)).toBe(true);
      const bList = await agents.wuyi.get("/api/demand-lists");
      const bId = bList.json<{ items: { id: string }[] }>().items[0]?.id ?? "";
      expect((await agents.firmA.get(`/api/demand-lists/${bId}`)).statusCode).toBe(404);
      expect((await agents.chunan.get(`/api/demand-lists/${bId}`)).statusCode).toBe(404);
      expect((await agents.province.get(`/api/demand-lists/${bId}`)).statusCode).toBe(200);

      const bProblem = await problemAt("submitted", { firm: "B" });
      for (const who of ["firmA", "chunan"] as const) {
        expect((await agents[who].get(`/api/problems/${bProblem.id}`)).statusCode, who).toBe(404);
        expect((await agents[who].post(`/api/problems/${bProblem.id}/moves`, { to: "accepted" })).statusCode, who).toBe(who === "firmA" ? 403 : 404);
        const listed = (await agents[who].get("/api/problems?pageSize=200")).json<{ items: Problem[] }>().items;
        expect(listed.some((p) => p.enterpriseId === firm.B.id), who).toBe(false);
      }
      expect((await agents.wuyi.get(`/api/problems/${bProblem.id}`)).statusCode).toBe(200);
      expect((await agents.chunan.get("/api/problems?regionCode=330723")).json<{ total: number }>().total).toBe(0);
    });

    it("shows an expert only the problems it owns", async () => {
      const mine = await problemAt("onSite", { owner: expertIds.X });
      const other = await problemAt("onSite", { owner: expertIds.pool });
      expect((await agents.expert.get(`/api/problems/${other.id}`)).statusCode).toBe(404);
      const d = await detail("expert", mine.id);
      expect(d.moves.map((m) => m.to).sort()).toEqual(["solutionProposed", "unresolved"]);
      const listed = (await agents.expert.get("/api/problems?pageSize=200")).json<{ items: Problem[] }>().items;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((p) => p.ownerExpertId === expertIds.X)).toBe(true);
    });
  });

  describe("moving problems", () => {
    it("walks the whole table: every legal move succeeds, every other one is refused with 409 naming both statuses", async () => {
      for (const from of problemStatuses) {
        for (const to of problemStatuses) {
          const p = await problemAt(from);
          const legal = findTransition(from, to);
          const body = { to, note: "现场确认的情况说明", ...(legal?.needsOwner && !p.ownerExpertId ? { ownerExpertId: expertIds.pool } : {}) };
          const res = await agents.province.post(`/api/problems/${p.id}/moves`, body);
          if (legal) {
            expect(res.statusCode, `${from}→${to}: ${res.body}`).toBe(200);
            const moved = res.json<ProblemDetail>();
            expect(moved.status).toBe(to);
            expect(moved.events.at(-1)).toMatchObject({ from, to, byRole: "province", note: "现场确认的情况说明" });
          } else {
            expect(res.statusCode, `${from}→${to}`).toBe(409);
            expect(res.json<{ message: string }>().message).toBe(`“${problemStatusLabels[from]}”不能直接变为“${problemStatusLabels[to]}”`);
          }
        }
      }
    });

    it("offers exactly the table's moves for the actor's role", async () => {
      const p = await problemAt("submitted");
      expect((await detail("chunan", p.id)).moves.map((m) => m.label)).toEqual(["受理", "不予受理"]);
      expect((await detail("firmA", p.id)).moves).toEqual([]);
      const u = await problemAt("unresolved", { owner: expertIds.X });
      expect((await detail("expert", u.id)).moves.map((m) => m.to)).toEqual(["followUp"]);
      expect((await detail("chunan", u.id)).moves.map((m) => m.to)).toEqual(["followUp", "closed"]);
    });

    it("refuses a role the table does not allow with 403", async () => {
      const submitted = await problemAt("submitted", { owner: expertIds.X });
      const res = await agents.expert.post(`/api/problems/${submitted.id}/moves`, { to: "accepted" });
      expect(res.statusCode).toBe(403);
      expect(res.json<{ message: string }>().message).toContain("受理");
      const unresolved = await problemAt("unresolved", { owner: expertIds.X });
      expect((await agents.expert.post(`/api/problems/${unresolved.id}/moves`, { to: "closed", note: "企业已停产" })).statusCode).toBe(403);
      expect((await agents.firmA.post(`/api/problems/${unresolved.id}/moves`, { to: "followUp" })).statusCode).toBe(403);
    });

    it("requires a note where the table says so", async () => {
      const p = await problemAt("submitted");
      const res = await agents.chunan.post(`/api/problems/${p.id}/moves`, { to: "rejected" });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ fields: Record<string, string> }>().fields.note).toBe("请填写说明");
      expect((await agents.chunan.post(`/api/problems/${p.id}/moves`, { to: "rejected", note: "   " })).statusCode).toBe(400);
      expect((await detail("chunan", p.id)).status).toBe("submitted");
    });

    it("requires an active expert with room when assigning", async () => {
      const p = await problemAt("accepted");
      const none = await agents.chunan.post(`/api/problems/${p.id}/moves`, { to: "matched" });
      expect(none.statusCode).toBe(400);
      expect(none.json<{ fields: Record<string, string> }>().fields.ownerExpertId).toBe("请选择负责专家");
      const retired = await agents.chunan.post(`/api/problems/${p.id}/moves`, { to: "matched", ownerExpertId: expertIds.retired });
      expect(retired.statusCode).toBe(400);
      expect(retired.json<{ fields: Record<string, string> }>().fields.ownerExpertId).toContain("已停用");

      const first = await agents.chunan.post(`/api/problems/${p.id}/moves`, { to: "matched", ownerExpertId: expertIds.small });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json<ProblemDetail>()).toMatchObject({ ownerExpertId: expertIds.small, ownerExpertName: "王劳模" });
      const q = await problemAt("accepted");
      const full = await agents.chunan.post(`/api/problems/${q.id}/moves`, { to: "matched", ownerExpertId: expertIds.small });
      expect(full.statusCode).toBe(409);
      expect(full.json<{ message: string }>().message).toContain("上限1个");

      // Withdrawing the first assignment frees the expert's place.
      const back = await agents.chunan.post(`/api/problems/${p.id}/moves`, { to: "accepted", note: "专家临时出差" });
      expect(back.json<ProblemDetail>().ownerExpertId).toBeNull();
      expect((await agents.chunan.post(`/api/problems/${q.id}/moves`, { to: "matched", ownerExpertId: expertIds.small })).statusCode).toBe(200);
    });

    it("stores the proposed solution and the solving time", async () => {
      const p = await problemAt("onSite", { owner: expertIds.X });
      const proposed = await agents.expert.post(`/api/problems/${p.id}/moves`, { to: "solutionProposed", note: "更换主轴轴承并重新调整预紧力" });
      expect(proposed.json<ProblemDetail>().solution).toBe("更换主轴轴承并重新调整预紧力");
      const solved = await agents.expert.post(`/api/problems/${p.id}/moves`, { to: "solved" });
      const d = solved.json<ProblemDetail>();
      expect(d.status).toBe("solved");
      expect(Math.abs(Date.parse(d.solvedAt ?? "") - Date.now())).toBeLessThan(60_000);
      expect(d.moves).toEqual([]);
      expect(d.canNote).toBe(false);
    });

    it("lets exactly one of two identical concurrent moves succeed", async () => {
      const p = await problemAt("submitted");
      const results = await Promise.all([agents.chunan.post(`/api/problems/${p.id}/moves`, { to: "accepted" }), agents.province.post(`/api/problems/${p.id}/moves`, { to: "accepted" })]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const events = await t.ctx.database.db.select().from(problemEvents).where(eq(problemEvents.problemId, p.id));
      expect(events.filter((e) => e.toStatus === "accepted")).toHaveLength(1);
    });

    it("records an event and an audit row for every move and note, in the same transaction", async () => {
      const p = await problemAt("submitted");
      await agents.chunan.post(`/api/problems/${p.id}/moves`, { to: "accepted", note: "已电话联系企业" });
      await agents.chunan.post(`/api/problems/${p.id}/notes`, { note: "约定下周上门" });
      const refused = await agents.chunan.post(`/api/problems/${p.id}/moves`, { to: "solved" });
      expect(refused.statusCode).toBe(409);
      const audits = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.objectId, p.id));
      expect(audits.map((a) => a.action).sort()).toEqual(["problem.move", "problem.note"]);
      expect(audits.find((a) => a.action === "problem.move")?.detail).toMatchObject({ from: "submitted", to: "accepted" });
      const d = await detail("chunan", p.id);
      expect(d.events.map((e) => [e.from, e.to, e.note])).toEqual([
        [null, "submitted", null],
        ["submitted", "accepted", "已电话联系企业"],
        ["accepted", "accepted", "约定下周上门"],
      ]);
      expect(d.events[1]).toMatchObject({ byName: "chunan用户", byRole: "county" });
    });

    it("refuses notes on finished problems and from enterprises", async () => {
      const closed = await problemAt("rejected");
      expect((await agents.province.post(`/api/problems/${closed.id}/notes`, { note: "补充说明" })).statusCode).toBe(409);
      const open = await problemAt("submitted");
      expect((await agents.firmA.post(`/api/problems/${open.id}/notes`, { note: "补充说明" })).statusCode).toBe(403);
      expect((await agents.province.post(`/api/problems/${open.id}/notes`, { note: "" })).statusCode).toBe(400);
    });
  });

  describe("rating", () => {
    it("lets the enterprise rate a solved problem of its own, once, audited", async () => {
      const p = await problemAt("solved");
      const before = await detail("firmA", p.id);
      expect(before).toMatchObject({ canRate: true, rating: null });
      expect((await agents.firmB.post(`/api/problems/${p.id}/rating`, { score: 5 })).statusCode).toBe(404);
      expect((await agents.firmA.post(`/api/problems/${p.id}/rating`, { score: 6 })).statusCode).toBe(400);
      const res = await agents.firmA.post(`/api/problems/${p.id}/rating`, { score: 5, comment: "专家很专业，问题彻底解决" });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ProblemDetail>()).toMatchObject({ canRate: false, rating: { score: 5, comment: "专家很专业，问题彻底解决" } });
      const again = await agents.firmA.post(`/api/problems/${p.id}/rating`, { score: 1 });
      expect(again.statusCode).toBe(409);
      expect(again.json<{ message: string }>().message).toContain("已评价");
      const audits = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, p.id), eq(auditLog.action, "problem.rate")));
      expect(audits).toHaveLength(1);
      expect((await agents.chunan.post(`/api/problems/${p.id}/rating`, { score: 3 })).statusCode).toBe(403);
    });

    it("refuses to rate a problem that is not solved yet", async () => {
      const p = await problemAt("implementing");
      const res = await agents.firmA.post(`/api/problems/${p.id}/rating`, { score: 4 });
      expect(res.statusCode).toBe(409);
      expect((await detail("firmA", p.id)).canRate).toBe(false);
    });
  });
});
