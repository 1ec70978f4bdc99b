import { csrfHeader, sessionCookie, type ImportJob } from "@jiangxin/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUscc, makeUser } from "../../fixtures/factories";
import { makeExpert } from "../../fixtures/makeExpert";
import { makeServiceSession } from "../../programmes/flagship/demo/makeServiceSession";
import { eq } from "drizzle-orm";
import { auditLog } from "../audit/tables";
import { readXlsxRows } from "../xlsx";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";

const headers = ["统一社会信用代码", "企业名称", "行业门类", "所在县(市、区)", "企业规模", "是否非公企业", "联系人", "联系电话"];

async function workbook(rows: string[][], header = headers): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("企业");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testDatabaseKinds)("bulk import of enterprises on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent;

  const upload = (a: Agent, file: Buffer, mode?: "all" | "partial") =>
    t.app.inject({
      method: "POST",
      url: `/api/imports/enterprises${mode ? `?mode=${mode}` : ""}`,
      headers: { cookie: `${sessionCookie}=${a.cookie}`, [csrfHeader]: a.info.csrfToken, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      payload: file,
    });
  async function finished(a: Agent, file: Buffer, mode?: "all" | "partial"): Promise<ImportJob> {
    const started = await upload(a, file, mode);
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json<ImportJob>();
    for (let i = 0; i < 200 && (job.status === "checking" || job.status === "saving"); i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await a.get(`/api/imports/jobs/${job.id}`)).json<ImportJob>();
    }
    return job;
  }
  const count = async (q: string) => (await chunan.get(`/api/enterprises?q=${encodeURIComponent(q)}`)).json<{ total: number }>().total;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await makeUser(t.ctx.database.db, "county", { username: "imp", regionCode: "330127" });
    chunan = await loginAs(t, "imp");
  });
  afterAll(() => t.close());

  it("offers a template whose header is exactly what the import reads, with drop-downs and a notes sheet but no example row", async () => {
    const res = await chunan.get("/api/imports/enterprises/template");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("企业导入模板.xlsx"));
    const sheet = await readXlsxRows(res.rawPayload);
    // 详细地址 is optional, so the files below (without it) still import.
    expect(sheet.headers).toEqual([...headers, "详细地址"]);
    // The example lives in 填写说明, never as a row the import would read.
    expect(sheet.rows).toHaveLength(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["企业", "填写说明", "可选值"]);
    const notes = wb.getWorksheet("填写说明");
    const sizeRow = notes?.getRows(1, 20)?.find((r) => r.getCell(1).value === "企业规模");
    expect(sizeRow?.getCell(4).value).toBe("大型、中型、小型、微型");
    expect(sizeRow?.getCell(5).value).toBe("小型");
    // Drop-downs: 企业规模 (column E) offers the list from the hidden sheet; a county user gets only 淳安县.
    const validation = (wb.getWorksheet("企业") as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    expect(validation.E2).toMatchObject({ type: "list" });
    const lists = wb.getWorksheet("可选值");
    const listOf = (formula: string | undefined) => {
      const [, from = "", to = ""] = /\$([A-Z]+)\$\d+:\$[A-Z]+\$(\d+)$/.exec(formula ?? "") ?? [];
      return Array.from({ length: Number(to) - 1 }, (_, i) => lists?.getCell(`${from}${i + 2}`).value);
    };
    expect(listOf(validation.E2?.formulae[0])).toEqual(["大型", "中型", "小型", "微型"]);
    expect(listOf(validation.D2?.formulae[0])).toEqual(["淳安县"]);
    expect(listOf(validation.C2?.formulae[0])).toContain("C 制造业");
  });

  it("skips an old template's example row instead of importing it as an enterprise", async () => {
    const example = ["91350100M000100Y43", "淳安某精密机械有限公司", "C 制造业", "淳安县", "小型", "是", "王经理", "13812345678"];
    const job = await finished(chunan, await workbook([example, [makeUscc("330127"), "示例后真实有限公司", "C", "淳安县", "小型", "是", "王经理", "13812345678"]]));
    expect(job).toMatchObject({ status: "done", imported: 1, exampleRows: 1 });
    expect(await count("淳安某精密机械")).toBe(0);
    expect(await count("示例后真实")).toBe(1);
  });

  it("accepts a company landline in 联系电话", async () => {
    const job = await finished(chunan, await workbook([[makeUscc("330127"), "座机电话有限公司", "C", "淳安县", "小型", "是", "前台", "0571-64812345"]]));
    expect(job.errors).toEqual([]);
    expect(job.status).toBe("done");
    const list = (await chunan.get(`/api/enterprises?q=${encodeURIComponent("座机电话")}`)).json<{ items: { contactPhoneMasked: string }[] }>();
    expect(list.items[0]?.contactPhoneMasked).toBe("0571-****2345");
  });

  it("imports the good rows in partial mode and hands back the bad ones with reasons", async () => {
    const file = await workbook([
      [makeUscc("330127"), "部分甲有限公司", "C", "淳安县", "小型", "是", "张三", "13812345678"],
      [makeUscc("330127"), "部分乙有限公司", "C", "淳安县", "巨型", "是", "张三", "13812345678"],
      [makeUscc("330127"), "部分丙有限公司", "I", "淳安县", "微型", "否", "李四", "0571-88886666"],
    ]);
    const job = await finished(chunan, file, "partial");
    expect(job).toMatchObject({ status: "done", mode: "partial", imported: 2, skipped: 1, errorRows: 1 });
    expect(job.message).toBe("已导入2行；1行有误未导入，可下载“错误行”改正后重新导入");
    expect(await count("部分")).toBe(2);
    const res = await chunan.get(`/api/imports/jobs/${job.id}/errors`);
    expect(res.statusCode).toBe(200);
    const bad = await readXlsxRows(res.rawPayload);
    expect(bad.headers).toEqual([...headers, "原行号", "错误原因"]);
    expect(bad.rows).toHaveLength(1);
    expect(bad.rows[0]?.cells).toMatchObject({ 企业名称: "部分乙有限公司", 原行号: "3", 错误原因: "「企业规模」：“巨型”不是可选值，请从下拉列表中选择（大型、中型、小型、微型）" });
    // The same file in the default mode imports nothing.
    const whole = await finished(chunan, await workbook([[makeUscc("330127"), "全部甲有限公司", "C", "淳安县", "小型", "是", "张三", "13812345678"], [makeUscc("330127"), "全部乙有限公司", "C", "淳安县", "巨型", "是", "张三", "13812345678"]]));
    expect(whole).toMatchObject({ status: "failed", mode: "all", imported: 0, errorRows: 1 });
    expect(await count("全部")).toBe(0);
  });

  it("imports a good file whole, with names translated and one audit row", async () => {
    const auditsBefore = (await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "import.enterprises"))).length;
    const file = await workbook([
      [makeUscc("330127"), "导入甲机械有限公司", "C 制造业", "淳安县", "小型", "是", "王经理", "138 1234 5678"],
      [makeUscc("330127"), "导入乙电子有限公司", "I", "330127", "微型", "否", "李主任", "+8613912345678"],
    ]);
    const job = await finished(chunan, file);
    expect(job).toMatchObject({ status: "done", total: 2, checked: 2, imported: 2, errors: [] });
    expect(await count("导入甲")).toBe(1);
    const audit = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "import.enterprises"));
    expect(audit).toHaveLength(auditsBefore + 1);
    expect(audit.at(-1)?.detail).toEqual({ rows: 2 });
  });

  it("reports every bad row with its row number, column and reason, and imports none of the file", async () => {
    const existing = await makeEnterprise(t.ctx.database.db, t.ctx.cipher, { countyCode: "330127" });
    const good = makeUscc("330127");
    const file = await workbook([
      [good, "半途丙有限公司", "C", "淳安县", "小型", "是", "张三", "13812345678"], // row 2: good
      [makeUscc("330127"), "半途丁有限公司", "C", "淳安", "中型", "也许", "张三", "92012345678"], // row 3: two errors
      [makeUscc("330127"), "半途戊有限公司", "Z", "淳安县", "巨型", "是", "", "13812345678"], // row 4: three errors
      [good, "半途己有限公司", "C", "淳安县", "小型", "是", "张三", "13812345678"], // row 5: repeats row 2
      [makeUscc("330723"), "半途庚有限公司", "C", "武义县", "小型", "是", "张三", "13812345678"], // row 6: outside scope
      [existing.uscc, "半途辛有限公司", "C", "淳安县", "小型", "否", "张三", "13812345678"], // row 7: already registered
      [makeUscc("330127"), "半途壬有限公司", "C", "火星县", "小型", "否", "张三", "13812345678"], // row 8: no such county
    ]);
    const job = await finished(chunan, file);
    expect(job.status).toBe("failed");
    expect(job.imported).toBe(0);
    const by = (row: number) => job.errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.message}`).sort();
    expect(by(2)).toEqual([]);
    expect(by(3)).toEqual(["是否非公企业: 请填写“是”或“否”", "联系电话: 联系电话应为11位手机号或带区号的固定电话，如 13812345678 或 0571-88886666"]);
    // Written for the cell, not for a select box ("请选择…").
    expect(by(4)).toEqual(
      ["企业规模: “巨型”不是可选值，请从下拉列表中选择（大型、中型、小型、微型）", "联系人: 此项为必填项，请填写联系人", "行业门类: “Z”不是可选值，请从下拉列表中选择（A 农、林、牧、渔业、B 采矿业、C 制造业、D 电力、热力、燃气及水生产和供应业、E 建筑业、F 批发和零售业、G 交通运输、仓储和邮政业、H 住宿和餐饮业等20项）"].sort(),
    );
    expect(by(5)).toEqual(["统一社会信用代码: 与第2行重复"]);
    expect(by(6)).toEqual(["所在县(市、区): “武义县”不在您的辖区内"]);
    expect(by(7)).toEqual(["统一社会信用代码: 该统一社会信用代码已登记"]);
    expect(by(8)).toEqual(["所在县(市、区): 找不到县(市、区)“火星县”，请填写如“淳安县”或“330127”"]);
    expect(job.message).toBe("6行数据有误(共9处)，未导入任何数据；请改正后重新上传");
    expect(await count("半途")).toBe(0);
  });

  it("refuses a file that is not a spreadsheet, or lacks columns, with a message", async () => {
    const garbage = await finished(chunan, Buffer.from("not a spreadsheet"));
    expect(garbage).toMatchObject({ status: "failed", message: "无法读取该文件：请上传由模板填写的 .xlsx 文件" });
    const missing = await finished(chunan, await workbook([["x"]], ["企业名称"]));
    expect(missing.message).toMatch(/^表头缺少列：统一社会信用代码、行业门类/);
    const empty = await finished(chunan, await workbook([]));
    expect(empty.message).toBe("文件中没有数据行");
  });

  it("keeps a job private to the person who started it", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "imp2", regionCode: "330127" });
    const other = await loginAs(t, "imp2");
    const job = (await upload(chunan, await workbook([]))).json<ImportJob>();
    expect((await other.get(`/api/imports/jobs/${job.id}`)).statusCode).toBe(404);
  });
});

describe("export as filtered", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite");
  });
  afterAll(() => t.close());

  it("exports exactly the rows the list shows for the same filters, in the user's scope, phones masked", async () => {
    const { db } = t.ctx.database;
    for (let i = 0; i < 3; i++) await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: `导出淳安${i}有限公司` });
    await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "其他淳安有限公司" });
    await makeEnterprise(db, t.ctx.cipher, { countyCode: "330723", name: "导出武义有限公司" });
    await makeUser(db, "county", { username: "exp", regionCode: "330127" });
    const a = await loginAs(t, "exp");
    const res = await a.get(`/api/enterprises/export?q=${encodeURIComponent("导出")}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const sheet = await readXlsxRows(res.rawPayload);
    expect(sheet.rows.map((r) => r.cells["企业名称"]).sort()).toEqual(["导出淳安0有限公司", "导出淳安1有限公司", "导出淳安2有限公司"]);
    expect(sheet.rows[0]?.cells["联系电话(脱敏)"]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const list = (await a.get(`/api/enterprises?q=${encodeURIComponent("导出")}&pageSize=1`)).json<{ total: number }>();
    expect(list.total).toBe(sheet.rows.length);
  });

  it("exports experts, problems, demand lists and the audit trail the same way", async () => {
    const { db } = t.ctx.database;
    await makeUser(db, "province", { username: "expall" });
    const expert = await makeExpert(db, t.ctx.cipher, { name: "导出专家" });
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127" });
    await makeServiceSession(db, { enterpriseIds: [firm.id], expertIds: [expert.id] });
    const p = await loginAs(t, "expall");
    for (const [url, list] of [
      ["/api/experts/export", "/api/experts"],
      ["/api/problems/export?open=true", "/api/problems?open=true"],
      ["/api/demand-lists/export", "/api/demand-lists"],
      ["/api/audit/export?action=auth.login", "/api/audit?action=auth.login"],
      ["/api/service-sessions/export", "/api/service-sessions"],
      ["/api/agreements/export", "/api/agreements"],
      ["/api/trainings/export", "/api/trainings"],
    ] as const) {
      const res = await p.get(url);
      expect(res.statusCode, url).toBe(200);
      const sheet = await readXlsxRows(res.rawPayload);
      expect(sheet.rows.length, url).toBe((await p.get(list)).json<{ total: number }>().total);
      if (url.startsWith("/api/experts")) expect(sheet.rows.map((r) => r.cells["姓名"])).toContain("导出专家");
      if (url.startsWith("/api/service-sessions")) expect(sheet.rows[0]?.cells["劳模工匠"]).toBe("导出专家");
    }
    const audit = await readXlsxRows((await p.get("/api/audit/export?action=auth.login")).rawPayload);
    expect(audit.rows.some((r) => r.cells["用户"] === "expall")).toBe(true);
    const county = await loginAs(t, "exp");
    expect((await county.get("/api/audit/export")).statusCode).toBe(403);
  });
});

