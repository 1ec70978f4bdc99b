import { csrfHeader, sessionCookie, type InboxSummary, type NotificationPage, type TodoPage } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../fixtures/factories";
import { federationOf, unions } from "../../masterData/unions";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { auditLog } from "../audit/tables";
import { closeTodos, notify, raiseTodo, type RaiseTodo } from "./index";
import { todos } from "./tables";

type Who = "province" | "hangzhou" | "chunan" | "chunan2" | "wuyi" | "firm" | "otherFirm" | "worker" | "jiceng" | "integration";

describe.each(testDatabaseKinds)("inbox on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  const ids = {} as Record<Who, string>;
  let firmId = "";
  let unionId = "";
  const raise = (todo: Omit<RaiseTodo, "at">) => t.ctx.database.db.transaction((tx) => raiseTodo(tx, { ...todo, at: t.ctx.now() }));
  const todosOf = async (who: Who, query = "") => {
    const res = await agents[who].get(`/api/inbox/todos${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TodoPage>();
  };
  const patch = (who: Who, body: unknown) =>
    t.app.inject({
      method: "PATCH",
      url: "/api/inbox/notifications/read",
      headers: { cookie: `${sessionCookie}=${agents[who].cookie}`, [csrfHeader]: agents[who].info.csrfToken },
      payload: body as object,
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127" });
    const otherFirm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127" });
    firmId = firm.id;
    const [union] = await db
      .insert(unions)
      .values({ name: "淳安某企业工会委员会", kind: "grassroots", formation: "single", regionCode: "330127", parentId: (await federationOf(db, "330127"))?.id ?? null })
      .returning();
    unionId = union?.id ?? "";
    const made = {
      province: await makeUser(db, "province", { username: `${kind}-ibx-province` }),
      hangzhou: await makeUser(db, "city", { username: `${kind}-ibx-hangzhou`, regionCode: "330100" }),
      chunan: await makeUser(db, "county", { username: `${kind}-ibx-chunan`, regionCode: "330127" }),
      chunan2: await makeUser(db, "county", { username: `${kind}-ibx-chunan2`, regionCode: "330127" }),
      wuyi: await makeUser(db, "county", { username: `${kind}-ibx-wuyi`, regionCode: "330723" }),
      firm: await makeUser(db, "enterprise", { username: `${kind}-ibx-firm`, enterpriseId: firm.id, regionCode: null }),
      otherFirm: await makeUser(db, "enterprise", { username: `${kind}-ibx-firm2`, enterpriseId: otherFirm.id, regionCode: null }),
      worker: await makeUser(db, "worker", { username: `${kind}-ibx-worker`, regionCode: null }),
      jiceng: await makeUser(db, "union", { username: `${kind}-ibx-jiceng`, regionCode: null, unionId: unionId || null }),
      integration: await makeUser(db, "integration", { username: `${kind}-ibx-integration`, regionCode: null }),
    };
    for (const who of Object.keys(made) as Who[]) {
      ids[who] = made[who].id;
      agents[who] = await loginAs(t, made[who].username);
    }
  });
  afterAll(() => t.close());

  it("shows a to-do to exactly its addressees: role and region, enterprise, user", async () => {
    await raise({ kind: "toAccept", title: "淳安的需求清单", link: "/demand-lists/a", to: { role: "county", regionCode: "330127" }, source: { programme: "flagship", recordId: "scope-county" } });
    await raise({ kind: "toReview", title: "杭州市的审核", link: "/x", to: { role: "city", regionCode: "330100" }, source: { programme: "flagship", recordId: "scope-city" } });
    await raise({ kind: "toReview", title: "企业的补充材料", link: "/y", to: { enterpriseId: firmId }, source: { programme: "flagship", recordId: "scope-firm" } });
    await raise({ kind: "assigned", title: "职工本人的事", link: "/z", to: { userId: ids.worker }, source: { programme: "flagship", recordId: "scope-user" } });
    await raise({ kind: "toReview", title: "基层工会的入会申请", link: "/u", to: { unionId }, source: { programme: "flagship", recordId: "scope-union" } });

    const seen = async (who: Who) => (await todosOf(who)).items.map((i) => i.title).sort();
    expect(await seen("chunan")).toEqual(["淳安的需求清单"]);
    // Every account of the role in that region sees it, not only one.
    expect(await seen("chunan2")).toEqual(["淳安的需求清单"]);
    // A city sees its own to-dos, not its counties' (docs/inbox.md); a sibling county sees nothing.
    expect(await seen("hangzhou")).toEqual(["杭州市的审核"]);
    expect(await seen("wuyi")).toEqual([]);
    expect(await seen("province")).toEqual([]);
    expect(await seen("firm")).toEqual(["企业的补充材料"]);
    expect(await seen("otherFirm")).toEqual([]);
    expect(await seen("worker")).toEqual(["职工本人的事"]);
    expect(await seen("jiceng")).toEqual(["基层工会的入会申请"]);

    const page = await todosOf("chunan");
    expect(page.counts).toEqual({ toAccept: 1, toReview: 0, assigned: 0, urge: 0 });
    expect(page.items[0]).toMatchObject({ kind: "toAccept", link: "/demand-lists/a", programme: "flagship", programmeName: "劳模工匠助企行", dueDate: null, overdue: false });
  });

  it("raising the same source and kind twice keeps one open to-do, refreshed", async () => {
    const source = { programme: "flagship", recordId: "twice" };
    const first = await raise({ kind: "urge", title: "催办一次", link: "/p/1", to: { role: "county", regionCode: "330127" }, source });
    const second = await raise({ kind: "urge", title: "催办两次", link: "/p/1", to: { role: "county", regionCode: "330127" }, source, dueDate: "2000-01-01" });
    expect(second).toBe(first);
    const rows = await t.ctx.database.db.select().from(todos).where(and(eq(todos.sourceRecordId, "twice")));
    expect(rows).toHaveLength(1);
    const page = await todosOf("chunan", "?kind=urge");
    expect(page.items).toHaveLength(1);
    // Due dates first, and a past one is overdue.
    expect(page.items[0]).toMatchObject({ title: "催办两次", dueDate: "2000-01-01", overdue: true });
    // Another kind on the same record is a separate to-do.
    await raise({ kind: "toAccept", title: "同一记录的另一类待办", link: "/p/1", to: { role: "county", regionCode: "330127" }, source });
    expect((await todosOf("chunan")).counts).toMatchObject({ toAccept: 2, urge: 1 });
    const summary = (await agents.chunan.get("/api/inbox/summary")).json<InboxSummary>();
    expect(summary).toMatchObject({ todos: 3, overdueTodos: 1, todoCounts: { toAccept: 2, urge: 1 } });
  });

  it("closing by source (and kind) removes the to-do; raising afterwards opens a new one", async () => {
    const source = { programme: "flagship", recordId: "twice" };
    const closed = await t.ctx.database.db.transaction((tx) => closeTodos(tx, { source, kinds: ["urge"], at: t.ctx.now() }));
    expect(closed).toBe(1);
    expect((await todosOf("chunan")).counts).toMatchObject({ toAccept: 2, urge: 0 });
    expect(await t.ctx.database.db.transaction((tx) => closeTodos(tx, { source, kinds: ["urge"], at: t.ctx.now() }))).toBe(0);
    expect(await t.ctx.database.db.transaction((tx) => closeTodos(tx, { source, at: t.ctx.now() }))).toBe(1);
    await raise({ kind: "urge", title: "再次催办", link: "/p/1", to: { role: "county", regionCode: "330127" }, source });
    const rows = await t.ctx.database.db.select().from(todos).where(eq(todos.sourceRecordId, "twice"));
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.closedAt === null).map((r) => r.title)).toEqual(["再次催办"]);
  });

  it("a to-do raised in a failed transaction does not exist", async () => {
    await expect(
      t.ctx.database.db.transaction(async (tx) => {
        await raiseTodo(tx, { kind: "toAccept", title: "回滚", link: "/r", to: { userId: ids.worker }, source: { programme: "flagship", recordId: "rolled-back" }, at: t.ctx.now() });
        throw new Error("the caller's work failed");
      }),
    ).rejects.toThrow("the caller's work failed");
    expect(await t.ctx.database.db.select().from(todos).where(eq(todos.sourceRecordId, "rolled-back"))).toHaveLength(0);
  });

  it("notifications are the recipient's own; mark some or all read", async () => {
    const at = t.ctx.now();
    await t.ctx.database.db.transaction((tx) => notify(tx, { userIds: [ids.worker, ids.firm], title: "第一条", body: "内容一", link: "/a", at }));
    await t.ctx.database.db.transaction((tx) => notify(tx, { userIds: [ids.worker], title: "第二条", body: "内容二", at: new Date(at.getTime() + 1000) }));
    const mine = (await agents.worker.get("/api/inbox/notifications")).json<NotificationPage>();
    expect(mine.items.map((n) => n.title)).toEqual(["第二条", "第一条"]);
    expect(mine.unread).toBe(2);
    const firms = (await agents.firm.get("/api/inbox/notifications")).json<NotificationPage>();
    expect(firms.items.map((n) => n.title)).toEqual(["第一条"]);

    // The firm's id in the worker's request marks nothing of the firm's.
    const firmsId = firms.items[0]?.id ?? "";
    const workersFirst = mine.items[1]?.id ?? "";
    const res = await patch("worker", { ids: [workersFirst, firmsId] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 1, unread: 1 });
    expect((await agents.firm.get("/api/inbox/notifications?unread=true")).json<NotificationPage>().total).toBe(1);
    const unread = (await agents.worker.get("/api/inbox/notifications?unread=true")).json<NotificationPage>();
    expect(unread.items.map((n) => n.title)).toEqual(["第二条"]);

    expect((await patch("worker", { all: true })).json()).toEqual({ updated: 1, unread: 0 });
    expect((await agents.worker.get("/api/inbox/summary")).json<InboxSummary>().unreadNotifications).toBe(0);
    const audit = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "inbox.markRead"), eq(auditLog.userId, ids.worker)));
    expect(audit).toHaveLength(2);
  });

  it("answers bad input field by field in Chinese, and keeps the outbox to the integration account", async () => {
    const bad = await patch("worker", { ids: ["not-a-uuid"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/消息编号格式不正确/);
    expect((await patch("worker", {})).statusCode).toBe(400);
    const badKind = await agents.chunan.get("/api/inbox/todos?kind=nope");
    expect(badKind.statusCode).toBe(400);
    expect((await agents.chunan.get("/api/outbox/pending?channel=sms")).statusCode).toBe(403);
    expect((await agents.integration.get("/api/inbox/todos")).statusCode).toBe(403);
  });
});
