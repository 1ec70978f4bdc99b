import type { DemandListDetail, NotificationPage, TodoPage } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { outbox } from "../../../platform/inbox/tables";
import { makeDemandList } from "../demo/makeDemandList";
import { raiseOpenDemandListTodos } from "./inboxWiring";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";

type Who = "chunan" | "wuyi" | "firm" | "expert" | "member";

const problemInput = (title: string) => ({ title, description: "设备运行时振动大，影响加工精度，需要专家诊断。", trade: "6-31-01-09", urgency: "high" });

// The flagship's wiring of the inbox: demand list → 待受理 for its county; expert assigned → notification + SMS; 催办 → the owner's to-do.
describe.each(testDatabaseKinds)("flagship to-dos and notifications on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  let firmId = "";
  const expertIds = { owner: "", member: "" };
  const todosOf = async (who: Who) => {
    const res = await agents[who].get("/api/inbox/todos");
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TodoPage>();
  };
  const move = async (who: Who, problemId: string, body: object) => {
    const res = await agents[who].post(`/api/problems/${problemId}/moves`, body);
    expect(res.statusCode, res.body).toBe(200);
  };
  const submit = async (titles: string[]) => {
    const res = await agents.firm.post("/api/demand-lists", { enterpriseId: firmId, problems: titles.map(problemInput), trainingNeeds: [] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<DemandListDetail>();
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安千岛湖机械有限公司" });
    firmId = firm.id;
    const made = {
      chunan: await makeUser(db, "county", { username: `${kind}-w-chunan`, regionCode: "330127" }),
      wuyi: await makeUser(db, "county", { username: `${kind}-w-wuyi`, regionCode: "330723" }),
      firm: await makeUser(db, "enterprise", { username: `${kind}-w-firm`, regionCode: null, enterpriseId: firm.id }),
      expert: await makeUser(db, "expert", { username: `${kind}-w-expert`, regionCode: null }),
      member: await makeUser(db, "expert", { username: `${kind}-w-member`, regionCode: null }),
    };
    expertIds.owner = (await makeExpert(db, t.ctx.cipher, { name: "张师傅", userId: made.expert.id, phone: "13900001111", maxOpenProblems: 100 })).id;
    expertIds.member = (await makeExpert(db, t.ctx.cipher, { name: "李工匠", userId: made.member.id, phone: "13900002222", maxOpenProblems: 100, trades: ["6-31-01-09"] })).id;
    for (const who of Object.keys(made) as Who[]) agents[who] = await loginAs(t, made[who].username);
  });
  afterAll(() => t.close());

  it("a new demand list is a 待受理 for its county, closed once every problem is accepted or rejected", async () => {
    const list = await submit(["数控车床主轴异响", "焊接变形难以控制"]);
    const page = await todosOf("chunan");
    const todo = page.items.find((i) => i.link === `/demand-lists/${list.id}`);
    expect(todo).toMatchObject({ kind: "toAccept", title: "淳安千岛湖机械有限公司提交需求清单，2个难题待受理", overdue: false });
    expect(todo?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await todosOf("wuyi")).items).toEqual([]);
    expect((await todosOf("firm")).items).toEqual([]);

    const [first, second] = list.problems;
    await move("chunan", first?.id ?? "", { to: "accepted" });
    // One problem still waits: the to-do stays.
    expect((await todosOf("chunan")).items.map((i) => i.link)).toContain(`/demand-lists/${list.id}`);
    await move("chunan", second?.id ?? "", { to: "rejected", note: "不属于技术难题" });
    expect((await todosOf("chunan")).items.map((i) => i.link)).not.toContain(`/demand-lists/${list.id}`);
  });

  it("a list with training needs only raises nothing (no problem waits for acceptance)", async () => {
    const res = await agents.firm.post("/api/demand-lists", { enterpriseId: firmId, problems: [], trainingNeeds: [{ topic: "数控编程", workers: 20 }] });
    expect(res.statusCode, res.body).toBe(201);
    expect((await todosOf("chunan")).total).toBe(0);
  });

  it("an expert assigned as owner or 协助专家 gets a notification and an SMS in the outbox", async () => {
    const list = await submit(["液压系统泄漏"]);
    const problemId = list.problems[0]?.id ?? "";
    await move("chunan", problemId, { to: "accepted" });
    await move("chunan", problemId, { to: "matched", ownerExpertId: expertIds.owner });
    const mine = (await agents.expert.get("/api/inbox/notifications")).json<NotificationPage>();
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({ title: "您被指派为负责专家", link: `/problems/${problemId}`, programme: "flagship", read: false });
    expect(mine.items[0]?.body).toContain("液压系统泄漏");

    const patch = await t.app.inject({ method: "PATCH", url: `/api/problems/${problemId}`, headers: { cookie: `jx_session=${agents.chunan.cookie}`, "x-csrf-token": agents.chunan.info.csrfToken }, payload: { teamSize: 2 } });
    expect(patch.statusCode, patch.body).toBe(200);
    const added = await agents.chunan.post(`/api/problems/${problemId}/team`, { expertId: expertIds.member });
    expect(added.statusCode, added.body).toBe(200);
    const theirs = (await agents.member.get("/api/inbox/notifications")).json<NotificationPage>();
    expect(theirs.items.map((n) => n.title)).toEqual(["您被指派为协助专家"]);

    const texts = await t.ctx.database.db.select().from(outbox).where(eq(outbox.sourceRecordId, problemId));
    expect(texts.map((m) => [m.channel, m.recipientMasked, m.status])).toEqual([
      ["sms", "139****1111", "pending"],
      ["sms", "139****2222", "pending"],
    ]);
    // Stored encrypted: the number is not in the row in clear.
    expect(texts[0]?.recipientEnc).not.toContain("13900001111");
    expect(t.ctx.cipher.decrypt(texts[0]?.recipientEnc ?? "")).toBe("13900001111");
    expect(texts[0]?.text).toContain("张师傅");
  });

  it("催办 raises a to-do for the owner (once), which its next move or note answers", async () => {
    const list = await submit(["注塑件缩痕"]);
    const problemId = list.problems[0]?.id ?? "";
    await move("chunan", problemId, { to: "accepted" });
    // No owner yet: nobody to urge.
    expect((await agents.chunan.post(`/api/problems/${problemId}/urge`)).statusCode).toBe(409);
    await move("chunan", problemId, { to: "matched", ownerExpertId: expertIds.owner });

    const urged = await agents.chunan.post(`/api/problems/${problemId}/urge`);
    expect(urged.statusCode, urged.body).toBe(200);
    expect(urged.json()).toMatchObject({ expertName: "张师傅" });
    expect((await agents.chunan.post(`/api/problems/${problemId}/urge`)).statusCode).toBe(200);
    const page = await todosOf("expert");
    const urges = page.items.filter((i) => i.kind === "urge");
    expect(urges).toHaveLength(1);
    expect(urges[0]).toMatchObject({ link: `/problems/${problemId}` });
    expect(urges[0]?.title).toContain("注塑件缩痕");
    expect(page.counts.urge).toBe(1);
    // Out of scope: 武义 cannot urge 淳安's problem; the expert and the enterprise may not urge at all.
    expect((await agents.wuyi.post(`/api/problems/${problemId}/urge`)).statusCode).toBe(404);
    expect((await agents.expert.post(`/api/problems/${problemId}/urge`)).statusCode).toBe(403);
    expect((await agents.firm.post(`/api/problems/${problemId}/urge`)).statusCode).toBe(403);

    const note = await agents.expert.post(`/api/problems/${problemId}/notes`, { note: "已电话联系企业，下周上门" });
    expect(note.statusCode, note.body).toBe(200);
    expect((await todosOf("expert")).counts.urge).toBe(0);
    const sms = await t.ctx.database.db.select().from(outbox).where(eq(outbox.sourceRecordId, problemId));
    // One SMS for the assignment, one per 催办 pressed.
    expect(sms).toHaveLength(3);
  });

  it("the demo's backlog: one 待受理 per list with problems still waiting, none for the rest, none twice", async () => {
    const { db } = t.ctx.database;
    const wuyiFirm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330723", name: "武义五金工具有限公司" });
    const waiting = await makeDemandList(db, { enterpriseId: wuyiFirm.id, countyCode: "330723", problems: [{ status: "submitted" }, { status: "submitted" }, { status: "accepted" }] });
    const done = await makeDemandList(db, { enterpriseId: wuyiFirm.id, countyCode: "330723", problems: [{ status: "accepted" }, { status: "rejected" }] });
    const raise = () => db.transaction((tx) => raiseOpenDemandListTodos(tx, t.ctx));
    await raise();
    await raise();
    const page = await todosOf("wuyi");
    expect(page.items.map((i) => [i.link, i.title])).toEqual([[`/demand-lists/${waiting.list.id}`, "武义五金工具有限公司提交需求清单，2个难题待受理"]]);
    expect(page.items.map((i) => i.link)).not.toContain(`/demand-lists/${done.list.id}`);
  });
});
