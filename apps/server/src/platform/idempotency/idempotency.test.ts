import { csrfHeader, sessionCookie, type ErrorBody } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUscc, makeUser } from "../../fixtures/factories";
import { makeExpert } from "../../fixtures/makeExpert";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";

describe.each(testDatabaseKinds)("Idempotency-Key on POST (%s)", (kind) => {
  let t: TestApp;
  let chunan: Agent;
  let other: Agent;
  const id = { firm: "", expert: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    id.firm = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "千岛湖精工机械有限公司" })).id;
    id.expert = (await makeExpert(db, t.ctx.cipher, { name: "陈建华" })).id;
    await makeUser(db, "county", { username: "idem-chunan", regionCode: "330127" });
    await makeUser(db, "county", { username: "idem-chunan2", regionCode: "330127" });
    chunan = await loginAs(t, "idem-chunan");
    other = await loginAs(t, "idem-chunan2");
  });
  afterAll(() => t.close());

  /** A POST as the browser sends it, with the key the web client generates per submission. */
  const post = (agent: Agent, url: string, body: unknown, key: string) =>
    t.app.inject({
      method: "POST",
      url,
      headers: { cookie: `${sessionCookie}=${agent.cookie}`, [csrfHeader]: agent.info.csrfToken, "idempotency-key": key },
      payload: body as object,
    });

  const training = (topic: string) => ({ date: "2025-05-21", topic, countyCode: "330127", enterpriseId: id.firm, trainerExpertIds: [id.expert], trainees: 45 });
  const trainingsNamed = async (topic: string) =>
    (await chunan.get(`/api/trainings?pageSize=100`)).json<{ items: { topic: string }[] }>().items.filter((i) => i.topic === topic).length;

  it("a retried training with the same key gets the first answer and creates nothing", async () => {
    const first = await post(chunan, "/api/trainings", training("设备点检重试"), "key-training-0001");
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(chunan, "/api/trainings", training("设备点检重试"), "key-training-0001");
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(await trainingsNamed("设备点检重试")).toBe(1);
    // A new submission (new key) is a new training.
    expect((await post(chunan, "/api/trainings", training("设备点检重试"), "key-training-0002")).statusCode).toBe(201);
    expect(await trainingsNamed("设备点检重试")).toBe(2);
  });

  it("concurrent duplicates do not both run: one training, every caller the same answer", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(chunan, "/api/trainings", training("并发重复提交"), "key-concurrent-01")));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await trainingsNamed("并发重复提交")).toBe(1);
  });

  it("a retried progress note adds one note to the timeline", async () => {
    const list = await chunan.post("/api/demand-lists", {
      enterpriseId: id.firm,
      problems: [{ title: "数控车床主轴异响", description: "设备运行时振动大，影响加工精度，需要专家诊断。", trade: "6-31-01-09", urgency: "high" }],
    });
    expect(list.statusCode, list.body).toBe(201);
    const problemId = list.json<{ problems: { id: string }[] }>().problems[0]?.id ?? "";
    const note = { note: "已电话联系企业，约定下周到厂查看" };
    const first = await post(chunan, `/api/problems/${problemId}/notes`, note, "key-note-000001");
    expect(first.statusCode, first.body).toBeLessThan(300);
    const again = await post(chunan, `/api/problems/${problemId}/notes`, note, "key-note-000001");
    expect(again.statusCode).toBe(first.statusCode);
    const detail = (await chunan.get(`/api/problems/${problemId}`)).json<{ events: { note: string | null }[] }>();
    expect(detail.events.filter((e) => e.note === note.note)).toHaveLength(1);
  });

  it("a retried enterprise create answers the first 201, not 409", async () => {
    const body = { uscc: makeUscc("330127"), name: "重试企业有限公司", industry: "C", countyCode: "330127", size: "small", nonPublic: true, contactName: "周主任", contactPhone: "13612345678" };
    const first = await post(chunan, "/api/enterprises", body, "key-enterprise-01");
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(chunan, "/api/enterprises", body, "key-enterprise-01");
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    // Without the key the same body is the duplicate it is.
    expect((await chunan.post("/api/enterprises", body)).statusCode).toBe(409);
  });

  it("the same key with another body is refused with 422, and keys are per user", async () => {
    expect((await post(chunan, "/api/trainings", training("键复用甲"), "key-reused-00001")).statusCode).toBe(201);
    const reused = await post(chunan, "/api/trainings", training("键复用乙"), "key-reused-00001");
    expect(reused.statusCode).toBe(422);
    expect(reused.json<ErrorBody>()).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(reused.json<ErrorBody>().message).toContain("幂等键");
    expect(await trainingsNamed("键复用乙")).toBe(0);
    // Another user's key of the same spelling is another key.
    expect((await post(other, "/api/trainings", training("键复用乙"), "key-reused-00001")).statusCode).toBe(201);
  });

  it("a retry after the server died between COMMIT and its answer gets 202 SAVED and runs nothing again", async () => {
    const first = await post(chunan, "/api/trainings", training("提交后进程中断"), "key-died-after-commit");
    expect(first.statusCode).toBe(201);
    // As a kill -9 after COMMIT leaves it: marked committed (inside the write's transaction), no answer, owner gone.
    await t.ctx.database.db.execute(
      sql`update idempotency_keys set response_status = null, response_body = null, owner = 'a-dead-process' where key = 'key-died-after-commit'`,
    );
    const again = await post(chunan, "/api/trainings", training("提交后进程中断"), "key-died-after-commit");
    expect(again.statusCode).toBe(202);
    expect(again.json<ErrorBody>()).toMatchObject({ code: "SAVED" });
    expect(await trainingsNamed("提交后进程中断")).toBe(1);
  });

  it("refuses a malformed key, and replays a refusal as it replays a success", async () => {
    const bad = await post(chunan, "/api/trainings", training("坏键"), "short");
    expect(bad.statusCode).toBe(400);
    // A 4xx answer is an answer: replayed as well (the same request would fail the same way).
    const refused = await post(chunan, "/api/trainings", { ...training("越权县"), countyCode: "330723", enterpriseId: undefined }, "key-refused-0001");
    expect(refused.statusCode).toBe(403);
    const again = await post(chunan, "/api/trainings", { ...training("越权县"), countyCode: "330723", enterpriseId: undefined }, "key-refused-0001");
    expect(again.statusCode).toBe(403);
    expect(again.headers["idempotent-replayed"]).toBe("true");
  });
});
