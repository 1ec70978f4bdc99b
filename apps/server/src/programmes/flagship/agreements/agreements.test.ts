import { todayInChina } from "@jiangxin/domain";
import type { Agreement, ErrorBody } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { auditLog } from "../../../platform/audit/tables";

const day = 24 * 3600 * 1000;
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * day).toISOString().slice(0, 10);

describe.each(testDatabaseKinds)("one-to-one agreements on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent;
  let wuyi: Agent;
  const id = { firm: "", wuyiFirm: "", a: "", b: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    id.firm = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "千岛湖精工机械有限公司" })).id;
    id.wuyiFirm = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330723" })).id;
    id.a = (await makeExpert(db, t.ctx.cipher, { name: "陈建华" })).id;
    id.b = (await makeExpert(db, t.ctx.cipher, { name: "李国强" })).id;
    await makeUser(db, "county", { username: `${kind}-chunan`, regionCode: "330127" });
    await makeUser(db, "county", { username: `${kind}-wuyi`, regionCode: "330723" });
    chunan = await loginAs(t, `${kind}-chunan`);
    wuyi = await loginAs(t, `${kind}-wuyi`);
  });
  afterAll(() => t.close());

  const body = (over: Record<string, unknown> = {}) => {
    const today = todayInChina(t.ctx.now());
    return {
      enterpriseId: id.firm,
      title: "设备改造与人才培养一对一技术支持协议",
      scopes: ["equipmentRenovation", "talentTraining"],
      expertIds: [id.a, id.b],
      signedOn: today,
      startDate: today,
      endDate: plusDays(today, 365),
      milestones: [
        { title: "完成设备诊断", dueDate: plusDays(today, 3) },
        { title: "培养维修骨干", dueDate: plusDays(today, 60) },
      ],
      ...over,
    };
  };

  it("validates: enterprise in scope, dates in order, scopes given", async () => {
    const other = await chunan.post("/api/agreements", body({ enterpriseId: id.wuyiFirm }));
    expect(other.statusCode).toBe(400);
    expect(other.json<ErrorBody>().fields?.enterpriseId).toBeTruthy();
    const dates = await chunan.post("/api/agreements", body({ endDate: "2000-01-01" }));
    expect(dates.statusCode).toBe(400);
    expect(dates.json<ErrorBody>().fields?.endDate).toBe("结束日期应晚于开始日期");
    const scopes = await chunan.post("/api/agreements", body({ scopes: [] }));
    expect(scopes.json<ErrorBody>().fields?.scopes).toBe("至少选择一项协议范围");
  });

  it("computes overdue milestones against today in China, as time passes", async () => {
    const created = await chunan.post("/api/agreements", body());
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json<Agreement>();
    expect(a.milestones.map((m) => m.overdue)).toEqual([false, false]);
    const audit = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "agreement.create"), eq(auditLog.objectId, a.id)));
    expect(audit).toHaveLength(1);

    t.advance(4 * day);
    // Four days on, the login session has long expired: sign in again, as the user would.
    chunan = await loginAs(t, `${kind}-chunan`);
    wuyi = await loginAs(t, `${kind}-wuyi`);
    const later = (await chunan.get(`/api/agreements/${a.id}`)).json<Agreement>();
    expect(later.milestones.map((m) => m.overdue)).toEqual([true, false]);

    const first = later.milestones[0];
    if (!first) throw new Error("no milestone");
    const done = await chunan.post(`/api/agreements/${a.id}/milestones/${first.id}/done`);
    expect(done.statusCode, done.body).toBe(200);
    const after = done.json<Agreement>();
    expect(after.milestones[0]).toMatchObject({ doneOn: todayInChina(t.ctx.now()), overdue: false });
    expect((await chunan.post(`/api/agreements/${a.id}/milestones/${first.id}/done`)).statusCode).toBe(409);
  });

  it("records check-ins, then completes; a closed agreement takes no more writes; out of scope is 404", async () => {
    const a = (await chunan.post("/api/agreements", body({ milestones: [] }))).json<Agreement>();
    const today = todayInChina(t.ctx.now());
    const future = await chunan.post(`/api/agreements/${a.id}/check-ins`, { date: plusDays(today, 2), note: "回访" });
    expect(future.statusCode).toBe(400);
    expect(future.json<ErrorBody>().fields?.date).toBeTruthy();
    const ok = await chunan.post(`/api/agreements/${a.id}/check-ins`, { date: today, note: "回访空压机改造进度，已完成选型" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Agreement>().checkIns.map((c) => c.note)).toEqual(["回访空压机改造进度，已完成选型"]);

    expect((await wuyi.post(`/api/agreements/${a.id}/check-ins`, { date: today, note: "越权回访" })).statusCode).toBe(404);
    expect((await wuyi.get(`/api/agreements/${a.id}`)).statusCode).toBe(404);

    const closed = await chunan.post(`/api/agreements/${a.id}/status`, { status: "completed", note: "改造与培训全部完成" });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Agreement>().status).toBe("completed");
    expect(closed.json<Agreement>().checkIns[0]?.note).toContain("改造与培训全部完成");
    expect((await chunan.post(`/api/agreements/${a.id}/check-ins`, { date: today, note: "再次回访" })).statusCode).toBe(409);
    const badStatus = await chunan.post(`/api/agreements/${a.id}/status`, { status: "active", note: "重新开始" });
    expect(badStatus.statusCode).toBe(400);
  });
});
