import { computeResidentIdCheckChar, csrfHeader, sessionCookie, type ImportJob, type BenefitItem, type MemberCardCheck, type MyMembership, type MyProfile, type MyVouchers } from "@jiangxin/domain";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../fixtures/factories";
import { queryRows } from "../../platform/db/queryRows";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { isMember } from "../../masterData/members";
import { federationOf, unions } from "../../masterData/unions";
import { inclusive } from ".";

const residentId = (first17: string) => first17 + computeResidentIdCheckChar(first17);
const riderId = residentId("33012719950304521");

/**
 * The rider's year in one app: registers, joins, gets a card checkable in public, receives meal
 * vouchers, redeems one while a second scan races it (exactly one wins, one ledger row), moves from
 * 淳安 to 武义 and 顺丰 and stays the same member with the same number; the figures count it all.
 */
describe.each(testDatabaseKinds)("members and 普惠服务 on %s", (kind) => {
  let t: TestApp;
  let unionId = "";
  let union: Agent;
  let wuyi: Agent;
  let province: Agent;
  let rider: { cookie: string; csrf: string };
  const asRider = (method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: `${sessionCookie}=${rider.cookie}`, [csrfHeader]: rider.csrf }, ...(payload ? { payload } : {}) });
  const patch = (a: Agent, url: string, payload: object) =>
    t.app.inject({ method: "PATCH", url, headers: { cookie: `${sessionCookie}=${a.cookie}`, [csrfHeader]: a.info.csrfToken }, payload });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const federation = await federationOf(db, "330127");
    const [u] = await db.insert(unions).values({ name: "淳安县美团骑手联合工会", kind: "grassroots", formation: "coverage", regionCode: "330127", parentId: federation?.id ?? null }).returning();
    unionId = u?.id ?? "";
    // 顺丰 has no union of its own name in 武义: its trade's (快递物流) coverage union is proposed there.
    const wuyiFederation = await federationOf(db, "330723");
    await db.insert(unions).values({ name: "武义县快递物流行业工会联合会", kind: "grassroots", formation: "coverage", regionCode: "330723", parentId: wuyiFederation?.id ?? null });
    await makeUser(db, "union", { username: `${kind}-union`, regionCode: null, unionId });
    await makeUser(db, "county", { username: `${kind}-wuyi`, regionCode: "330723" });
    await makeUser(db, "province", { username: `${kind}-province`, regionCode: "330000" });
    union = await loginAs(t, `${kind}-union`);
    wuyi = await loginAs(t, `${kind}-wuyi`);
    province = await loginAs(t, `${kind}-province`);
    const reg = await t.app.inject({
      method: "POST",
      url: "/api/public/register",
      remoteAddress: "203.0.113.9",
      payload: { name: "刘小骑", residentId: riderId, phone: "13957188888", password: "Qishou#2026ok", countyCode: "330127", platform: "meituan", employerName: "美团合作商", occupation: "外卖骑手" },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const csrf = reg.json<{ csrfToken: string }>().csrfToken;
    rider = { cookie: reg.cookies.find((c) => c.name === sessionCookie)?.value ?? "", csrf };
  });
  afterAll(() => t.close());

  it("joins: no card before the union confirms, then a member number and a card checkable in public showing only masked data", async () => {
    // The platform chosen at registration makes a new-employment-form worker and proposes the platform's union.
    const me = (await asRider("GET", "/api/me")).json<MyProfile>();
    expect(me.person).toMatchObject({ categories: ["newEmployment"], platforms: ["meituan"], employerName: "美团合作商" });
    expect(me.proposals).toEqual([{ unionId, unionName: "淳安县美团骑手联合工会", reason: "所在平台的覆盖建会工会" }]);
    const before = (await asRider("GET", "/api/me/membership")).json<MyMembership>();
    expect(before.member).toBeNull();
    expect(before.card).toBeNull();
    const asked = await asRider("POST", "/api/me/memberships", { unionId, note: null });
    expect(asked.statusCode, asked.body).toBe(201);
    const confirmed = await patch(union, `/api/memberships/${asked.json<{ id: string }>().id}`, { status: "active", note: null });
    expect(confirmed.statusCode, confirmed.body).toBe(200);

    const mine = (await asRider("GET", "/api/me/membership")).json<MyMembership>();
    expect(mine.member).toMatchObject({ name: "刘小骑", status: "active", unionName: "淳安县美团骑手联合工会" });
    expect(mine.card?.memberNo).toMatch(/^ZJ\d{10}$/);
    const again = (await asRider("GET", "/api/me/membership")).json<MyMembership>();
    expect(again.card).toEqual(mine.card);

    const check = await t.app.inject({ method: "GET", url: `/api${mine.card?.checkPath.replace("/public/member-card/", "/public/member-cards/") ?? ""}` });
    expect(check.statusCode).toBe(200);
    expect(check.headers["cache-control"]).toBe("no-store");
    const body = check.json<MemberCardCheck>();
    expect(body).toMatchObject({ nameMasked: "刘*骑", status: "active", valid: true });
    expect(body.memberNoMasked).toMatch(/^ZJ\*{6}\d{4}$/);
    expect(Object.keys(body).sort()).toEqual(["checkedAt", "memberNoMasked", "nameMasked", "status", "statusLabel", "valid"]);
    expect(check.body).not.toContain("刘小骑");
    expect(check.body).not.toContain(riderId.slice(6, 14));
    const unknown = await t.app.inject({ method: "GET", url: "/api/public/member-cards/AAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(unknown.statusCode).toBe(404);
  });

  it("issues vouchers to the union's members; of two racing scans exactly one redeems, with one ledger row; a third is refused", async () => {
    expect((await union.post("/api/inclusive/vouchers/redeem", { code: "ABCDEF123456" })).statusCode).toBe(409); // no point yet
    expect((await union.post("/api/inclusive/points", { name: "千岛湖骑手驿站", kind: "station" })).statusCode).toBe(201);
    const issued = await union.post("/api/inclusive/vouchers/issue", { perMember: 2, validDays: 31 });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toEqual({ members: 1, vouchers: 2 });
    const mine = (await asRider("GET", "/api/me/vouchers")).json<MyVouchers>();
    expect(mine.isMember).toBe(true);
    expect(mine.vouchers).toHaveLength(2);
    const code = mine.vouchers[0]?.code ?? "";

    const [a, b] = await Promise.all([union.post("/api/inclusive/vouchers/redeem", { code }), union.post("/api/inclusive/vouchers/redeem", { code: code.toLowerCase() })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const won = a.statusCode === 200 ? a : b;
    expect(won.json()).toMatchObject({ memberNameMasked: "刘*骑", pointName: "千岛湖骑手驿站" });
    const third = await union.post("/api/inclusive/vouchers/redeem", { code: `https://example.org/v/${code}` });
    expect(third.statusCode).toBe(409);
    expect(third.json<{ message: string }>().message).toMatch(/已于.*千岛湖骑手驿站使用/);
    const rows = await queryRows<{ n: number }>(t.ctx.database.db, sql`select count(*)::int as n from benefit_ledger where item_code = 'meal' and programme = 'inclusive'`);
    expect(rows[0]?.n).toBe(1);
    expect((await union.post("/api/inclusive/vouchers/redeem", { code: "ZZZZZZZZZZZZ" })).statusCode).toBe(404);

    const daily = (await union.get("/api/inclusive/vouchers/daily")).json<{ days: { count: number }[]; issued: number; redeemed: number }>();
    expect(daily.days.at(-1)?.count).toBe(1);
    expect(daily).toMatchObject({ issued: 2, redeemed: 1 });
    // The rider sees the meal in their own ledger.
    const ledger = (await asRider("GET", "/api/me/membership")).json<MyMembership>().ledger;
    expect(ledger.map((l) => l.itemName)).toEqual(["爱心午餐(10元餐)"]);
  });

  it("counts the figures from records: new members, participation, meals", async () => {
    const year = Number(new Date().toISOString().slice(0, 4));
    const counts = await inclusive.countIndicators(t.ctx, { year, counties: undefined });
    expect(counts.get("inclusive.newMembers")?.get("330127")).toBe(1);
    expect(counts.get("inclusive.participants")?.get("330127")).toBe(1);
    expect(counts.get("inclusive.mealsRedeemed")?.get("330127")).toBe(1);
    const figures = await province.get(`/api/inclusive/figures?year=${year}`);
    expect(figures.statusCode, figures.body).toBe(200);
    const f = figures.json<{ members: number; participationRate: number; byItem: { code: string; rows: number }[]; byUnionKind: { key: string; count: number }[] }>();
    expect(f.members).toBe(1);
    expect(f.participationRate).toBe(1);
    expect(f.byItem.find((i) => i.code === "meal")?.rows).toBe(1);
    expect(f.byUnionKind).toEqual([{ key: "coverage", count: 1 }]);
    // 武义's staff see no 淳安 member.
    expect((await wuyi.get(`/api/inclusive/figures?year=${year}`)).json<{ members: number }>().members).toBe(0);
    expect((await union.get(`/api/inclusive/figures?year=${year}`)).statusCode).toBe(403);
  });

  it("moves from 美团 in 淳安 to 顺丰 in 武义 and stays one member with the same number", async () => {
    const before = (await asRider("GET", "/api/me/membership")).json<MyMembership>();
    const moved = await asRider("POST", "/api/me/membership/transfer", { countyCode: "330723", platform: "sf", employerName: "顺丰速运武义网点", occupation: "快递员" });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ pending: true, unionName: "武义县快递物流行业工会联合会", member: { status: "transferred", statusLabel: "转会中" } });
    const during = (await asRider("GET", "/api/me/membership")).json<MyMembership>();
    expect(during.card?.memberNo).toBe(before.card?.memberNo);
    const pendingRow = await queryRows<{ id: string }>(t.ctx.database.db, sql`select m.id from union_memberships m join users u on u.person_id = m.person_id where u.username = '13957188888' and m.status = 'pending'`);
    const confirmed = await patch(wuyi, `/api/memberships/${pendingRow[0]?.id ?? ""}`, { status: "active", note: null });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const after = (await asRider("GET", "/api/me/membership")).json<MyMembership>();
    expect(after.member).toMatchObject({ status: "active", unionName: "武义县快递物流行业工会联合会", countyCode: "330723", joinedOn: before.member?.joinedOn });
    expect(after.member?.periods.map((p) => p.status)).toEqual(["transferred", "active"]);
    expect(after.card?.memberNo).toBe(before.card?.memberNo);
    const people = await queryRows<{ n: number; platforms: string[] }>(t.ctx.database.db, sql`select count(*)::int as n, max(platforms::text) as platforms from people where resident_id_hash = ${t.ctx.personHash(riderId)}`);
    expect(people[0]?.n).toBe(1);
    // A second move while nothing is pending goes through; a move while one is pending is refused.
    const twice = await asRider("POST", "/api/me/membership/transfer", { countyCode: "330127", platform: "meituan", employerName: null, occupation: null });
    expect(twice.statusCode).toBe(200);
    const thrice = await asRider("POST", "/api/me/membership/transfer", { countyCode: "330723", platform: "sf", employerName: null, occupation: null });
    expect(thrice.statusCode).toBe(409);
  });
  it("local X items: county staff add and edit their own (eligibility, yearly limit, on/off); never another county's or the nine", async () => {
    const put = (a: Agent, code: string, payload: object) =>
      t.app.inject({ method: "PUT", url: `/api/benefit-items/${code}`, headers: { cookie: `${sessionCookie}=${a.cookie}`, [csrfHeader]: a.info.csrfToken }, payload });
    const item = { name: "骑手夏季清凉包", regionCode: "330723", description: "", eligibility: { categories: ["newEmployment"], minMemberDays: 0 }, yearlyLimit: 2 };
    expect((await wuyi.post("/api/benefit-items", { ...item, code: "wyCoolPack" })).statusCode).toBe(201);
    expect((await province.post("/api/benefit-items", { ...item, code: "caTea", regionCode: "330127", name: "淳安茶歇" })).statusCode).toBe(201);
    const edited = await put(wuyi, "wyCoolPack", { name: "骑手夏季清凉包(升级)", description: "7—8月", eligibility: { categories: [], minMemberDays: 30 }, yearlyLimit: 3, active: false });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<BenefitItem>()).toMatchObject({ code: "wyCoolPack", name: "骑手夏季清凉包(升级)", regionCode: "330723", eligibility: { categories: [], minMemberDays: 30 }, yearlyLimit: 3, active: false });
    const listed = (await wuyi.get("/api/benefit-items")).json<{ items: BenefitItem[] }>().items;
    expect(listed.find((i) => i.code === "wyCoolPack")?.active).toBe(false);
    const audit = await queryRows<{ n: number }>(t.ctx.database.db, sql`select count(*)::int as n from audit_log where action = 'benefitItem.update' and object_id = 'wyCoolPack'`);
    expect(audit[0]?.n).toBe(1);
    expect((await put(wuyi, "caTea", { name: "淳安茶歇", yearlyLimit: 1 })).statusCode).toBe(403);
    expect((await put(province, "meal", { name: "爱心午餐", yearlyLimit: 999 })).statusCode).toBe(400);
    expect((await put(province, "meal", { name: "爱心午餐", yearlyLimit: 300 })).statusCode).toBe(403);
    expect((await put(wuyi, "noSuchItem", { name: "不存在", yearlyLimit: 1 })).statusCode).toBe(404);
    expect((await put(union, "wyCoolPack", { name: "骑手夏季清凉包", yearlyLimit: 1 })).statusCode).toBe(403);
  });

  it("imports a roster as the union's members: bad cells and duplicates against the registry reported, nothing half-imported", async () => {
    const book = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("会员名册");
      ws.addRow(["姓名", "身份证号", "工作所在县(市、区)", "工作单位", "职业(工种)", "所在平台", "入会日期"]);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const run = async (file: Buffer) => {
      const started = await t.app.inject({
        method: "POST",
        url: "/api/imports/memberRoster",
        headers: { cookie: `${sessionCookie}=${union.cookie}`, [csrfHeader]: union.info.csrfToken, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        payload: file,
      });
      expect(started.statusCode, started.body).toBe(202);
      let job = started.json<ImportJob>();
      for (let i = 0; i < 300 && (job.status === "checking" || job.status === "saving"); i++) {
        await new Promise((r) => setTimeout(r, 20));
        job = (await union.get(`/api/imports/jobs/${job.id}`)).json<ImportJob>();
      }
      return job;
    };
    const a = residentId("33012719920202771");
    const b = residentId("33012719930303772");
    const good = [["孙一", a, "淳安县", "饿了么淳安站", "外卖骑手", "饿了么", "2026-03-01"], ["钱二", b, "330127", "", "", "", ""]];
    const failed = await run(await book([...good, ["李三", "330127199001011230", "淳安县", "", "", "", ""], ["刘小骑", riderId, "淳安县", "", "", "美团", ""], ["孙一", a, "淳安县", "", "", "", ""], ["周四", residentId("33012719940404773"), "淳安县", "", "", "星巴克", ""]]));
    expect(failed.status).toBe("failed");
    const where = failed.errors.map((e) => `${e.row}:${e.column}`);
    expect(where).toEqual(expect.arrayContaining(["4:身份证号", "5:身份证号", "6:身份证号", "7:所在平台"]));
    expect(failed.errors.find((e) => e.row === 5)?.message).toMatch(/已在职工库中登记/);
    expect(failed.errors.find((e) => e.row === 6)?.message).toBe("与第2行是同一人(身份证号相同)");
    const before = await queryRows<{ n: number }>(t.ctx.database.db, sql`select count(*)::int as n from people`);
    expect(before[0]?.n).toBe(1); // nothing of the file was saved
    const done = await run(await book(good));
    expect(done).toMatchObject({ status: "done", imported: 2 });
    const rows = await queryRows<{ id: string }>(t.ctx.database.db, sql`select id from people where resident_id_hash = ${t.ctx.personHash(a)}`);
    expect(await isMember(t.ctx.database.db, rows[0]?.id ?? "")).toBe(true);
  });
});
