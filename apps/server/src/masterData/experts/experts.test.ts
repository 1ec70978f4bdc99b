import { computeResidentIdCheckChar, csrfHeader, sessionCookie, type Expert, type Role } from "@jiangxin/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../fixtures/factories";
import { makeExpert } from "../../fixtures/makeExpert";
import { queryRows } from "../../platform/db/queryRows";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { auditLog } from "../../platform/audit/tables";

// X lives in 淳安 (330127, Hangzhou), Y in 武义 (330723, Jinhua). The pool is provincial: all staff see both;
// full phone numbers and edits follow the home county; the expert X sees only itself.
type Who = "province" | "hangzhou" | "chunan" | "wuyi" | "firm" | "expertX" | "worker";
type XY = { X: number; Y: number };
const opens: Record<Who, XY> = {
  province: { X: 200, Y: 200 },
  hangzhou: { X: 200, Y: 200 },
  chunan: { X: 200, Y: 200 },
  wuyi: { X: 200, Y: 200 },
  firm: { X: 403, Y: 403 },
  expertX: { X: 200, Y: 404 },
  worker: { X: 403, Y: 403 },
};
const readsPhone: Record<Who, XY> = {
  province: { X: 200, Y: 200 },
  hangzhou: { X: 200, Y: 404 },
  chunan: { X: 200, Y: 404 },
  wuyi: { X: 404, Y: 200 },
  firm: { X: 403, Y: 403 },
  expertX: { X: 403, Y: 403 },
  worker: { X: 403, Y: 403 },
};
// Creating in X's county / Y's county, and editing X / Y: both follow the home county.
const writes: Record<Who, XY> = {
  province: { X: 1, Y: 1 },
  hangzhou: { X: 1, Y: 403 },
  chunan: { X: 1, Y: 403 },
  wuyi: { X: 403, Y: 1 },
  firm: { X: 403, Y: 403 },
  expertX: { X: 403, Y: 403 },
  worker: { X: 403, Y: 403 },
};
const whos = Object.keys(opens) as Who[];
const countyOf = { X: "330127", Y: "330723" } as const;

const residentId = (first17: string) => first17 + computeResidentIdCheckChar(first17);

function input(county: string, extra: Record<string, unknown> = {}) {
  return {
    name: "周建国",
    phone: "13957112345",
    employer: "杭州汽轮动力集团有限公司",
    homeCountyCode: county,
    skillLevel: "seniorTechnician",
    trades: ["6-18-02-04", "6-31-01-09"],
    honours: [{ title: "zhejiangCraftsman", level: "provincial", year: 2021, awardedBy: "浙江省人民政府" }],
    maxOpenProblems: 4,
    ...extra,
  };
}

