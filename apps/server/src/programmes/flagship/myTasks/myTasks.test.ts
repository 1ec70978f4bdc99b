import { addDays, todayInChina, type MyTasks } from "@jiangxin/domain";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { enterprises } from "../../../masterData/enterprises";
import { csrfHeader, sessionCookie } from "@jiangxin/domain";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { makeProblem } from "../demo/makeProblem";
import { makeServiceSession } from "../demo/makeServiceSession";
import { problemTeamMembers } from "../problems/tables";
import { eq } from "drizzle-orm";

// 我的任务: expert X owns a problem at firm A (visited today) and helps with one at firm B (visited in
// three days); a solved problem and yesterday's visit are not tasks; expert Y sees none of X's.
describe.each(testDatabaseKinds)("我的任务 on %s", (kind) => {
  let t: TestApp;
  let x: Agent, y: Agent, county: Agent;
  const id = { owned: "", helped: "", firmA: "", todayVisit: "", laterVisit: "" };
  const today = todayInChina(new Date());

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    const firmA = await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安甲阀门有限公司" });
    await db.update(enterprises).set({ address: "千岛湖镇环湖北路18号" }).where(eq(enterprises.id, firmA.id));
    const firmB = await makeEnterprise(db, cipher, { countyCode: "330723", name: "武义乙工具有限公司" });
    id.firmA = firmA.id;
    const ex = await makeExpert(db, cipher, { name: "专家甲", userId: (await makeUser(db, "expert", { username: `${kind}-mt-x`, regionCode: null })).id });
    const ey = await makeExpert(db, cipher, { name: "专家乙", userId: (await makeUser(db, "expert", { username: `${kind}-mt-y`, regionCode: null })).id });
    id.owned = (await makeProblem(db, { enterpriseId: firmA.id, countyCode: "330127", status: "matched", ownerExpertId: ex.id, urgency: "normal" })).id;
    const helped = await makeProblem(db, { enterpriseId: firmB.id, countyCode: "330723", status: "onSite", ownerExpertId: ey.id, urgency: "critical" });
    id.helped = helped.id;
    await db.insert(problemTeamMembers).values({ problemId: helped.id, expertId: ex.id });
    await makeProblem(db, { enterpriseId: firmA.id, countyCode: "330127", status: "solved", ownerExpertId: ex.id });
    id.todayVisit = (await makeServiceSession(db, { countyCode: "330127", date: today, title: "今日走访淳安", enterpriseIds: [firmA.id], expertIds: [ex.id] })).id;
    id.laterVisit = (await makeServiceSession(db, { countyCode: "330723", date: addDays(today, 3), title: "武义回访", enterpriseIds: [firmB.id], expertIds: [ex.id, ey.id] })).id;
    await makeServiceSession(db, { countyCode: "330127", date: addDays(today, -1), title: "昨日走访", enterpriseIds: [firmA.id], expertIds: [ex.id] });
    await makeUser(db, "county", { username: `${kind}-mt-county`, regionCode: "330127" });
    x = await loginAs(t, `${kind}-mt-x`);
    y = await loginAs(t, `${kind}-mt-y`);
    county = await loginAs(t, `${kind}-mt-county`);
  });
  afterAll(() => t.close());

  it("lists the expert's open problems, today's visit first, with the firm's address and contact", async () => {
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#888" } }).jpeg().toBuffer();
    const up = await t.app.inject({
      method: "POST",
      url: `/api/attachments?ownerKind=flagship.problem&ownerId=${id.owned}&name=p.jpg`,
      headers: { cookie: `${sessionCookie}=${x.cookie}`, [csrfHeader]: x.info.csrfToken, "content-type": "image/jpeg" },
      payload: photo,
    });
    expect(up.statusCode, up.body).toBe(201);

    const res = await x.get("/api/my-tasks");
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json<MyTasks>();
    expect(mine.today).toBe(today);
    // Today's visit outranks the other problem's higher urgency.
    expect(mine.tasks.map((task) => [task.problemId, task.role, task.nextVisit?.date])).toEqual([
      [id.owned, "owner", today],
      [id.helped, "helper", addDays(today, 3)],
    ]);
    expect(mine.tasks[0]?.enterprise).toMatchObject({ id: id.firmA, name: "淳安甲阀门有限公司", address: "千岛湖镇环湖北路18号", countyName: "淳安县", cityName: "杭州市" });
    expect(mine.tasks[0]?.enterprise.contactPhoneMasked).toContain("*");
    expect(mine.tasks[0]?.photoCount).toBe(1);
    expect(mine.visits.map((v) => [v.sessionId, v.date])).toEqual([
      [id.todayVisit, today],
      [id.laterVisit, addDays(today, 3)],
    ]);
  });

  it("shows another expert only its own, and is the expert's page alone", async () => {
    const other = (await y.get("/api/my-tasks")).json<MyTasks>();
    expect(other.tasks.map((task) => task.problemId)).toEqual([id.helped]);
    expect(other.visits.map((v) => v.sessionId)).toEqual([id.laterVisit]);
    expect((await county.get("/api/my-tasks")).statusCode).toBe(403);
  });
});
