import { computeResidentIdCheckChar, csrfHeader, sessionCookie, type ErrorBody, type Membership, type MyProfile, type Person, type PersonDetail, type Role } from "@jiangxin/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../fixtures/factories";
import { auditLog } from "../../platform/audit/tables";
import { queryRows } from "../../platform/db/queryRows";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { federationOf, unionEnterprises, unions } from "../unions";

const residentId = (first17: string) => first17 + computeResidentIdCheckChar(first17);
/** The same number as a person might type it on a phone's full-width keyboard, with spaces. */
const fullWidth = (id: string) => [...id].map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c === "X" ? "ｘ" : c)).join("").replace(/^(.{6})/, "$1 ");

const chunanId = residentId("33012719880512301");
const wuyiId = residentId("33072319900101402");

type Who = "province" | "hangzhou" | "chunan" | "wuyi" | "union" | "firm" | "worker";

function personInput(county: string, id: string, extra: Record<string, unknown> = {}) {
  return { name: "王建军", residentId: id, phone: "13957112345", countyCode: county, employerName: "淳安某机械厂", occupation: "数控车工", skillLevel: "senior", ...extra };
}

describe.each(testDatabaseKinds)("people (职工) on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  let unionId = "";
  let firmId = "";
  const patch = (who: Who, url: string, body: unknown) =>
    t.app.inject({ method: "PATCH", url, headers: { cookie: `${sessionCookie}=${agents[who].cookie}`, [csrfHeader]: agents[who].info.csrfToken }, payload: body as object });
  /** A public call from one address (rate limits count per address). */
  const publicPost = (url: string, body: unknown, ip = "203.0.113.7") => t.app.inject({ method: "POST", url, payload: body as object, remoteAddress: ip });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "千岛湖测试机械有限公司" });
    firmId = firm.id;
    const federation = await federationOf(db, "330127");
    const [u] = await db
      .insert(unions)
      .values({ name: "千岛湖测试机械有限公司工会", kind: "grassroots", formation: "single", regionCode: "330127", parentId: federation?.id ?? null })
      .returning();
    if (!u) throw new Error("no union");
    unionId = u.id;
    await db.insert(unionEnterprises).values({ unionId, enterpriseId: firm.id });
    const users: [Who, Role, Record<string, string | null>][] = [
      ["province", "province", { regionCode: "330000" }],
      ["hangzhou", "city", { regionCode: "330100" }],
      ["chunan", "county", { regionCode: "330127" }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["union", "union", { regionCode: null, unionId }],
      ["firm", "enterprise", { regionCode: null, enterpriseId: firm.id }],
      ["worker", "worker", { regionCode: null }],
    ];
    for (const [who, role, fields] of users) await makeUser(db, role, { username: `${kind}-${who}`, ...fields });
    for (const [who] of users) agents[who] = await loginAs(t, `${kind}-${who}`);
  });
  afterAll(() => t.close());

  it("finds a duplicate typed with full-width digits and spaces instead of creating it twice; names it only to those who may see it", async () => {
    const first = await agents.chunan.post("/api/people", personInput("330127", chunanId));
    expect(first.statusCode, first.body).toBe(201);
    const created = first.json<Person>();
    expect(created.residentIdMasked).toBe(`330127********${chunanId.slice(-4)}`);

    const typed = fullWidth(chunanId);
    expect(typed).not.toContain(chunanId.slice(0, 6) + chunanId.slice(6, 8));
    const again = await agents.chunan.post("/api/people", personInput("330127", typed, { name: "王建军" }));
    expect(again.statusCode).toBe(409);
    const body = again.json<ErrorBody>();
    expect(body.existingId).toBe(created.id);
    expect(body.fields?.residentId).toBe("该身份证号已登记");
    expect(body.message).toMatch(/请勿重复录入/);

    // 武义 may not see a 淳安 person: the same number is refused, and nothing names the record.
    const outOfScope = await agents.wuyi.post("/api/people", personInput("330723", typed));
    expect(outOfScope.statusCode).toBe(409);
    expect(outOfScope.json<ErrorBody>().existingId).toBeUndefined();
    expect(outOfScope.body).not.toContain(created.id);
    expect(outOfScope.body).not.toContain("王建军");

    const rows = await queryRows<{ n: number }>(t.ctx.database.db, sql`select count(*)::int as n from people where resident_id_masked like ${"330127%" + chunanId.slice(-4)}`);
    expect(rows[0]?.n).toBe(1);
  });

  it("two entries of the same person at once: one is created, the other is the duplicate", async () => {
    const id = residentId("33012719770707991");
    const [a, b] = await Promise.all([
      agents.chunan.post("/api/people", personInput("330127", id, { name: "吴同时" })),
      agents.hangzhou.post("/api/people", personInput("330127", fullWidth(id), { name: "吴同时" })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const list = (await agents.province.get(`/api/people?q=${id}`)).json<{ total: number }>();
    expect(list.total).toBe(1);
  });

  it("keeps ID numbers and phones encrypted at rest: raw rows hold no plaintext", async () => {
    const res = await agents.wuyi.post("/api/people", personInput("330723", wuyiId, { phone: "13857900077", employerName: "武义某五金厂" }));
    expect(res.statusCode, res.body).toBe(201);
    const rows = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`select * from people`);
    const raw = JSON.stringify(rows);
    for (const secret of [chunanId, wuyiId, "13957112345", "13857900077", chunanId.slice(6, 14), "3957112345"]) expect(raw).not.toContain(secret);
    const row = rows.find((r) => r.county_code === "330723");
    expect(String(row?.resident_id_enc)).toMatch(/^v1\./);
    expect(String(row?.phone_enc)).toMatch(/^v1\./);
    expect(row?.phone_masked).toBe("138****0077");
    // The hash is keyed: not a plain SHA-256 of the number.
    const { createHash } = await import("node:crypto");
    expect(row?.resident_id_hash).not.toBe(createHash("sha256").update(wuyiId).digest("base64url"));
    expect(row?.resident_id_hash).toBe(t.ctx.personHash(wuyiId));
  });

  it("reads the full ID number only within scope, and every read is audited", async () => {
    const list = await agents.chunan.get(`/api/people?q=${encodeURIComponent(fullWidth(chunanId))}`);
    const person = list.json<{ items: Person[] }>().items[0];
    expect(person?.name).toBe("王建军");
    const before = (await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "person.readResidentId"))).length;
    const read = await agents.chunan.get(`/api/people/${person?.id}/resident-id`);
    expect(read.statusCode).toBe(200);
    expect(read.json<{ residentId: string }>().residentId).toBe(chunanId);
    const audits = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "person.readResidentId"));
    expect(audits.length).toBe(before + 1);
    expect(audits.at(-1)?.objectId).toBe(person?.id);
    expect(audits.at(-1)?.username).toBe(`${kind}-chunan`);
    expect(JSON.stringify(audits.at(-1))).not.toContain(chunanId);

    for (const who of ["wuyi", "firm", "worker"] as const) {
      const refused = await agents[who].get(`/api/people/${person?.id}/resident-id`);
      expect(refused.statusCode, who).toBe(who === "wuyi" ? 404 : 403);
    }
    expect((await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "person.readResidentId"))).length).toBe(before + 1);
  });

  it("lists people by region for staff, by membership for a union, and not at all for others", async () => {
    const names = async (who: Who) => {
      const res = await agents[who].get("/api/people?pageSize=200");
      return res.statusCode === 200 ? [...new Set(res.json<{ items: Person[] }>().items.map((p) => p.countyCode))] : res.statusCode;
    };
    expect(await names("province")).toEqual(expect.arrayContaining(["330127", "330723"]));
    expect(await names("hangzhou")).toEqual(["330127"]);
    expect(await names("chunan")).toEqual(["330127"]);
    expect(await names("wuyi")).toEqual(["330723"]);
    expect(await names("firm")).toBe(403);
    expect(await names("worker")).toBe(403);
    // The union sees its members only; 王建军 is not one yet.
    expect(await names("union")).toEqual([]);
    const wuyiPerson = (await agents.wuyi.get("/api/people")).json<{ items: Person[] }>().items[0];
    expect((await agents.chunan.get(`/api/people/${wuyiPerson?.id}`)).statusCode).toBe(404);
  });

  it("answers every bad field of a person in Chinese, field by field", async () => {
    const res = await agents.chunan.post("/api/people", {
      name: "王",
      residentId: "330127198805123019",
      phone: "12345",
      countyCode: "33",
      enterpriseId: "not-an-id",
      employerName: "厂".repeat(101),
      occupation: "工".repeat(41),
      skillLevel: "master",
      categories: ["boss"],
      expertId: "x",
      platforms: ["uber"],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<ErrorBody>().fields ?? {};
    for (const key of ["name", "residentId", "phone", "countyCode", "enterpriseId", "employerName", "occupation", "skillLevel", "categories.0", "expertId", "platforms.0"]) {
      expect(fields[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(fields.residentId).toMatch(/校验码/);

    const gig = await agents.chunan.post("/api/people", personInput("330127", residentId("33012719950101551"), { categories: ["newEmployment"] }));
    expect(gig.json<ErrorBody>().fields?.platforms).toBe("新就业形态劳动者请选择所在平台");
    const elsewhere = await agents.chunan.post("/api/people", personInput("330723", residentId("33072319950101551")));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json<ErrorBody>().fields?.countyCode).toMatch(/不在您的辖区内/);
    const city = await agents.chunan.post("/api/people", personInput("330100", residentId("33012719950101552")));
    expect(city.json<ErrorBody>().fields?.countyCode).toBe("请选择县(市、区)一级的区划");
  });

  it("a worker registers on a phone, asks to join the proposed union, and the union confirms it", async () => {
    const id = residentId("33012719930704112");
    const bad = await publicPost("/api/public/register", { name: "李", residentId: "123", phone: "2345", password: "short", countyCode: "33" }, "198.51.100.1");
    expect(bad.statusCode).toBe(400);
    const badFields = bad.json<ErrorBody>().fields ?? {};
    for (const key of ["name", "residentId", "phone", "countyCode"]) expect(badFields[key], key).toMatch(/[\u4e00-\u9fff]/);
    const weak = await publicPost("/api/public/register", { name: "李秀英", residentId: id, phone: "13900000112", password: "password1", countyCode: "330127" }, "198.51.100.1");
    expect(weak.json<ErrorBody>().fields?.password).toMatch(/密码/);

    const reg = await publicPost("/api/public/register", {
      name: "李秀英",
      residentId: fullWidth(id),
      phone: "139 0000 0112",
      password: "Qiandao#Lake9",
      countyCode: "330127",
      employerName: "千岛湖测试机械有限公司",
      occupation: "装配钳工",
    }, "198.51.100.1");
    expect(reg.statusCode, reg.body).toBe(201);
    const cookie = reg.cookies.find((c) => c.name === sessionCookie);
    expect(cookie).toBeDefined();
    const info = reg.json<{ user: { username: string; role: string }; csrfToken: string }>();
    expect(info.user).toMatchObject({ username: "13900000112", role: "worker" });

    const worker = await loginAs(t, "13900000112", "Qiandao#Lake9");
    const me = await worker.get("/api/me");
    expect(me.statusCode).toBe(200);
    const profile = me.json<MyProfile>();
    expect(profile.person?.name).toBe("李秀英");
    expect(profile.person?.residentIdMasked).toBe(`330127********${id.slice(-4)}`);
    expect(me.body).not.toContain(id);
    expect(me.body).not.toContain("13900000112");
    // The employer typed as the firm is registered in 淳安: that firm, so its own union is proposed.
    expect(profile.person?.enterpriseId).not.toBeNull();
    expect(profile.proposals[0]).toEqual({ unionId, unionName: "千岛湖测试机械有限公司工会", reason: "所在企业的基层工会" });
    const join = await worker.post("/api/me/memberships", { unionId, note: "在千岛湖测试机械上班" });
    expect(join.statusCode, join.body).toBe(201);
    const pending = join.json<Membership>();
    expect(pending.status).toBe("pending");
    const twice = await worker.post("/api/me/memberships", { unionId });
    expect(twice.statusCode).toBe(409);

    // The union now sees the applicant and confirms; 武义 can neither see nor decide it.
    const unionList = (await agents.union.get("/api/people?membershipStatus=pending")).json<{ items: Person[] }>().items;
    expect(unionList.map((p) => p.name)).toEqual(["李秀英"]);
    // The request is the union's 待审核 (it has an account), linked to the person's page.
    const todos = (await agents.union.get("/api/inbox/todos")).json<{ items: { title: string; link: string; kind: string }[] }>().items;
    expect(todos).toContainEqual(expect.objectContaining({ kind: "toReview", title: "入会申请：李秀英", link: `/people/${pending.personId}` }));
    expect((await patch("wuyi", `/api/memberships/${pending.id}`, { status: "active" })).statusCode).toBe(404);
    expect((await patch("worker", `/api/memberships/${pending.id}`, { status: "active" })).statusCode).toBe(403);
    const confirmed = await patch("union", `/api/memberships/${pending.id}`, { status: "active" });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<Membership>()).toMatchObject({ status: "active", unionName: "千岛湖测试机械有限公司工会" });
    expect((await patch("chunan", `/api/memberships/${pending.id}`, { status: "active" })).statusCode).toBe(409);
    // Decided: the to-do is closed and the worker is told.
    const open = (await agents.union.get("/api/inbox/todos")).json<{ items: { title: string }[] }>().items;
    expect(open.map((x) => x.title)).not.toContain("入会申请：李秀英");
    const told = (await worker.get("/api/inbox/notifications")).json<{ items: { title: string; link: string | null }[] }>().items;
    expect(told).toContainEqual(expect.objectContaining({ title: "入会申请已通过", link: "/me" }));

    const after = (await worker.get("/api/me")).json<MyProfile>();
    expect(after.person?.membership?.status).toBe("active");
    expect(after.person?.memberships).toHaveLength(1);
    expect(after.proposals).toEqual([]);
    const items = await worker.get("/api/me/items");
    expect(items.statusCode).toBe(200);
    expect(items.json<{ items: unknown[] }>().items).toEqual([]);
    // Only its own record: someone else's is not found.
    const other = (await agents.chunan.get("/api/people?q=王建军")).json<{ items: Person[] }>().items[0];
    expect((await worker.get(`/api/people/${other?.id}`)).statusCode).toBe(403);

    // The same person cannot register again, whoever's phone it is.
    const dup = await publicPost("/api/public/register", { name: "李秀英", residentId: id, phone: "13900000113", password: "Qiandao#Lake9", countyCode: "330127" }, "198.51.100.1");
    expect(dup.statusCode).toBe(409);
    expect(dup.json<ErrorBody>().fields?.residentId).toBeDefined();
    const samePhone = await publicPost("/api/public/register", { name: "赵六", residentId: residentId("33012719930704113"), phone: "13900000112", password: "Qiandao#Lake9", countyCode: "330127" }, "198.51.100.1");
    expect(samePhone.json<ErrorBody>().fields?.phone).toBe("该手机号已注册，请直接登录");
  });

  it("a person a union entered registers by the same ID (real name checked) and gets that record", async () => {
    const id = residentId("33012719850303221");
    const entered = await agents.union.post("/api/people", personInput("330127", id, { name: "周海燕", enterpriseId: firmId, employerName: null }));
    expect(entered.statusCode, entered.body).toBe(201);
    // A union's entry is its member from today.
    expect(entered.json<Person>().membership?.status).toBe("active");
    const wrongName = await publicPost("/api/public/register", { name: "周海", residentId: id, phone: "13900000221", password: "Qiandao#Lake9", countyCode: "330127" }, "198.51.100.2");
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json<ErrorBody>().fields?.name).toBe("姓名与身份证号登记信息不一致");
    const ok = await publicPost("/api/public/register", { name: "周海燕", residentId: id, phone: "13900000221", password: "Qiandao#Lake9", countyCode: "330127" }, "198.51.100.2");
    expect(ok.statusCode, ok.body).toBe(201);
    const me = (await (await loginAs(t, "13900000221", "Qiandao#Lake9")).get("/api/me")).json<MyProfile>();
    expect(me.person?.id).toBe(entered.json<Person>().id);
    expect(me.person?.hasAccount).toBe(true);
    expect(me.person?.membership?.unionName).toBe("千岛湖测试机械有限公司工会");
  });

  it("limits registration per address (429 in Chinese) and serves the public entries cacheable", async () => {
    const attempt = (ip: string) => publicPost("/api/public/register", { name: "钱七", residentId: "1", phone: "1", password: "x", countyCode: "330127" }, ip);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt("192.0.2.50")).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    const limited = await attempt("192.0.2.50");
    expect(limited.statusCode).toBe(429);
    expect(limited.json<ErrorBody>()).toMatchObject({ code: "RATE_LIMITED" });
    expect(limited.json<ErrorBody>().message).toMatch(/请求过于频繁/);
    expect(limited.headers["retry-after"]).toBeDefined();
    // Another address is not affected.
    expect((await attempt("192.0.2.51")).statusCode).toBe(400);

    const entries = await t.app.inject({ method: "GET", url: "/api/public/entries", remoteAddress: "192.0.2.60" });
    expect(entries.statusCode).toBe(200);
    expect(entries.headers["cache-control"]).toMatch(/public, max-age=\d+/);
    expect(entries.headers["x-ratelimit-limit"]).toBeDefined();
    expect(entries.json<{ items: { key: string; link: string }[] }>().items).toContainEqual(expect.objectContaining({ key: "people.register", link: "/register" }));
  });

  it("staff correct a record in their region; a corrected ID number that is someone else's is the duplicate; changes are audited by name only", async () => {
    const put = (who: Who, url: string, body: unknown) =>
      t.app.inject({ method: "PUT", url, headers: { cookie: `${sessionCookie}=${agents[who].cookie}`, [csrfHeader]: agents[who].info.csrfToken }, payload: body as object });
    const target = (await agents.chunan.get("/api/people?q=王建军")).json<{ items: Person[] }>().items[0];
    const body = { name: "王建军", countyCode: "330127", employerName: "淳安某机械厂", occupation: "数控铣工", skillLevel: "technician", categories: ["frontLine"], platforms: [] };
    const edited = await put("chunan", `/api/people/${target?.id}`, { ...body, phone: "13957100000" });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<PersonDetail>()).toMatchObject({ occupation: "数控铣工", skillLevel: "technician", phoneMasked: "139****0000", residentIdMasked: target?.residentIdMasked });
    expect((await put("wuyi", `/api/people/${target?.id}`, body)).statusCode).toBe(404);
    const taken = await put("chunan", `/api/people/${target?.id}`, { ...body, residentId: fullWidth(wuyiId) });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorBody>().existingId).toBeUndefined();
    const audits = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "person.update"));
    expect(audits.at(-1)?.detail).toEqual({ changed: ["occupation", "skillLevel", "phone"] });
    expect(JSON.stringify(audits)).not.toContain("13957100000");
  });

  it("the union or the county staff end a membership; the history keeps it", async () => {
    const list = (await agents.union.get("/api/people?q=周海燕")).json<{ items: Person[] }>().items;
    const m = list[0]?.membership;
    expect(m?.status).toBe("active");
    const left = await patch("chunan", `/api/memberships/${m?.id}`, { status: "left", note: "离职" });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json<Membership>().until).not.toBeNull();
    const detail = (await agents.chunan.get(`/api/people/${list[0]?.id}`)).json<PersonDetail>();
    expect(detail.membership).toBeNull();
    expect(detail.memberships.map((x) => x.status)).toEqual(["left"]);
    // No longer a member: the union no longer sees the person.
    expect((await agents.union.get(`/api/people/${list[0]?.id}`)).statusCode).toBe(404);
  });
});
