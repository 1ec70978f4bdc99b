import type { FlagshipSearchResult, ProblemBatchResult } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { makeProblem } from "../demo/makeProblem";
import { makeServiceSession } from "../demo/makeServiceSession";
import { problems } from "../problems/tables";

// One search box, each kind within the reader's scope; 批量受理 moves each problem on its own.
describe.each(testDatabaseKinds)("flagship search and batch accept on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent, wuyi: Agent, firmAgent: Agent;
  const id = { a1: "", a2: "", b1: "", firmA: "", done: "" };
  let a1No = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    const firmA = await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安鸿星阀门有限公司" });
    const firmB = await makeEnterprise(db, cipher, { countyCode: "330723", name: "武义鸿星工具有限公司" });
    id.firmA = firmA.id;
    const expert = await makeExpert(db, cipher, { name: "鸿星专家", homeCountyCode: "330723" });
    const a1 = await makeProblem(db, { enterpriseId: firmA.id, countyCode: "330127", status: "submitted", title: "阀体铸造砂眼多" });
    id.a1 = a1.id;
    a1No = (await db.select({ no: problems.no }).from(problems).where(eq(problems.id, a1.id)))[0]?.no ?? 0;
    id.a2 = (await makeProblem(db, { enterpriseId: firmA.id, countyCode: "330127", status: "submitted", title: "阀门密封面泄漏" })).id;
    id.done = (await makeProblem(db, { enterpriseId: firmA.id, countyCode: "330127", status: "accepted", title: "阀杆已受理" })).id;
    id.b1 = (await makeProblem(db, { enterpriseId: firmB.id, countyCode: "330723", status: "submitted", title: "武义鸿星砂眼问题" })).id;
    await makeServiceSession(db, { countyCode: "330127", title: "鸿星专场服务", enterpriseIds: [firmA.id], expertIds: [expert.id] });
    await makeUser(db, "county", { username: `${kind}-s-chunan`, regionCode: "330127" });
    await makeUser(db, "county", { username: `${kind}-s-wuyi`, regionCode: "330723" });
    await makeUser(db, "enterprise", { username: `${kind}-s-firm`, regionCode: null, enterpriseId: firmA.id });
    chunan = await loginAs(t, `${kind}-s-chunan`);
    wuyi = await loginAs(t, `${kind}-s-wuyi`);
    firmAgent = await loginAs(t, `${kind}-s-firm`);
  });
  afterAll(() => t.close());

  const search = async (agent: Agent, q: string) => {
    const res = await agent.get(`/api/flagship/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FlagshipSearchResult>().items.map((h) => `${h.kind}:${h.title}`);
  };

  it("finds firms, experts, problems and sessions by name, each in the reader's scope", async () => {
    expect((await search(chunan, "鸿星")).sort()).toEqual(
      ["enterprise:淳安鸿星阀门有限公司", "expert:鸿星专家", "problem:阀体铸造砂眼多", "problem:阀门密封面泄漏", "problem:阀杆已受理", "session:鸿星专场服务"].sort(),
    );
    expect((await search(wuyi, "鸿星")).sort()).toEqual(["enterprise:武义鸿星工具有限公司", "expert:鸿星专家", "problem:武义鸿星砂眼问题"].sort());
    // The enterprise sees its own records and no expert pool.
    expect(await search(firmAgent, "武义")).toEqual([]);
  });

  it("finds a problem by its number and a firm by its credit code", async () => {
    const byNumber = await chunan.get(`/api/flagship/search?q=${String(a1No).padStart(6, "0")}`);
    expect(byNumber.json<FlagshipSearchResult>().items[0]).toMatchObject({ kind: "problem", id: id.a1, link: `/problems/${id.a1}` });
    const firm = (await chunan.get(`/api/enterprises/${id.firmA}`)).json<{ uscc: string }>();
    const byCode = await chunan.get(`/api/flagship/search?q=${firm.uscc.slice(0, 10).toLowerCase()}`);
    expect(byCode.json<FlagshipSearchResult>().items.map((h) => h.id)).toContain(id.firmA);
    expect((await chunan.get("/api/flagship/search?q=")).statusCode).toBe(400);
  });

  it("accepts the selected problems one by one, listing those it could not move and why", async () => {
    const res = await chunan.post("/api/problems/batch-accept", { ids: [id.a1, id.a2, id.done, id.b1] });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<ProblemBatchResult>();
    expect(result.done.sort()).toEqual([id.a1, id.a2].sort());
    expect(result.failed.map((f) => [f.id, f.title])).toEqual([
      [id.done, "阀杆已受理"],
      [id.b1, "(无权查看或不存在)"],
    ]);
    expect(result.failed[0]?.message).toContain("不能直接变为");
    const statuses = await t.ctx.database.db.select({ id: problems.id, status: problems.status }).from(problems);
    expect(statuses.find((p) => p.id === id.b1)?.status).toBe("submitted");
    expect((await firmAgent.post("/api/problems/batch-accept", { ids: [id.a1] })).statusCode).toBe(403);
  });
});
