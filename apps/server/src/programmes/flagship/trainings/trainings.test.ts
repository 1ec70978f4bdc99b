import type { ErrorBody, ServiceSession, Training } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { makeServiceSession } from "../demo/makeServiceSession";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";

describe.each(testDatabaseKinds)("trainings on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent;
  const id = { firm: "", wuyiFirm: "", a: "", wuyiSession: "", session: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    id.firm = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "千岛湖精工机械有限公司" })).id;
    id.wuyiFirm = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330723", name: "武义五金工具有限公司" })).id;
    id.a = (await makeExpert(db, t.ctx.cipher, { name: "陈建华" })).id;
    id.session = (await makeServiceSession(db, { countyCode: "330127", enterpriseIds: [id.firm], expertIds: [id.a] })).id;
    id.wuyiSession = (await makeServiceSession(db, { countyCode: "330723", enterpriseIds: [id.wuyiFirm], expertIds: [id.a] })).id;
    await makeUser(db, "county", { username: `${kind}-chunan`, regionCode: "330127" });
    chunan = await loginAs(t, `${kind}-chunan`);
  });
  afterAll(() => t.close());

  const body = (over: Record<string, unknown> = {}) => ({
    date: "2025-05-21",
    topic: "设备点检与预防性维修",
    countyCode: "330127",
    enterpriseId: id.firm,
    trainerExpertIds: [id.a],
    trainees: 45,
    sessionId: id.session,
    ...over,
  });

  it("records a training with its trainers and 人次, linked to its session", async () => {
    const res = await chunan.post("/api/trainings", body());
    expect(res.statusCode, res.body).toBe(201);
    const tr = res.json<Training>();
    expect(tr).toMatchObject({ trainees: 45, countyName: "淳安县", enterpriseName: "千岛湖精工机械有限公司", sessionId: id.session });
    expect(tr.trainers.map((x) => x.name)).toEqual(["陈建华"]);
    const list = (await chunan.get(`/api/trainings?sessionId=${id.session}`)).json<{ items: Training[]; total: number }>();
    expect(list.items.map((i) => i.id)).toEqual([tr.id]);
  });

  it("refuses an enterprise of another county, a session it cannot see, a county outside its scope and bad counts", async () => {
    const firm = await chunan.post("/api/trainings", body({ enterpriseId: id.wuyiFirm }));
    expect(firm.statusCode).toBe(400);
    expect(firm.json<ErrorBody>().fields?.enterpriseId).toBe("企业不存在");
    expect(firm.body).not.toContain("武义五金工具有限公司");
    const session = await chunan.post("/api/trainings", body({ sessionId: id.wuyiSession }));
    expect(session.statusCode).toBe(400);
    expect(session.json<ErrorBody>().fields?.sessionId).toBeTruthy();
    const county = await chunan.post("/api/trainings", body({ countyCode: "330723", enterpriseId: undefined, sessionId: undefined }));
    expect(county.statusCode).toBe(403);
    const count = await chunan.post("/api/trainings", body({ trainees: 0 }));
    expect(count.json<ErrorBody>().fields?.trainees).toBe("培训人次至少1人次");
    const agreement = await chunan.post("/api/trainings", body({ agreementId: "00000000-0000-4000-8000-000000000000" }));
    expect(agreement.json<ErrorBody>().fields?.agreementId).toBeTruthy();
  });

  it("a session's detail is unaffected by trainings (sanity: the session still opens)", async () => {
    expect((await chunan.get(`/api/service-sessions/${id.session}`)).json<ServiceSession>().id).toBe(id.session);
  });
});
