import { csrfHeader, sessionCookie, type Dashboard, type DashboardBreakdown, type PublicDashboard, type TargetSplit } from "@jiangxin/domain";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../fixtures/factories";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { auditLog } from "../audit/tables";

// The HTTP surface of targets, the 驾驶舱 and the public figures, on a database with no programme
// records (every figure counts 0): the rules are what is tested, the counting is the programmes' own.
const key = "flagship.sessions";
const year = 2026;

describe.each(testDatabaseKinds)("targets and dashboard on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<"province" | "hangzhou" | "ningbo" | "chunan", Agent>;
  const put = (who: keyof typeof agents, url: string, body: unknown) =>
    t.app.inject({ method: "PUT", url, headers: { cookie: `${sessionCookie}=${agents[who].cookie}`, [csrfHeader]: agents[who].info.csrfToken }, payload: body as object });

  beforeAll(async () => {
    t = await startTestApp(kind);
    // A fixed China date, 2 July 2026 (day 183 of 365): half the year has gone.
    t.advance(Date.parse("2026-07-02T04:00:00Z") - Date.now());
    const { db } = t.ctx.database;
    await makeUser(db, "province", { username: `${kind}-prov`, regionCode: "330000" });
    await makeUser(db, "city", { username: `${kind}-hz`, regionCode: "330100" });
    await makeUser(db, "city", { username: `${kind}-nb`, regionCode: "330200" });
    await makeUser(db, "county", { username: `${kind}-ca`, regionCode: "330127" });
    agents.province = await loginAs(t, `${kind}-prov`);
    agents.hangzhou = await loginAs(t, `${kind}-hz`);
    agents.ningbo = await loginAs(t, `${kind}-nb`);
    agents.chunan = await loginAs(t, `${kind}-ca`);
  });
  afterAll(() => t.close());

  it("refuses bad input field by field, in Chinese", async () => {
    const bad = await put("province", "/api/targets/split", {
      indicatorKey: key,
      year,
      parentCode: "330000",
      rows: [
        { regionCode: "330100", value: -1 },
        { regionCode: "330200", value: "三十" },
        { regionCode: "330300", value: 10, q1: 5, q2: 3 },
        { regionCode: "330400", value: 10, q3: 12 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{ fields: Record<string, string> }>().fields;
    expect(fields["rows.0.value"]).toBe("不能为负数");
    expect(fields["rows.1.value"]).toBe("请输入数字");
    expect(fields["rows.2.q2"]).toBe("季度累计值不应小于上一季度");
    expect(fields["rows.3.q3"]).toBe("季度累计值不应超过全年目标");

    const unknown = await put("province", "/api/targets/split", { indicatorKey: "flagship.nothing", year, parentCode: "330000", rows: [] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ fields: Record<string, string> }>().fields.indicatorKey).toMatch(/未知指标/);

    const notChild = await put("province", "/api/targets/split", { indicatorKey: key, year, parentCode: "330100", rows: [{ regionCode: "330723", value: 3 }] });
    expect(notChild.statusCode).toBe(400);
    expect(notChild.json<{ fields: Record<string, string> }>().fields["rows.0.regionCode"]).toBe("不是杭州市的下级地区");
  });

  it("splits the province's target to cities and sums the children against it (over the total is a warning)", async () => {
    const res = await put("province", "/api/targets/split", {
      indicatorKey: key,
      year,
      parentCode: "330000",
      parent: { regionCode: "330000", value: 100 },
      rows: [
        { regionCode: "330100", value: 60, q1: 10, q2: 30, q3: 45 },
        { regionCode: "330200", value: 50 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const split = res.json<TargetSplit>();
    expect(split.parent.target?.value).toBe(100);
    expect(split.childrenSum).toBe(110);
    expect(split.warnings[0]).toMatch(/下级目标合计 110场 超过浙江省目标 100场/);
    expect(split.warnings[1]).toBe("还有 9 个下级地区未设目标");
    expect(split.drafts).toBe(3);
    expect(split.rows.find((r) => r.code === "330100")?.target).toMatchObject({ value: 60, q1: 10, q2: 30, q3: 45, status: "draft" });

    const created = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "target.create"), eq(auditLog.username, `${kind}-prov`)));
    expect(created).toHaveLength(3);
  });

  it("lets a city split only to its own counties, and a county not at all", async () => {
    const own = await put("hangzhou", "/api/targets/split", {
      indicatorKey: key,
      year,
      parentCode: "330100",
      rows: [
        { regionCode: "330127", value: 20 },
        { regionCode: "330182", value: 10 },
      ],
    });
    expect(own.statusCode).toBe(200);
    expect(own.json<TargetSplit>()).toMatchObject({ childrenSum: 30, mayWriteRows: true, mayWriteParent: false, mayApprove: false });
    // Its own target is the province's to set.
    const self = await put("hangzhou", "/api/targets/split", { indicatorKey: key, year, parentCode: "330100", parent: { regionCode: "330100", value: 1 }, rows: [] });
    expect(self.statusCode).toBe(403);
    // Another city's counties are not even visible.
    const other = await put("hangzhou", "/api/targets/split", { indicatorKey: key, year, parentCode: "330200", rows: [{ regionCode: "330212", value: 1 }] });
    expect(other.statusCode).toBe(404);
    expect((await agents.hangzhou.get(`/api/targets/split?indicatorKey=${key}&year=${year}&parentCode=330200`)).statusCode).toBe(404);
    const county = await put("chunan", "/api/targets/split", { indicatorKey: key, year, parentCode: "330127", rows: [] });
    expect(county.statusCode).toBe(403);
    const read = await agents.chunan.get(`/api/targets/split?indicatorKey=${key}&year=${year}`);
    expect(read.json<TargetSplit>()).toMatchObject({ parent: { code: "330127", target: { value: 20, status: "draft" } }, rows: [] });
  });

  it("is approved by the province only; an approved target changes with a reason, audited, and a city's change needs approval again", async () => {
    const approveBody = { indicatorKey: key, year, parentCode: "330100" };
    expect((await agents.hangzhou.post("/api/targets/approve", approveBody)).statusCode).toBe(403);
    const ok = await agents.province.post("/api/targets/approve", approveBody);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<TargetSplit>().rows.find((r) => r.code === "330127")?.target?.status).toBe("approved");
    expect((await agents.province.post("/api/targets/approve", approveBody)).statusCode).toBe(409);

    const change = { indicatorKey: key, year, parentCode: "330100", rows: [{ regionCode: "330127", value: 200 }] };
    const noReason = await put("hangzhou", "/api/targets/split", change);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ fields: Record<string, string> }>().fields.reason).toBe("修改已批准的目标须填写调整原因");
    const withReason = await put("hangzhou", "/api/targets/split", { ...change, reason: "千岛湖新增园区" });
    expect(withReason.statusCode).toBe(200);
    expect(withReason.json<TargetSplit>().rows.find((r) => r.code === "330127")?.target).toMatchObject({ value: 200, status: "draft" });
    const [audit] = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "target.change"));
    expect(audit?.detail).toMatchObject({ regionCode: "330127", reason: "千岛湖新增园区", from: { value: 20, status: "approved" }, to: { value: 200, status: "draft" } });

    // The province's own change keeps the approval (it is the approver), still with a reason.
    await agents.province.post("/api/targets/approve", approveBody);
    const byProvince = await put("province", "/api/targets/split", { ...change, rows: [{ regionCode: "330127", value: 300 }], reason: "省总调整" });
    expect(byProvince.json<TargetSplit>().rows.find((r) => r.code === "330127")?.target).toMatchObject({ value: 300, status: "approved" });
    const approvals = await t.ctx.database.db.select().from(auditLog).where(like(auditLog.action, "target.approve"));
    expect(approvals.length).toBeGreaterThanOrEqual(3);
  });

  it("shows the reader's region with its approved targets and names its lagging children", async () => {
    const hz = (await agents.hangzhou.get(`/api/dashboard?year=${year}`)).json<Dashboard>();
    expect(hz.region).toEqual({ code: "330100", name: "杭州市" });
    expect(hz.asOf).toBe("2026-07-02");
    expect(hz.yearElapsed).toBeCloseTo(183 / 365, 6);
    const sessions = hz.programmes[0]?.figures.find((f) => f.key === key);
    // 杭州's own target (60) was approved with the split; its milestones (Q2 30, Q3 45) expect 50.5% by 2 July.
    expect(sessions).toMatchObject({ value: 0, target: 60, share: 0, status: "lagging", recordsPath: "/service-sessions" });
    expect(sessions?.expected).toBeCloseTo(0.5 + (2 / 92) * 0.25, 6);
    // 淳安 (300) and 建德 (10) were approved with the same split and count nothing: both behind.
    expect(sessions?.lagging.map((l) => l.name)).toEqual(["淳安县", "建德市"]);

    // The province sees its lagging cities first, then the counties below them; 宁波's draft target does not count.
    const prov = (await agents.province.get(`/api/dashboard?year=${year}`)).json<Dashboard>();
    const provSessions = prov.programmes[0]?.figures.find((f) => f.key === key);
    expect(provSessions?.lagging.map((l) => `${l.level}:${l.name}`)).toEqual(["city:杭州市", "county:淳安县", "county:建德市"]);
    expect(provSessions).toMatchObject({ target: null, status: "noData" });

    const ca = (await agents.chunan.get(`/api/dashboard?year=${year}`)).json<Dashboard>();
    const own = ca.programmes[0]?.figures.find((f) => f.key === key);
    expect(own).toMatchObject({ value: 0, target: 300, share: 0, status: "lagging", lagging: [] });
    // Other figures: no records and no target.
    expect(ca.programmes[0]?.figures.find((f) => f.key === "flagship.workerTrainings")?.status).toBe("noData");

    // Ningbo sees neither 杭州's counties nor their figures.
    const nb = (await agents.ningbo.get(`/api/dashboard?year=${year}`)).json<Dashboard>();
    expect(nb.programmes[0]?.figures.find((f) => f.key === key)?.lagging).toEqual([]);
    expect((await agents.ningbo.get(`/api/dashboard/${key}?year=${year}&regionCode=330100`)).statusCode).toBe(404);

    const drill = (await agents.hangzhou.get(`/api/dashboard/${key}?year=${year}`)).json<DashboardBreakdown>();
    expect(drill.rows.map((r) => r.code)).toEqual(t.ctx.regions.children("330100").map((c) => c.code));
    expect(drill.rows.find((r) => r.code === "330127")).toMatchObject({ name: "淳安县", target: 300, status: "lagging" });
    expect((await agents.hangzhou.get(`/api/dashboard/flagship.nothing?year=${year}`)).statusCode).toBe(404);
  });

  it("publishes only the figures the province chooses, to anyone, cacheable", async () => {
    const entries = async () => (await t.app.inject({ method: "GET", url: "/api/public/entries" })).json<{ items: { key: string; link: string }[] }>().items;
    expect((await entries()).map((e) => e.key)).not.toContain("platform.figures");
    const anon = await t.app.inject({ method: "GET", url: `/api/public/dashboard?year=${year}` });
    expect(anon.statusCode).toBe(200);
    expect(anon.headers["cache-control"]).toBe("public, max-age=300");
    expect(anon.json<PublicDashboard>().figures).toEqual([]);

    expect((await put("hangzhou", "/api/targets/publications", { indicatorKey: key, year, published: true })).statusCode).toBe(403);
    expect((await put("province", "/api/targets/publications", { indicatorKey: key, year, published: true })).statusCode).toBe(200);
    expect((await put("province", "/api/targets/publications", { indicatorKey: "flagship.workerTrainings", year, published: true })).statusCode).toBe(200);
    expect((await put("province", "/api/targets/publications", { indicatorKey: "flagship.workerTrainings", year, published: false })).statusCode).toBe(200);

    const after = (await t.app.inject({ method: "GET", url: `/api/public/dashboard?year=${year}` })).json<PublicDashboard>();
    // Once something is published for this year, the public landing page lists 数据公开.
    expect((await entries()).find((e) => e.key === "platform.figures")?.link).toBe("/public/figures");
    expect(after.figures.map((f) => f.key)).toEqual([key]);
    // The province's own target (100) is still a draft, so the public sees the figure without one.
    expect(after.figures[0]).toMatchObject({ label: "服务场次", programmeName: "劳模工匠助企行", value: 0, target: null });
    const dash = (await agents.province.get(`/api/dashboard?year=${year}`)).json<Dashboard>();
    expect(dash.programmes[0]?.figures.filter((f) => f.published).map((f) => f.key)).toEqual([key]);
  });
});