describe.each(testDatabaseKinds)("bulk import of experts and demand lists on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent;
  async function run(kindPath: "experts" | "demandLists", header: string[], rows: string[][]): Promise<ImportJob> {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/imports/${kindPath}`,
      headers: { cookie: `${sessionCookie}=${chunan.cookie}`, [csrfHeader]: chunan.info.csrfToken, "content-type": "application/octet-stream" },
      payload: await workbook(rows, header),
    });
    let job = res.json<ImportJob>();
    for (let i = 0; i < 200 && (job.status === "checking" || job.status === "saving"); i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await chunan.get(`/api/imports/jobs/${job.id}`)).json<ImportJob>();
    }
    return job;
  }
  beforeAll(async () => {
    t = await startTestApp(kind);
    await makeUser(t.ctx.database.db, "county", { username: "imp3", regionCode: "330127" });
    chunan = await loginAs(t, "imp3");
  });
  afterAll(() => t.close());

  const expertHeader = ["姓名", "身份证号", "手机号", "工作单位", "所在县(市、区)", "职业技能等级", "工种", "荣誉", "同时承担难题上限"];

  it("imports experts with trades and honours read from their Chinese labels", async () => {
    const job = await run("experts", expertHeader, [
      ["方建国", "11010519491231002X", "13812345678", "淳安某机械有限公司", "淳安县", "高级技师", "焊工、电工", "浙江工匠/省级/2022/浙江省总工会；全国五一劳动奖章/国家级/2019/中华全国总工会", "4"],
      ["叶晓青", "", "13912345678", "淳安某电力有限公司", "330127", "技师(二级)", "电工", "", ""],
    ]);
    expect(job, JSON.stringify(job.errors)).toMatchObject({ status: "done", imported: 2 });
    const list = (await chunan.get(`/api/experts?q=${encodeURIComponent("方建国")}`)).json<{ items: { trades: string[]; honours: { title: string }[]; skillLevel: string; maxOpenProblems: number; residentIdMasked: string | null }[] }>();
    expect(list.items[0]).toMatchObject({ trades: ["6-18-02-04", "6-31-01-03"], skillLevel: "seniorTechnician", maxOpenProblems: 4, residentIdMasked: "110105********002X" });
    expect(list.items[0]?.honours.map((h) => h.title)).toEqual(["zhejiangCraftsman", "nationalMayDayMedal"]);
  });

  it("names each bad expert cell and imports none", async () => {
    const job = await run("experts", expertHeader, [
      ["王好人", "", "13812340000", "淳安某公司", "淳安县", "技师", "焊工", "", ""],
      ["李错", "11010519491231002Y", "1381234", "淳安某公司", "武义县", "大师", "厨师", "浙江工匠/宇宙级/2022/某", ""],
    ]);
    expect(job.status).toBe("failed");
    expect(job.errors.filter((e) => e.row === 3).map((e) => e.column).sort()).toEqual(["手机号", "职业技能等级", "工种", "荣誉", "身份证号"].sort());
    expect((await chunan.get(`/api/experts?q=${encodeURIComponent("王好人")}`)).json<{ total: number }>().total).toBe(0);
  });

  it("groups demand rows by enterprise into demand lists and refuses enterprises out of reach", async () => {
    const { db } = t.ctx.database;
    const a = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127" });
    const b = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127" });
    const far = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330723" });
    const header = ["企业统一社会信用代码", "类型", "难题标题或培训主题", "难题描述", "工种", "紧急程度", "培训人数"];
    const bad = await run("demandLists", header, [
      [a.uscc, "难题", "不锈钢管道焊缝气孔缺陷", "焊后探伤发现气孔，返修率高", "焊工", "紧急", ""],
      [far.uscc, "难题", "配电柜频繁跳闸问题", "车间配电柜每周跳闸数次", "电工", "", ""],
      [a.uscc, "其他", "x", "", "", "", ""],
    ]);
    expect(bad.errors.map((e) => `${e.row} ${e.column}`)).toEqual(["3 企业统一社会信用代码", "4 类型"]);
    const good = await run("demandLists", header, [
      [a.uscc, "难题", "不锈钢管道焊缝气孔缺陷", "焊后探伤发现气孔，返修率高", "焊工", "紧急", ""],
      [a.uscc, "培训需求", "焊接缺陷预防实操", "", "", "", "30"],
      [b.uscc, "难题", "配电柜频繁跳闸问题", "车间配电柜每周跳闸数次", "电工", "", ""],
    ]);
    expect(good).toMatchObject({ status: "done", imported: 3 });
    const lists = (await chunan.get("/api/demand-lists?pageSize=50")).json<{ total: number }>();
    expect(lists.total).toBe(2);
    const problemsOfA = (await chunan.get(`/api/problems?enterpriseId=${a.id}`)).json<{ items: { status: string; urgency: string }[] }>();
    expect(problemsOfA.items).toEqual([expect.objectContaining({ status: "submitted", urgency: "high" })]);
  });
});
