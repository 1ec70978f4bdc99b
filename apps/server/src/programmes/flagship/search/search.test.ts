import type { ErrorBody, FlagshipSearchResult, ProblemBatchResult } from "@jiangxin/domain";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { auditLog } from "../../../platform/audit/tables";
import { readXlsxRows } from "../../../platform/xlsx";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { makeProblem } from "../demo/makeProblem";
import { makeServiceSession } from "../demo/makeServiceSession";
import { problemEvents, problems } from "../problems/tables";
import { serviceSessions } from "../serviceSessions/tables";

// One search box, each kind within the reader's scope; batch accept, assign and link: one request, all or nothing.
describe.each(testDatabaseKinds)("flagship search and batch actions on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent, wuyi: Agent, firmAgent: Agent, expertAgent: Agent;
  const id = { a1: "", a2: "", b1: "", firmA: "", done: "", m1: "", m2: "", m3: "", other: "", session: "", wuyiSession: "", expert: "", roomy: "", tight: "" };
  let a1No = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    const firmA = await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安鸿星阀门有限公司" });
    const firmB = await makeEnterprise(db, cipher, { countyCode: "330723", name: "武义鸿星工具有限公司" });
    const firmC = await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安另一家机械有限公司" });
    const firmD = await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安批量测试机械有限公司" });
    id.firmA = firmA.id;
    const expertUser = await makeUser(db, "expert", { username: `${kind}-s-expert`, regionCode: null });
    const expert = await makeExpert(db, cipher, { name: "鸿星专家", homeCountyCode: "330723", userId: expertUser.id });
    id.expert = expert.id;
    await makeExpert(db, cipher, { name: "鸿星专家", employer: "宁波港集团有限公司", homeCountyCode: "330206" });
    id.roomy = (await makeExpert(db, cipher, { name: "批量专家甲", homeCountyCode: "330127", maxOpenProblems: 5 })).id;
    id.tight = (await makeExpert(db, cipher, { name: "批量专家乙", homeCountyCode: "330127", maxOpenProblems: 1 })).id;
    const a1 = await makeProblem(db, { enterpriseId: firmA.id, countyCode: "330127", status: "submitted", title: "阀体铸造砂眼多" });
    id.a1 = a1.id;
    a1No = (await db.select({ no: problems.no }).from(problems).where(eq(problems.id, a1.id)))[0]?.no ?? 0;
    id.a2 = (await makeProblem(db, { enterpriseId: firmA.id, countyCode: "330127", status: "submitted", title: "阀门密封面泄漏" })).id;
    id.done = (await makeProblem(db, { enterpriseId: firmA.id, countyCode: "330127", status: "accepted", title: "阀杆已受理" })).id;
    id.b1 = (await makeProblem(db, { enterpriseId: firmB.id, countyCode: "330723", status: "submitted", title: "武义鸿星砂眼问题" })).id;
    id.m1 = (await makeProblem(db, { enterpriseId: firmD.id, countyCode: "330127", status: "accepted", title: "批量一号" })).id;
    id.m2 = (await makeProblem(db, { enterpriseId: firmD.id, countyCode: "330127", status: "accepted", title: "批量二号" })).id;
    id.m3 = (await makeProblem(db, { enterpriseId: firmD.id, countyCode: "330127", status: "accepted", title: "批量三号" })).id;
    id.other = (await makeProblem(db, { enterpriseId: firmC.id, countyCode: "330127", status: "accepted", title: "别家企业的难题" })).id;
    id.session = (await makeServiceSession(db, { countyCode: "330127", title: "鸿星专场服务", enterpriseIds: [firmA.id, firmD.id], expertIds: [expert.id] })).id;
    id.wuyiSession = (await makeServiceSession(db, { countyCode: "330723", title: "武义鸿星专场服务", enterpriseIds: [firmB.id], expertIds: [expert.id] })).id;
    await makeUser(db, "county", { username: `${kind}-s-chunan`, regionCode: "330127" });
    await makeUser(db, "county", { username: `${kind}-s-wuyi`, regionCode: "330723" });
    await makeUser(db, "enterprise", { username: `${kind}-s-firm`, regionCode: null, enterpriseId: firmA.id });
    chunan = await loginAs(t, `${kind}-s-chunan`);
    wuyi = await loginAs(t, `${kind}-s-wuyi`);
    firmAgent = await loginAs(t, `${kind}-s-firm`);
    expertAgent = await loginAs(t, `${kind}-s-expert`);
  });
  afterAll(() => t.close());

  const search = async (agent: Agent, q: string) => {
    const res = await agent.get(`/api/flagship/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FlagshipSearchResult>().items.map((h) => `${h.kind}:${h.title}`);
  };
  const statusOf = async (ids: string[]) =>
    Object.fromEntries((await t.ctx.database.db.select({ id: problems.id, status: problems.status, owner: problems.ownerExpertId, session: problems.sessionId }).from(problems).where(inArray(problems.id, ids))).map((r) => [r.id, r]));

  it("finds firms, experts, problems and sessions by name, each in the reader's scope", async () => {
    const chunanHits = await search(chunan, "鸿星");
    expect(chunanHits.filter((h) => !h.startsWith("expert:")).sort()).toEqual(
      ["enterprise:淳安鸿星阀门有限公司", "problem:阀体铸造砂眼多", "problem:阀门密封面泄漏", "problem:阀杆已受理", "session:鸿星专场服务"].sort(),
    );
    // A county never finds another county's records; the expert pool is the province's.
    expect(chunanHits).not.toContain("enterprise:武义鸿星工具有限公司");
    expect(chunanHits).not.toContain("session:武义鸿星专场服务");
    expect((await search(wuyi, "鸿星")).filter((h) => !h.startsWith("expert:")).sort()).toEqual(["enterprise:武义鸿星工具有限公司", "problem:武义鸿星砂眼问题", "session:武义鸿星专场服务"].sort());
    // An enterprise finds its own firm, problems and the sessions that visit it only, and no expert pool.
    expect((await search(firmAgent, "鸿星")).sort()).toEqual(["enterprise:淳安鸿星阀门有限公司", "problem:阀体铸造砂眼多", "problem:阀门密封面泄漏", "problem:阀杆已受理", "session:鸿星专场服务"].sort());
    expect(await search(firmAgent, "武义")).toEqual([]);
    // An expert finds itself in the pool, not its namesake, and the sessions it is on.
    expect((await search(expertAgent, "鸿星")).filter((h) => h.startsWith("expert:") || h.startsWith("session:")).sort()).toEqual(["expert:鸿星专家", "session:武义鸿星专场服务", "session:鸿星专场服务"].sort());
  });

  it("leaves voided problems and sessions out of the hits, as the lists do", async () => {
    const { db } = t.ctx.database;
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安作废测试有限公司" });
    const voidedProblem = await makeProblem(db, { enterpriseId: firm.id, countyCode: "330127", status: "accepted", title: "作废测试难题" });
    const liveProblem = await makeProblem(db, { enterpriseId: firm.id, countyCode: "330127", status: "accepted", title: "作废测试难题（有效）" });
    const voidedSession = await makeServiceSession(db, { countyCode: "330127", title: "作废测试场次", enterpriseIds: [firm.id], expertIds: [id.expert] });
    const voided = { voidedAt: new Date(), voidedReason: "重复录入", voidedByName: "淳安县总工会" };
    await db.update(problems).set(voided).where(eq(problems.id, voidedProblem.id));
    await db.update(serviceSessions).set(voided).where(eq(serviceSessions.id, voidedSession.id));
    const res = await chunan.get(`/api/flagship/search?q=${encodeURIComponent("作废测试")}`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json<FlagshipSearchResult>().items.map((h) => h.id);
    expect(ids).toContain(liveProblem.id);
    expect(ids).toContain(firm.id);
    expect(ids).not.toContain(voidedProblem.id);
    expect(ids).not.toContain(voidedSession.id);
  });

  it("tells namesakes apart in the expert hits: work unit · home county · level", async () => {
    const res = await chunan.get(`/api/flagship/search?q=${encodeURIComponent("鸿星专家")}`);
    const subtitles = res.json<FlagshipSearchResult>().items.filter((h) => h.kind === "expert").map((h) => h.subtitle);
    expect(subtitles).toHaveLength(2);
    expect(subtitles.find((s) => s.includes("宁波港"))).toMatch(/^宁波港集团有限公司 · 北仑区 · \S+/);
    expect(new Set(subtitles).size).toBe(2);
  });

  it("finds a problem by its number and a firm by its credit code", async () => {
    const byNumber = await chunan.get(`/api/flagship/search?q=${String(a1No).padStart(6, "0")}`);
    expect(byNumber.json<FlagshipSearchResult>().items[0]).toMatchObject({ kind: "problem", id: id.a1, link: `/problems/${id.a1}` });
    const firm = (await chunan.get(`/api/enterprises/${id.firmA}`)).json<{ uscc: string }>();
    const byCode = await chunan.get(`/api/flagship/search?q=${firm.uscc.slice(0, 10).toLowerCase()}`);
    expect(byCode.json<FlagshipSearchResult>().items.map((h) => h.id)).toContain(id.firmA);
    expect((await chunan.get("/api/flagship/search?q=")).statusCode).toBe(400);
  });

  it("batch accept: one refused row saves none and names every refused row with its reason", async () => {
    const res = await chunan.post("/api/problems/batch-accept", { ids: [id.a1, id.a2, id.done, id.b1] });
    expect(res.statusCode, res.body).toBe(409);
    const body = res.json<ErrorBody>();
    expect(body.fields?.[id.done]).toMatch(/^阀杆已受理：.*不能直接变为/);
    expect(body.fields?.[id.b1]).toMatch(/^\(无权查看或不存在\)：/);
    expect(Object.keys(body.fields ?? {})).toHaveLength(2);
    expect(body.message).toContain("全部未保存");
    const after = await statusOf([id.a1, id.a2, id.b1]);
    expect([after[id.a1]?.status, after[id.a2]?.status, after[id.b1]?.status]).toEqual(["submitted", "submitted", "submitted"]);

    const ok = await chunan.post("/api/problems/batch-accept", { ids: [id.a1, id.a2] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ProblemBatchResult>().done.sort()).toEqual([id.a1, id.a2].sort());
    const audits = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "problem.move"), inArray(auditLog.objectId, [id.a1, id.a2])));
    expect(audits).toHaveLength(2);
    expect((await firmAgent.post("/api/problems/batch-accept", { ids: [id.a1] })).statusCode).toBe(403);
  });

  it("batch assign: one expert with a reason; past its limit none is saved and the row over the limit is named", async () => {
    const refused = await chunan.post("/api/problems/batch-assign", { ids: [id.m1, id.m2], expertId: id.tight, reason: "同一车间的问题" });
    expect(refused.statusCode, refused.body).toBe(409);
    const fields = refused.json<ErrorBody>().fields ?? {};
    expect(Object.keys(fields)).toEqual([id.m2]);
    expect(fields[id.m2]).toContain("达到上限1个");
    expect((await statusOf([id.m1]))[id.m1]?.status).toBe("accepted");

    expect((await chunan.post("/api/problems/batch-assign", { ids: [id.m1], expertId: id.roomy, reason: "" })).statusCode).toBe(400);
    const ok = await chunan.post("/api/problems/batch-assign", { ids: [id.m1, id.m2, id.m3], expertId: id.roomy, reason: "同一车间的问题" });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = await statusOf([id.m1, id.m2, id.m3]);
    expect(Object.values(after).map((r) => [r.status, r.owner])).toEqual(Array(3).fill(["matched", id.roomy]));
    // Each problem carries the reason on its timeline and its own audit row.
    const events = await t.ctx.database.db.select().from(problemEvents).where(and(eq(problemEvents.problemId, id.m1), eq(problemEvents.toStatus, "matched")));
    expect(events[0]?.note).toBe("批量指派：同一车间的问题");
    const audits = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "problem.move"), inArray(auditLog.objectId, [id.m1, id.m2, id.m3])));
    expect(audits).toHaveLength(3);
    // An expert may not assign, and another county's problem is refused without its title.
    expect((await expertAgent.post("/api/problems/batch-assign", { ids: [id.m1], expertId: id.roomy, reason: "x" })).statusCode).toBe(403);
    const across = await wuyi.post("/api/problems/batch-assign", { ids: [id.done], expertId: id.roomy, reason: "跨县" });
    expect(across.statusCode).toBe(409);
    expect(across.json<ErrorBody>().fields?.[id.done]).toMatch(/^\(无权查看或不存在\)/);
  });

  it("batch link: the selected problems go on one session, or none when a firm is not on it", async () => {
    const refused = await chunan.post("/api/problems/batch-link", { ids: [id.m1, id.other, id.a1], sessionId: id.session });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<ErrorBody>().fields?.[id.other]).toContain("不在本场次的服务企业中");
    expect((await statusOf([id.m1]))[id.m1]?.session).toBeNull();

    const ok = await chunan.post("/api/problems/batch-link", { ids: [id.m1, id.m2, id.a1], sessionId: id.session });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = await statusOf([id.m1, id.m2, id.a1]);
    expect(Object.values(after).map((r) => r.session)).toEqual(Array(3).fill(id.session));
    const audits = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "problem.linkSession"));
    expect(audits.map((a) => a.objectId).sort()).toEqual([id.m1, id.m2, id.a1].sort());
    // Another county's session is not found.
    expect((await chunan.post("/api/problems/batch-link", { ids: [id.m3], sessionId: id.wuyiSession })).statusCode).toBe(404);
  });

  it("exports the selected rows, each within the reader's scope", async () => {
    const res = await chunan.get(`/api/problems/export-selected?ids=${[id.m1, id.a1, id.b1].join(",")}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const sheet = await readXlsxRows(res.rawPayload);
    // Another county's problem (b1) is simply absent.
    expect(sheet.rows.map((r) => r.cells["难题"])).toEqual(["批量一号", "阀体铸造砂眼多"]);
    expect(sheet.rows[0]?.cells["负责专家"]).toBe("批量专家甲");
    expect((await chunan.get("/api/problems/export-selected")).statusCode).toBe(400);
    // The selection and the filtered list are one file format: the same columns, in the same order.
    const whole = await readXlsxRows((await chunan.get("/api/problems/export")).rawPayload);
    expect(sheet.headers).toEqual(whole.headers);
    expect(sheet.headers).toContain("专家单位·县·等级");
  });
});