describe.each(testDatabaseKinds)("expert pool on %s", (kind) => {
  let t: TestApp;
  const ids = { X: "", Y: "" };
  const agents = {} as Record<Who, Agent>;
  const put = (who: Who, url: string, body: unknown, method: "PUT" | "PATCH" = "PUT") =>
    t.app.inject({
      method,
      url,
      headers: { cookie: `${sessionCookie}=${agents[who].cookie}`, [csrfHeader]: agents[who].info.csrfToken },
      payload: body as object,
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127" });
    const expertUser = await makeUser(db, "expert", { username: `${kind}-expertX`, regionCode: null });
    const x = await makeExpert(db, t.ctx.cipher, { name: "淳安专家", homeCountyCode: "330127", userId: expertUser.id, phone: "13800000001" });
    const y = await makeExpert(db, t.ctx.cipher, { name: "武义专家", homeCountyCode: "330723", phone: "13800000002" });
    Object.assign(ids, { X: x.id, Y: y.id });
    const users: [Who, Role, { regionCode?: string | null; enterpriseId?: string }][] = [
      ["province", "province", { regionCode: "330000" }],
      ["hangzhou", "city", { regionCode: "330100" }],
      ["chunan", "county", { regionCode: "330127" }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["firm", "enterprise", { regionCode: null, enterpriseId: firm.id }],
      ["worker", "worker", { regionCode: null }],
    ];
    for (const [who, role, fields] of users) await makeUser(db, role, { username: `${kind}-${who}`, ...fields });
    for (const who of whos) agents[who] = await loginAs(t, `${kind}-${who}`);
  });
  afterAll(() => t.close());

  it.each(whos)("%s opens each expert and its phone with the expected status", async (who) => {
    for (const key of ["X", "Y"] as const) {
      const detail = await agents[who].get(`/api/experts/${ids[key]}`);
      expect(detail.statusCode, `${who} GET ${key}`).toBe(opens[who][key]);
      if (detail.statusCode === 200) expect(detail.json<Expert>().phoneMasked).toMatch(/^138\*{4}\d{4}$/);
      const phone = await agents[who].get(`/api/experts/${ids[key]}/phone`);
      expect(phone.statusCode, `${who} phone ${key}`).toBe(readsPhone[who][key]);
      if (phone.statusCode === 200) expect(phone.json<{ phone: string }>().phone).toBe(key === "X" ? "13800000001" : "13800000002");
    }
  });

  it.each(whos)("%s lists exactly the experts it may open, masked", async (who) => {
    const res = await agents[who].get("/api/experts?pageSize=200");
    if (opens[who].X === 403) {
      expect(res.statusCode).toBe(403);
      return;
    }
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Expert[] }>().items;
    const listed = new Set(items.map((e) => e.id));
    for (const key of ["X", "Y"] as const) expect(listed.has(ids[key]), `${who} lists ${key}`).toBe(opens[who][key] === 200);
    for (const e of items) expect(e.phoneMasked).toContain("****");
    expect(JSON.stringify(items)).not.toMatch(/1380000000\d/);
  });

  it.each(whos)("%s creates and edits experts only in its own region", async (who) => {
    for (const key of ["X", "Y"] as const) {
      const created = await agents[who].post("/api/experts", input(countyOf[key], { name: `${who}新专家` }));
      expect(created.statusCode, `${who} create in ${key}: ${created.body}`).toBe(writes[who][key] === 1 ? 201 : writes[who][key]);
      if (created.statusCode === 403 && who !== "firm" && who !== "expertX" && who !== "worker") {
        expect(created.json<{ fields: Record<string, string> }>().fields.homeCountyCode).toMatch(/不在您的辖区内/);
      }
      const current = await t.app.inject({ method: "GET", url: `/api/experts/${ids[key]}`, headers: { cookie: `${sessionCookie}=${agents.province.cookie}` } });
      const e = current.json<Expert>();
      const edited = await put(who, `/api/experts/${ids[key]}`, {
        name: e.name,
        employer: e.employer,
        homeCountyCode: e.homeCountyCode,
        skillLevel: e.skillLevel,
        trades: e.trades,
        honours: e.honours,
        availability: e.availability,
        maxOpenProblems: e.maxOpenProblems,
        active: e.active,
      });
      expect(edited.statusCode, `${who} edit ${key}: ${edited.body}`).toBe(writes[who][key] === 1 ? 200 : writes[who][key]);
      const status = await put(who, `/api/experts/${ids[key]}/availability`, { availability: e.availability }, "PATCH");
      expect(status.statusCode, `${who} availability ${key}: ${status.body}`).toBe(writes[who][key] === 1 ? 200 : writes[who][key]);
    }
  });

  it("filters by name or employer, trade, region, availability and active", async () => {
    const { db } = t.ctx.database;
    await makeExpert(db, t.ctx.cipher, { name: "过滤车工", homeCountyCode: "330783", trades: ["6-18-01-01"], availability: "busy", employer: "东阳木雕厂" });
    await makeExpert(db, t.ctx.cipher, { name: "过滤电工", homeCountyCode: "330102", trades: ["6-31-01-03"], active: false });
    const names = async (qs: string) => {
      const res = await agents.province.get(`/api/experts?pageSize=200&${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Expert[] }>().items.map((e) => e.name);
    };
    expect(await names(`q=${encodeURIComponent("木雕")}`)).toEqual(["过滤车工"]);
    expect(await names("trade=6-18-01-01")).toEqual(["过滤车工"]);
    expect(await names("regionCode=330700")).toContain("武义专家");
    expect(await names("regionCode=330700")).not.toContain("淳安专家");
    expect(await names("availability=busy")).toEqual(["过滤车工"]);
    expect(await names("active=false")).toEqual(["过滤电工"]);
    const bad = await agents.province.get("/api/experts?trade=9-99");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: Record<string, string> }>().fields.trade).toBe("请选择工种");
  });

  it("counts open problems (not solved, closed or rejected) the expert owns", async () => {
    const { db } = t.ctx.database;
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127" });
    const owner = await makeExpert(db, t.ctx.cipher, { name: "在办计数" });
    for (const status of ["matched", "followUp", "solved", "closed", "rejected"]) {
      await db.execute(sql`insert into problems (enterprise_id, county_code, title, description, trade, status, owner_expert_id)
        values (${firm.id}, '330127', ${`难题${status}`}, '说明', '6-18-02-04', ${status}, ${owner.id})`);
    }
    const res = await agents.province.get(`/api/experts/${owner.id}`);
    expect(res.json<Expert>().openProblems).toBe(2);
    const list = await agents.province.get(`/api/experts?q=${encodeURIComponent("在办计数")}`);
    expect(list.json<{ items: Expert[] }>().items[0]?.openProblems).toBe(2);
  });

  describe("bad input gets a Chinese message on the field", () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ["a bad phone", { phone: "12345" }, "phone", /手机号应为11位数字/],
      ["letters in the phone", { phone: "1380013800a" }, "phone", /“a”不是数字/],
      ["a wrong resident-ID check digit", { residentId: "330127198001011230".slice(0, 17) + "9" }, "residentId", /第18位应为/],
      ["empty trades", { trades: [] }, "trades", /至少选择一个工种/],
      ["an unknown honour title", { honours: [{ title: "bestEver", level: "provincial", year: 2020, awardedBy: "某单位" }] }, "honours.0.title", /请选择荣誉称号/],
      ["an honour year out of range", { honours: [{ title: "zhejiangCraftsman", level: "provincial", year: 1900, awardedBy: "浙江省总工会" }] }, "honours.0.year", /不早于1950年/],
      ["a one-character name", { name: "周" }, "name", /姓名至少2个字/],
      ["a city as home county", { homeCountyCode: "330100" }, "homeCountyCode", /县\(市、区\)一级/],
      ["an unknown field", { salary: 1 }, "salary", /不支持的字段/],
    ];
    it.each(cases)("%s", async (_label, extra, field, message) => {
      // A wrong check digit is only wrong if the right one differs; make sure it does.
      if (field === "residentId") expect(residentId("33012719800101123")).not.toBe(extra.residentId);
      const res = await agents.province.post("/api/experts", input("330127", { name: "校验专家", ...extra }));
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json<{ code: string; fields: Record<string, string> }>();
      expect(body.fields[field]).toMatch(message);
    });
  });

  it("stores phone and resident ID encrypted, shows them masked, and audits create, edit and phone reads", async () => {
    const id18 = residentId("33012719800101123");
    const created = await agents.chunan.post("/api/experts", input("330127", { name: "加密专家", phone: "13957100001", residentId: id18 }));
    expect(created.statusCode, created.body).toBe(201);
    const e = created.json<Expert>();
    expect(e.phoneMasked).toBe("139****0001");
    expect(e.residentIdMasked).toBe(`330127********${id18.slice(14)}`);

    const [raw] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`select * from experts where id = ${e.id}`);
    expect(raw?.phone_enc).toMatch(/^v1\./);
    expect(raw?.resident_id_enc).toMatch(/^v1\./);
    expect(JSON.stringify(raw)).not.toContain("13957100001");
    expect(JSON.stringify(raw)).not.toContain(id18);

    // Edit without personal data keeps it; with a new phone replaces it; residentId null removes the ID.
    const base = { ...input("330127", { name: "加密专家改" }) } as Record<string, unknown>;
    delete base.phone;
    const kept = await put("chunan", `/api/experts/${e.id}`, base);
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json<Expert>()).toMatchObject({ name: "加密专家改", phoneMasked: "139****0001", residentIdMasked: e.residentIdMasked });
    const replaced = await put("chunan", `/api/experts/${e.id}`, { ...base, phone: "13957100002", residentId: null });
    expect(replaced.json<Expert>()).toMatchObject({ phoneMasked: "139****0002", residentIdMasked: null });

    const phone = await agents.chunan.get(`/api/experts/${e.id}/phone`);
    expect(phone.json<{ phone: string }>().phone).toBe("13957100002");

    const rows = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, e.id), eq(auditLog.username, `${kind}-chunan`)))
      .orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(["expert.create", "expert.update", "expert.update", "expert.readPhone"]);
    expect(rows[1]?.detail).toEqual({ changed: ["name"] });
    expect(rows[2]?.detail).toEqual({ changed: ["phone", "residentId"] });
    expect(JSON.stringify(rows)).not.toContain("13957100002");
  });

  it("changes availability alone, audited with before and after", async () => {
    const created = await agents.wuyi.post("/api/experts", input("330723", { name: "状态专家" }));
    const id = created.json<Expert>().id;
    const res = await put("wuyi", `/api/experts/${id}/availability`, { availability: "unavailable" }, "PATCH");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Expert>()).toMatchObject({ availability: "unavailable", name: "状态专家", maxOpenProblems: 4 });
    const bad = await put("wuyi", `/api/experts/${id}/availability`, { availability: "onHoliday" }, "PATCH");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: Record<string, string> }>().fields.availability).toBe("请选择可服务状态");
    const [row] = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.action, "expert.setAvailability")));
    expect(row?.detail).toEqual({ from: "available", to: "unavailable" });
  });

  it("refuses a failed write without an audit row", async () => {
    const before = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.username, `${kind}-wuyi`));
    const res = await agents.wuyi.post("/api/experts", input("330127", { name: "越权专家" }));
    expect(res.statusCode).toBe(403);
    const after = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.username, `${kind}-wuyi`));
    expect(after.filter((r) => r.action === "expert.create").length).toBe(before.filter((r) => r.action === "expert.create").length);
  });

  it("answers 404 for an unknown expert and 400 for a malformed id", async () => {
    expect((await agents.province.get("/api/experts/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const bad = await agents.province.get("/api/experts/not-an-id");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: Record<string, string> }>().fields.id).toBe("专家编号格式不正确");
  });
});
