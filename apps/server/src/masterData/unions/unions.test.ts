import { csrfHeader, sessionCookie, type ImportJob, type Union, type UnionCoverage, type UnionDetail } from "@jiangxin/domain";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../fixtures/factories";
import { auditLog } from "../../platform/audit/tables";
import { readXlsxRows } from "../../platform/xlsx";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { federationOf, proposeUnionFor, syncFederations, unionIdsUnder, unions } from ".";

type Page<T> = { items: T[]; total: number };

describe.each(testDatabaseKinds)("union organisations on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<"province" | "hangzhou" | "chunan" | "wuyi" | "firm" | "jiceng", Agent>;
  const firms = { bigA: "", bigB: "", mid: "", small: "", wuyiBig: "" };
  const ids = { chunanFed: "", wuyiFed: "", own: "", child: "", sibling: "", wuyiUnion: "" };

  const send = (who: keyof typeof agents, method: "POST" | "PATCH", url: string, body: unknown) =>
    t.app.inject({ method, url, headers: { cookie: `${sessionCookie}=${agents[who].cookie}`, [csrfHeader]: agents[who].info.csrfToken }, payload: body as object });
  const grassroots = (over: Record<string, unknown>) => ({ name: "测试基层工会委员会", kind: "grassroots", formation: "single", regionCode: "330127", parentId: ids.chunanFed, ...over });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    ids.chunanFed = (await federationOf(db, "330127"))?.id ?? "";
    ids.wuyiFed = (await federationOf(db, "330723"))?.id ?? "";
    firms.bigA = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安大型甲有限公司", size: "large" })).id;
    firms.bigB = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安大型乙有限公司", size: "large" })).id;
    firms.mid = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安中型丙有限公司", size: "medium" })).id;
    firms.small = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安小型丁有限公司", size: "small" })).id;
    firms.wuyiBig = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330723", name: "武义大型戊有限公司", size: "large" })).id;
    await makeUser(db, "province", { username: `${kind}-prov` });
    await makeUser(db, "city", { username: `${kind}-hz`, regionCode: "330100" });
    await makeUser(db, "county", { username: `${kind}-ca`, regionCode: "330127" });
    await makeUser(db, "county", { username: `${kind}-wy`, regionCode: "330723" });
    await makeUser(db, "enterprise", { username: `${kind}-firm`, enterpriseId: firms.bigA });
    agents.province = await loginAs(t, `${kind}-prov`);
    agents.hangzhou = await loginAs(t, `${kind}-hz`);
    agents.chunan = await loginAs(t, `${kind}-ca`);
    agents.wuyi = await loginAs(t, `${kind}-wy`);
    agents.firm = await loginAs(t, `${kind}-firm`);
  });
  afterAll(() => t.close());

  it("creates the provincial, 11 city and 90 county federations at start, once", async () => {
    const { db } = t.ctx.database;
    const count = async () =>
      (await db.select({ kind: unions.kind, n: sql<number>`count(*)::int` }).from(unions).where(sql`${unions.kind} in ('provincial','city','county')`).groupBy(unions.kind))
        .map((r) => `${r.kind}:${Number(r.n)}`)
        .sort();
    expect(await count()).toEqual(["city:11", "county:90", "provincial:1"]);
    expect(await syncFederations(db, t.ctx.regions)).toBe(0);
    expect(await count()).toEqual(["city:11", "county:90", "provincial:1"]);
    const chunan = await federationOf(db, "330127");
    const hangzhou = await federationOf(db, "330100");
    const province = await federationOf(db, "330000");
    expect(chunan).toMatchObject({ name: "淳安县总工会", kind: "county", parentId: hangzhou?.id });
    expect(hangzhou).toMatchObject({ name: "杭州市总工会", parentId: province?.id });
    expect(province).toMatchObject({ name: "浙江省总工会", parentId: null });
    // A federation removed by hand comes back on the next start, under the same parent.
    await db.delete(unions).where(eq(unions.regionCode, "330782"));
    expect(await syncFederations(db, t.ctx.regions)).toBe(1);
    expect((await federationOf(db, "330782"))?.parentId).toBe((await federationOf(db, "330700"))?.id);
  });

  it("lets staff add grassroots unions in their region, audited, and refuses field by field", async () => {
    const own = await send("chunan", "POST", "/api/unions", grassroots({ name: "淳安大型甲有限公司工会委员会", enterpriseIds: [firms.bigA], chairName: "方建华", memberCount: 320, foundedOn: "2012-05-01" }));
    expect(own.statusCode, own.body).toBe(201);
    const created = own.json<UnionDetail>();
    expect(created).toMatchObject({ kind: "grassroots", formation: "single", regionName: "淳安县", parentName: "淳安县总工会", memberCount: 320, enterpriseCount: 1 });
    expect(created.enterprises.map((e) => e.name)).toEqual(["淳安大型甲有限公司"]);
    expect(created.ancestors.map((a) => a.name)).toEqual(["浙江省总工会", "杭州市总工会", "淳安县总工会"]);
    ids.own = created.id;
    const audit = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "union.create"), eq(auditLog.objectId, ids.own)));
    expect(audit).toHaveLength(1);

    const joint = await send("chunan", "POST", "/api/unions", grassroots({ name: "淳安乙丙联合工会委员会", formation: "joint", enterpriseIds: [firms.bigB, firms.mid] }));
    expect(joint.statusCode, joint.body).toBe(201);
    ids.sibling = joint.json<Union>().id;
    const child = await send("chunan", "POST", "/api/unions", grassroots({ name: "淳安大型甲有限公司一车间分会", formation: "regional", parentId: ids.own }));
    expect(child.statusCode, child.body).toBe(201);
    ids.child = child.json<Union>().id;
    const wuyi = await send("wuyi", "POST", "/api/unions", grassroots({ name: "武义大型戊有限公司工会委员会", regionCode: "330723", parentId: ids.wuyiFed, enterpriseIds: [firms.wuyiBig] }));
    expect(wuyi.statusCode, wuyi.body).toBe(201);
    ids.wuyiUnion = wuyi.json<Union>().id;

    // Every bad field named, in Chinese.
    const bad = await send("chunan", "POST", "/api/unions", { name: "工会", kind: "grassroots", regionCode: "3301", parentId: "x", memberCount: -1, foundedOn: "2020年1月1日" });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json<{ fields: Record<string, string> }>().fields).sort()).toEqual(["formation", "foundedOn", "memberCount", "name", "parentId", "regionCode"]);
    expect(bad.json<{ fields: Record<string, string> }>().fields.name).toBe("工会名称至少4个字");
    const noFormation = await send("chunan", "POST", "/api/unions", grassroots({ formation: null }));
    expect(noFormation.json<{ fields: Record<string, string> }>().fields).toEqual({ formation: "基层工会请选择建会方式" });
    const single2 = await send("chunan", "POST", "/api/unions", grassroots({ enterpriseIds: [firms.bigB, firms.mid] }));
    expect(single2.json<{ fields: Record<string, string> }>().fields).toEqual({ enterpriseIds: "单独建会的工会应覆盖且只覆盖1家企业" });
    // Rules that need the records: a parent elsewhere, a firm of another county, a city code for a grassroots union.
    const wrongParent = await send("chunan", "POST", "/api/unions", grassroots({ parentId: ids.wuyiFed, enterpriseIds: [firms.small] }));
    expect(wrongParent.statusCode).toBe(400);
    expect(wrongParent.json<{ fields: Record<string, string> }>().fields).toEqual({ parentId: "上级工会不在“淳安县”或其上级区划" });
    const wrongFirm = await send("province", "POST", "/api/unions", grassroots({ enterpriseIds: [firms.wuyiBig] }));
    expect(wrongFirm.json<{ fields: Record<string, string> }>().fields).toEqual({ enterpriseIds: "“武义大型戊有限公司”不在“淳安县”" });
    const cityLevel = await send("hangzhou", "POST", "/api/unions", grassroots({ regionCode: "330100", enterpriseIds: [firms.small] }));
    expect(cityLevel.json<{ fields: Record<string, string> }>().fields.regionCode).toBe("基层工会请选择县(市、区)一级的区划");
    const dup = await send("chunan", "POST", "/api/unions", grassroots({ name: "淳安乙丙联合工会委员会", enterpriseIds: [firms.small] }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json<{ fields: Record<string, string> }>().fields).toEqual({ name: "同一上级工会下已有同名工会" });
    // Out of region: 403 with the field named; the enterprise account may not write at all.
    const outside = await send("chunan", "POST", "/api/unions", grassroots({ regionCode: "330723", parentId: ids.wuyiFed, enterpriseIds: [firms.wuyiBig] }));
    expect(outside.statusCode).toBe(403);
    expect(outside.json<{ fields: Record<string, string> }>().fields).toEqual({ regionCode: "“武义县”不在您的辖区内" });
    expect((await send("firm", "POST", "/api/unions", grassroots({ enterpriseIds: [firms.small] }))).statusCode).toBe(403);
  });

  it("scopes lists and details: a county its own unions, a city its counties', a union account its subtree", async () => {
    const names = async (a: Agent, query = "") => (await a.get(`/api/unions?pageSize=200${query}`)).json<Page<Union>>().items.map((u) => u.name);
    const chunan = await names(agents.chunan, "&kind=grassroots");
    expect(chunan.sort()).toEqual(["淳安乙丙联合工会委员会", "淳安大型甲有限公司一车间分会", "淳安大型甲有限公司工会委员会"].sort());
    expect((await agents.chunan.get(`/api/unions/${ids.wuyiUnion}`)).statusCode).toBe(404);
    expect(await names(agents.chunan, "&kind=county")).toEqual(["淳安县总工会"]);
    const hz = await names(agents.hangzhou, "&kind=city");
    expect(hz).toEqual(["杭州市总工会"]);
    expect((await names(agents.hangzhou, "&kind=grassroots")).includes("武义大型戊有限公司工会委员会")).toBe(false);
    expect((await names(agents.province, "&kind=grassroots")).length).toBe(4);
    expect((await agents.firm.get("/api/unions")).statusCode).toBe(403);

    // The grassroots-union account: its union and the branch below it; not the sibling, not the county.
    await makeUser(t.ctx.database.db, "union", { username: `${kind}-jc`, unionId: ids.own, regionCode: null });
    agents.jiceng = await loginAs(t, `${kind}-jc`);
    expect(agents.jiceng.info.user.regionCode).toBe("330127");
    expect((await names(agents.jiceng)).sort()).toEqual(["淳安大型甲有限公司一车间分会", "淳安大型甲有限公司工会委员会"].sort());
    expect((await agents.jiceng.get(`/api/unions/${ids.sibling}`)).statusCode).toBe(404);
    expect((await agents.jiceng.get(`/api/unions/${ids.chunanFed}`)).statusCode).toBe(404);
    const detail = (await agents.jiceng.get(`/api/unions/${ids.own}`)).json<UnionDetail>();
    expect(detail.children.map((c) => c.name)).toEqual(["淳安大型甲有限公司一车间分会"]);
    // It edits its own union and adds below it, but nothing beside or above it.
    const edit = await send("jiceng", "PATCH", `/api/unions/${ids.own}`, { chairName: "王会芳", memberCount: 335 });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json<UnionDetail>()).toMatchObject({ chairName: "王会芳", memberCount: 335 });
    expect((await send("jiceng", "PATCH", `/api/unions/${ids.sibling}`, { memberCount: 1 })).statusCode).toBe(404);
    const above = await send("jiceng", "POST", "/api/unions", grassroots({ name: "越级新建的工会委员会", enterpriseIds: [firms.small] }));
    expect(above.statusCode).toBe(403);
    expect(above.json<{ fields: Record<string, string> }>().fields).toEqual({ parentId: "只能选择本工会或其下级工会作为上级工会" });
    expect((await agents.jiceng.get("/api/unions/coverage")).statusCode).toBe(403);
    expect(await unionIdsUnder(t.ctx.database.db, ids.own)).toEqual([ids.own, ids.child]);
  });

  it("refuses a parent below the union itself, and changes to a federation's place", async () => {
    const loop = await send("chunan", "PATCH", `/api/unions/${ids.own}`, { parentId: ids.child });
    expect(loop.statusCode).toBe(400);
    expect(loop.json<{ fields: Record<string, string> }>().fields).toEqual({ parentId: "上级工会不能是本工会或其下级工会" });
    const fed = await send("chunan", "PATCH", `/api/unions/${ids.chunanFed}`, { parentId: ids.own });
    expect(fed.json<{ fields: Record<string, string> }>().fields).toEqual({ parentId: "总工会的上级由行政区划决定，不能修改" });
    const chair = await send("chunan", "PATCH", `/api/unions/${ids.chunanFed}`, { chairName: "县总主席" });
    expect(chair.statusCode).toBe(200);
  });

  it("counts coverage from records, by county within the reader's scope", async () => {
    // 淳安: large A (own union), large B and medium (joint union) covered; the small firm is not counted.
    const chunan = (await agents.chunan.get("/api/unions/coverage")).json<UnionCoverage>();
    expect(chunan.rows).toEqual([{ countyCode: "330127", countyName: "淳安县", cityName: "杭州市", enterprises: 3, covered: 3, share: 1 }]);
    expect(chunan.definition).toContain("大型、中型");
    const large = (await agents.province.get("/api/unions/coverage?sizes=large")).json<UnionCoverage>();
    expect(large.total).toEqual({ enterprises: 3, covered: 3, share: 1 });
    // A union covering the small firm only as an industry union does not count; a grassroots one does.
    const small = async () => (await agents.chunan.get("/api/unions/coverage?sizes=small")).json<UnionCoverage>().total;
    expect(await small()).toEqual({ enterprises: 1, covered: 0, share: 0 });
    const ind = await send("chunan", "POST", "/api/unions", { name: "淳安县机械产业工会", kind: "industry", regionCode: "330127", parentId: ids.chunanFed, enterpriseIds: [firms.small] });
    expect(ind.statusCode, ind.body).toBe(201);
    expect(await small()).toEqual({ enterprises: 1, covered: 0, share: 0 });
    const reg = await send("chunan", "POST", "/api/unions", grassroots({ name: "淳安县千岛湖镇区域工会联合会", formation: "regional", enterpriseIds: [firms.small] }));
    expect(reg.statusCode, reg.body).toBe(201);
    expect(await small()).toEqual({ enterprises: 1, covered: 1, share: 1 });
    const wuyi = (await agents.wuyi.get("/api/unions/coverage?sizes=large,medium,small")).json<UnionCoverage>();
    expect(wuyi.rows.map((r) => r.countyCode)).toEqual(["330723"]);
    expect((await agents.wuyi.get("/api/unions/coverage?sizes=huge")).statusCode).toBe(400);
  });

  it("proposes the enterprise's union, else the area's regional union, else the county federation", async () => {
    const { db } = t.ctx.database;
    expect(await proposeUnionFor(db, { enterpriseId: firms.bigA, countyCode: "330127" })).toMatchObject({ unionId: ids.own, basis: "enterprise" });
    const other = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127" });
    expect(await proposeUnionFor(db, { enterpriseId: other.id, countyCode: "330127" })).toMatchObject({ unionName: "淳安县千岛湖镇区域工会联合会", basis: "regional" });
    expect(await proposeUnionFor(db, { countyCode: "330723" })).toMatchObject({ unionId: ids.wuyiFed, basis: "federation" });
  });

  it("exports the list as filtered, in the reader's scope, and offers a template with the import's columns", async () => {
    const res = await agents.chunan.get(`/api/unions/export?kind=grassroots`);
    expect(res.statusCode).toBe(200);
    const sheet = await readXlsxRows(res.rawPayload);
    const listed = (await agents.chunan.get("/api/unions?kind=grassroots&pageSize=200")).json<Page<Union>>();
    expect(sheet.rows.map((r) => r.cells["工会名称"]).sort()).toEqual(listed.items.map((u) => u.name).sort());
    expect(sheet.rows.some((r) => String(r.cells["工会名称"]).startsWith("武义"))).toBe(false);
    const template = await readXlsxRows((await agents.chunan.get("/api/imports/unions/template")).rawPayload);
    expect(template.headers).toEqual(["工会名称", "工会类别", "建会方式", "所在县(市、区)", "上级工会", "成立日期", "工会主席", "会员人数", "覆盖企业统一社会信用代码"]);
  });

  it("imports a file whole or not at all, every bad row named", async () => {
    const header = ["工会名称", "工会类别", "建会方式", "所在县(市、区)", "上级工会", "成立日期", "工会主席", "会员人数", "覆盖企业统一社会信用代码"];
    const { db } = t.ctx.database;
    const e1 = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "导入工会甲有限公司" });
    const e2 = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "导入工会乙有限公司" });
    const wb = async (rows: string[][]) => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet("工会组织");
      ws.addRow(header);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const run = async (file: Buffer): Promise<ImportJob> => {
      const started = await t.app.inject({
        method: "POST",
        url: "/api/imports/unions",
        headers: { cookie: `${sessionCookie}=${agents.chunan.cookie}`, [csrfHeader]: agents.chunan.info.csrfToken, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        payload: file,
      });
      expect(started.statusCode, started.body).toBe(202);
      let job = started.json<ImportJob>();
      for (let i = 0; i < 200 && (job.status === "checking" || job.status === "saving"); i++) {
        await new Promise((r) => setTimeout(r, 20));
        job = (await agents.chunan.get(`/api/imports/jobs/${job.id}`)).json<ImportJob>();
      }
      return job;
    };
    const count = async () => (await agents.chunan.get(`/api/unions?q=${encodeURIComponent("导入")}`)).json<Page<Union>>().total;

    const bad = await run(
      await wb([
        ["导入工会甲有限公司工会委员会", "基层工会", "单独建会", "淳安县", "", "2019-03-01", "张主席", "80", e1.uscc], // row 2: good
        ["导入工会甲有限公司工会委员会", "基层工会", "单独建", "淳安", "", "", "", "", e2.uscc], // row 3: same name, same parent
        ["导入某工会", "居委会", "", "火星县", "", "", "", "很多", ""], // row 4: four errors
        ["导入联合工会委员会", "基层工会", "联合建会", "淳安县", "不存在的工会", "", "", "", `${e2.uscc}、91330000000000000X`], // row 5
        ["导入武义工会委员会", "基层工会", "区域建会", "武义县", "", "", "", "", ""], // row 6: outside scope
      ]),
    );
    expect(bad.status).toBe("failed");
    const by = (row: number) => bad.errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.message}`).sort();
    expect(by(2)).toEqual([]);
    expect(by(3)).toEqual(["工会名称: 与第2行重复"]);
    expect(by(4)).toEqual(["会员人数: 会员人数应为整数", "工会类别: 请填写“基层工会”或“产业工会”", "所在县(市、区): 找不到县(市、区)“火星县”，请填写如“淳安县”或“330127”"].sort());
    expect(by(5)).toEqual(["上级工会: 找不到上级工会“不存在的工会”", "覆盖企业统一社会信用代码: 统一社会信用代码“91330000000000000X”的企业尚未登记"].sort());
    expect(by(6)).toEqual(["所在县(市、区): “武义县”不在您的辖区内"]);
    expect(await count()).toBe(0);

    const good = await run(
      await wb([
        ["导入工会甲有限公司工会委员会", "基层工会", "单独建会", "淳安县", "", "2019-03-01", "张主席", "80", e1.uscc],
        ["导入工会甲有限公司工会委员会二车间分会", "基层工会", "覆盖建", "330127", "导入工会甲有限公司工会委员会", "", "", "", ""],
        ["导入工会乙有限公司工会委员会", "基层工会", "单独建会", "淳安县", "淳安县总工会", "", "", "12", e2.uscc],
      ]),
    );
    expect(good).toMatchObject({ status: "done", imported: 3, errors: [] });
    expect(await count()).toBe(3);
    const branch = (await agents.chunan.get(`/api/unions?q=${encodeURIComponent("二车间")}`)).json<Page<Union>>().items[0];
    expect(branch?.parentName).toBe("导入工会甲有限公司工会委员会");
  });
});
