import { addDays, todayInChina, type Agreement, type CorrectionEntry, type DemandListDetail, type ErrorBody, type Indicators, type ProblemDetail, type ServiceSession, type Training } from "@jiangxin/domain";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { auditLog } from "../../../platform/audit/tables";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { makeProblem } from "../demo/makeProblem";

/**
 * Issue 11: impossible dates and out-of-range numbers are refused with the field and the limit named;
 * records are corrected (with a reason), voided or withdrawn — never deleted — and the figures follow.
 */
describe.each(testDatabaseKinds)("flagship corrections on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent;
  let wuyi: Agent;
  let firm: Agent;
  let expert: Agent;
  let today: string;
  let year: number;
  const id = { firm: "", a: "", b: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    today = todayInChina(t.ctx.now());
    year = Number(today.slice(0, 4));
    id.firm = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "千岛湖更正测试机械有限公司" })).id;
    const expertUser = await makeUser(db, "expert", { username: `${kind}-fix-expert`, regionCode: null });
    id.a = (await makeExpert(db, t.ctx.cipher, { name: "郭红英", employer: "杭州汽轮机股份有限公司", homeCountyCode: "330127", userId: expertUser.id })).id;
    id.b = (await makeExpert(db, t.ctx.cipher, { name: "郭红英", employer: "宁波港集团有限公司", homeCountyCode: "330723" })).id;
    await makeUser(db, "county", { username: `${kind}-fix-chunan`, regionCode: "330127", displayName: "淳安县总工会" });
    await makeUser(db, "county", { username: `${kind}-fix-wuyi`, regionCode: "330723" });
    await makeUser(db, "enterprise", { username: `${kind}-fix-firm`, enterpriseId: id.firm, displayName: "更正测试企业" });
    chunan = await loginAs(t, `${kind}-fix-chunan`);
    wuyi = await loginAs(t, `${kind}-fix-wuyi`);
    firm = await loginAs(t, `${kind}-fix-firm`);
    expert = await loginAs(t, `${kind}-fix-expert`);
  });
  afterAll(() => t.close());

  const sessionBody = (over: Record<string, unknown> = {}) => ({ date: today, countyCode: "330127", title: "劳模工匠更正测试场次", enterpriseIds: [id.firm], expertIds: [id.a], ...over });
  const trainingBody = (over: Record<string, unknown> = {}) => ({ date: today, topic: "设备点检与预防性维修", countyCode: "330127", trainerExpertIds: [id.a], trainees: 40, ...over });
  const agreementBody = (over: Record<string, unknown> = {}) => ({
    enterpriseId: id.firm,
    title: "设备改造一对一技术支持协议",
    scopes: ["equipmentRenovation"],
    expertIds: [id.a],
    signedOn: today,
    startDate: today,
    endDate: addDays(today, 365),
    ...over,
  });
  const figures = async (y: number) => (await chunan.get(`/api/indicators?year=${y}&regionCode=330127`)).json<Indicators>();
  const fieldError = (res: { statusCode: number; json: <T>() => T }, field: string) => {
    expect(res.statusCode).toBe(400);
    return res.json<ErrorBody>().fields?.[field];
  };

  describe("date and number rules", () => {
    it("refuses done-events before the programme existed or in the future, naming the rule", async () => {
      expect(fieldError(await chunan.post("/api/service-sessions", sessionBody({ date: "1990-01-01" })), "date")).toBe("服务日期不能早于本活动开展日期(2023-01-01)");
      expect(fieldError(await chunan.post("/api/service-sessions", sessionBody({ date: "2099-12-31" })), "date")).toMatch(/^服务日期最多安排到90天后/);
      expect(fieldError(await chunan.post("/api/trainings", trainingBody({ date: "2099-12-31" })), "date")).toBe(`培训日期不能晚于今天(${today})`);
      expect(fieldError(await chunan.post("/api/trainings", trainingBody({ date: addDays(today, 1) })), "date")).toBe(`培训日期不能晚于今天(${today})`);
      expect(fieldError(await chunan.post("/api/agreements", agreementBody({ signedOn: "2099-01-01" })), "signedOn")).toBe(`签订日期不能晚于今天(${today})`);
      expect(fieldError(await chunan.post("/api/agreements", agreementBody({ signedOn: "2020-01-01" })), "signedOn")).toBe("签订日期不能早于本活动开展日期(2023-01-01)");
    });

    it("refuses a term that does not end after it starts", async () => {
      expect(fieldError(await chunan.post("/api/agreements", agreementBody({ startDate: today, endDate: today })), "endDate")).toBe("结束日期应晚于开始日期");
      expect(fieldError(await chunan.post("/api/agreements", agreementBody({ startDate: "2020-01-02", endDate: "2020-01-01" })), "endDate")).toBe("结束日期应晚于开始日期");
    });

    it("refuses out-of-range values with the limit named, never clamping or cutting", async () => {
      expect(fieldError(await chunan.post("/api/trainings", trainingBody({ trainees: 0 })), "trainees")).toBe("培训人次至少1人次");
      expect(fieldError(await chunan.post("/api/trainings", trainingBody({ trainees: 99_999_999 })), "trainees")).toBe("培训人次最多100,000人次");
      expect(fieldError(await chunan.post("/api/trainings", trainingBody({ topic: "长".repeat(400) })), "topic")).toBe("培训主题不超过80个字");
      expect(fieldError(await chunan.post("/api/service-sessions", sessionBody({ title: "长".repeat(300) })), "title")).toBe("场次名称不超过80个字");
    });

    it("shows an agreement's status from its dates: 已签订 before its term, 履行中 during it, 已到期 after", async () => {
      const signed = await chunan.post("/api/agreements", agreementBody({ startDate: addDays(today, 10), endDate: addDays(today, 100) }));
      expect(signed.json<Agreement>().status).toBe("signed");
      const running = await chunan.post("/api/agreements", agreementBody());
      expect(running.json<Agreement>().status).toBe("active");
      const expired = await chunan.post("/api/agreements", agreementBody({ signedOn: "2024-01-05", startDate: "2024-01-05", endDate: "2024-06-30", title: "已到期的设备改造协议" }));
      expect(expired.statusCode, expired.body).toBe(201);
      expect(expired.json<Agreement>().status).toBe("expired");
      const listed = (await chunan.get("/api/agreements?status=expired&pageSize=50")).json<{ items: Agreement[] }>().items;
      expect(listed.map((a) => a.id)).toEqual([expired.json<Agreement>().id]);
    });
  });

  describe("correcting and voiding sessions and trainings", () => {
    it("moves a wrongly dated session to its real date with a reason: the figures of both years follow, the history keeps before and after", async () => {
      const wrongYear = year - 1;
      const s = (await chunan.post("/api/service-sessions", sessionBody({ date: `${wrongYear}-03-10` }))).json<ServiceSession>();
      const [before, beforeWrong] = [await figures(year), await figures(wrongYear)];
      const noReason = await chunan.post(`/api/service-sessions/${s.id}/correct`, { date: today });
      expect(fieldError(noReason, "reason")).toBe("请填写更正理由");
      expect((await wuyi.post(`/api/service-sessions/${s.id}/correct`, { date: today, reason: "日期录错" })).statusCode).toBe(404);
      const fixed = await chunan.post(`/api/service-sessions/${s.id}/correct`, { date: today, reason: "录入时年份选错，按签到表更正" });
      expect(fixed.statusCode, fixed.body).toBe(200);
      expect(fixed.json<ServiceSession>().date).toBe(today);
      expect((await figures(year)).sessions).toBe(before.sessions + 1);
      expect((await figures(wrongYear)).sessions).toBe(beforeWrong.sessions - 1);
      const history = (await chunan.get(`/api/service-sessions/${s.id}/corrections`)).json<CorrectionEntry[]>();
      expect(history).toMatchObject([{ kind: "edit", reason: "录入时年份选错，按签到表更正", byName: "淳安县总工会", changes: [{ field: "date", label: "服务日期", before: `${wrongYear}-03-10`, after: today }] }]);
      const [audit] = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, s.id), eq(auditLog.action, "serviceSession.edit")));
      expect(audit?.detail).toMatchObject({ reason: "录入时年份选错，按签到表更正", before: { date: `${wrongYear}-03-10` }, after: { date: today } });
      const same = await chunan.post(`/api/service-sessions/${s.id}/correct`, { date: today, reason: "再次确认日期" });
      expect(fieldError(same, "date")).toBe("与原记录相同，没有需要更正的内容");
    });

    it("voids a session and a training with a reason: they stay, marked, out of every figure; no one writes to them again", async () => {
      const s = (await chunan.post("/api/service-sessions", sessionBody())).json<ServiceSession>();
      const tr = (await chunan.post("/api/trainings", trainingBody({ trainees: 55 }))).json<Training>();
      const before = await figures(year);
      expect((await expert.post(`/api/service-sessions/${s.id}/void`, { reason: "重复录入的场次" })).statusCode).toBe(403);
      expect((await firm.post(`/api/trainings/${tr.id}/void`, { reason: "重复录入的培训" })).statusCode).toBe(403);
      expect(fieldError(await chunan.post(`/api/service-sessions/${s.id}/void`, {}), "reason")).toBe("请填写作废理由");
      const voided = await chunan.post(`/api/service-sessions/${s.id}/void`, { reason: "与上周场次重复录入" });
      expect(voided.statusCode, voided.body).toBe(200);
      expect(voided.json<ServiceSession>().voided).toMatchObject({ reason: "与上周场次重复录入", byName: "淳安县总工会" });
      expect((await chunan.post(`/api/trainings/${tr.id}/void`, { reason: "培训未实际举办" })).statusCode).toBe(200);
      const after = await figures(year);
      expect(after.sessions).toBe(before.sessions - 1);
      expect(after.expertParticipations).toBe(before.expertParticipations - 1);
      expect(after.workerTrainings).toBe(before.workerTrainings - 55);
      // Still there, as history.
      expect((await chunan.get(`/api/service-sessions/${s.id}`)).json<ServiceSession>().voided?.reason).toBe("与上周场次重复录入");
      expect((await chunan.post(`/api/service-sessions/${s.id}/correct`, { title: "再改一次名称", reason: "作废后更正" })).statusCode).toBe(409);
      expect((await chunan.post(`/api/trainings/${tr.id}/void`, { reason: "再作废一次" })).statusCode).toBe(409);
    });

    it("corrects a training's 人次 within range only", async () => {
      const tr = (await chunan.post("/api/trainings", trainingBody({ trainees: 30 }))).json<Training>();
      expect(fieldError(await chunan.post(`/api/trainings/${tr.id}/correct`, { trainees: 0, reason: "人次录错" }), "trainees")).toBe("培训人次至少1人次");
      const fixed = await chunan.post(`/api/trainings/${tr.id}/correct`, { trainees: 300, reason: "按签到表更正人次" });
      expect(fixed.json<Training>().trainees).toBe(300);
    });
  });

  describe("enterprises withdraw, staff correct problems", () => {
    const listBody = () => ({
      enterpriseId: id.firm,
      problems: [{ title: "注塑件飞边毛刺多", description: "注塑件飞边毛刺多，人工修边耗时，希望专家指导模具修复。", trade: "6-18-01-01" }],
    });

    it("lets the enterprise withdraw its list before acceptance, never after; the list and problems stay, withdrawn", async () => {
      const list = (await firm.post("/api/demand-lists", listBody())).json<DemandListDetail>();
      expect((await chunan.post(`/api/demand-lists/${list.id}/withdraw`, {})).statusCode).toBe(403);
      const res = await firm.post(`/api/demand-lists/${list.id}/withdraw`, { reason: "问题已自行解决" });
      expect(res.statusCode, res.body).toBe(200);
      const withdrawn = res.json<DemandListDetail>();
      expect(withdrawn.withdrawnAt).not.toBeNull();
      expect(withdrawn.problems.map((p) => p.status)).toEqual(["withdrawn"]);
      const detail = (await chunan.get(`/api/problems/${withdrawn.problems[0]?.id}`)).json<ProblemDetail>();
      expect(detail.events.at(-1)).toMatchObject({ from: "submitted", to: "withdrawn", byName: "更正测试企业", byUnit: "千岛湖更正测试机械有限公司", note: "企业撤回需求清单：问题已自行解决" });

      const accepted = (await firm.post("/api/demand-lists", listBody())).json<DemandListDetail>();
      const problemId = accepted.problems[0]?.id ?? "";
      expect((await chunan.post(`/api/problems/${problemId}/moves`, { to: "accepted" })).statusCode).toBe(200);
      const late = await firm.post(`/api/demand-lists/${accepted.id}/withdraw`, {});
      expect(late.statusCode).toBe(409);
      expect(late.json<ErrorBody>().message).toBe("难题状态为“已受理”，已不能撤回；如需更正请联系县(市、区)总工会");
    });

    it("lets the enterprise reword a problem until it is accepted; then staff correct it with a reason, on the timeline", async () => {
      const list = (await firm.post("/api/demand-lists", listBody())).json<DemandListDetail>();
      const problemId = list.problems[0]?.id ?? "";
      const own = await firm.post(`/api/problems/${problemId}/correct`, { title: "注塑件飞边毛刺多且尺寸不稳" });
      expect(own.statusCode, own.body).toBe(200);
      await chunan.post(`/api/problems/${problemId}/moves`, { to: "accepted" });
      expect((await firm.post(`/api/problems/${problemId}/correct`, { title: "企业受理后再改标题" })).statusCode).toBe(403);
      expect(fieldError(await chunan.post(`/api/problems/${problemId}/correct`, { title: "注塑件飞边与尺寸问题" }), "reason")).toBe("请填写更正理由");
      const fixed = await chunan.post(`/api/problems/${problemId}/correct`, { title: "注塑件飞边与尺寸问题", reason: "与企业电话核实后更正" });
      expect(fixed.statusCode, fixed.body).toBe(200);
      const detail = fixed.json<ProblemDetail>();
      expect(detail.title).toBe("注塑件飞边与尺寸问题");
      expect(detail.events.at(-1)).toMatchObject({ from: "accepted", to: "accepted", note: "更正难题标题：与企业电话核实后更正", byName: "淳安县总工会", byUnit: null });
      const history = (await chunan.get(`/api/problems/${problemId}/corrections`)).json<CorrectionEntry[]>();
      expect(history.map((h) => h.changes[0]?.after)).toEqual(["注塑件飞边毛刺多且尺寸不稳", "注塑件飞边与尺寸问题"]);
    });

    it("voids a solved problem: it leaves 解决难题 and stays on record", async () => {
      const { db } = t.ctx.database;
      const p = await makeProblem(db, { enterpriseId: id.firm, countyCode: "330127", status: "solved", ownerExpertId: id.a, createdAt: t.ctx.now(), statusChangedAt: t.ctx.now() });
      const before = await figures(year);
      const res = await chunan.post(`/api/problems/${p.id}/void`, { reason: "同一难题重复登记" });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ProblemDetail>().voided?.reason).toBe("同一难题重复登记");
      expect((await figures(year)).problemsSolved).toBe(before.problemsSolved - 1);
    });
  });

  it("tells same-name experts apart: work unit, home county and skill level beside the name", async () => {
    const s = (await chunan.post("/api/service-sessions", sessionBody({ expertIds: [id.a, id.b] }))).json<ServiceSession>();
    const details = s.experts.map((e) => `${e.name}：${e.detail}`);
    expect(details.find((d) => d.includes("杭州汽轮机"))).toMatch(/^郭红英：杭州汽轮机股份有限公司 · 淳安县 · \S+/);
    expect(details.find((d) => d.includes("宁波港"))).toMatch(/^郭红英：宁波港集团有限公司 · 武义县 · \S+/);
    const [row] = await t.ctx.database.db.select().from(auditLog).orderBy(desc(auditLog.at)).limit(1);
    expect(row?.action).toBe("serviceSession.create");
  });
});
