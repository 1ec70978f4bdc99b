import { computeResidentIdCheckChar, csrfHeader, sessionCookie, type ImportJob, type Person } from "@jiangxin/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../fixtures/factories";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";

const headers = ["姓名", "身份证号", "手机号", "工作所在县(市、区)", "工作单位", "职业(工种)", "职业技能等级", "职工类别", "所在平台"];
const id = (first17: string) => first17 + computeResidentIdCheckChar(first17);
const fullWidth = (s: string) => [...s].map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join("");

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("职工");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testDatabaseKinds)("bulk import of people on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent;
  async function run(file: Buffer): Promise<ImportJob> {
    const started = await t.app.inject({
      method: "POST",
      url: "/api/imports/people",
      headers: { cookie: `${sessionCookie}=${chunan.cookie}`, [csrfHeader]: chunan.info.csrfToken, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      payload: file,
    });
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json<ImportJob>();
    for (let i = 0; i < 300 && (job.status === "checking" || job.status === "saving"); i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await chunan.get(`/api/imports/jobs/${job.id}`)).json<ImportJob>();
    }
    return job;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    await makeUser(t.ctx.database.db, "county", { username: `${kind}-imp`, regionCode: "330127" });
    chunan = await loginAs(t, `${kind}-imp`);
  });
  afterAll(() => t.close());

  it("serves a template with the people columns", async () => {
    const res = await chunan.get("/api/imports/people/template");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("职工导入模板.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]?.getRow(1).values as unknown[]).filter(Boolean);
    for (const h of headers) expect(header, h).toContain(h);
  });

  it("names every bad row and column in Chinese, a person twice in the file, and one already on record; saves nothing", async () => {
    const onRecord = id("33012719800101331");
    const created = await chunan.post("/api/people", { name: "已登记", residentId: onRecord, countyCode: "330127" });
    expect(created.statusCode, created.body).toBe(201);
    const a = id("33012719850202441");
    const job = await run(
      await workbook([
        ["张三", a, "13900001111", "淳安县", "千岛湖某厂", "车工", "高级工", "一线职工", ""],
        ["张三", fullWidth(a), "", "淳安", "", "", "", "", ""],
        ["李四", fullWidth(onRecord), "", "330127", "", "", "", "", ""],
        ["王", "123", "999", "武义县", "", "", "大师", "老板", "优步"],
        ["赵五", id("33012719900303551"), "", "淳安县", "", "", "", "新就业形态劳动者", ""],
      ]),
    );
    expect(job.status).toBe("failed");
    const byRow = (row: number) => job.errors.filter((e) => e.row === row).map((e) => `${e.column}:${e.message}`);
    expect(byRow(3)).toContainEqual(expect.stringMatching(/^身份证号:与第2行是同一人/));
    expect(byRow(4)).toContainEqual("身份证号:该身份证号已登记，请勿重复导入");
    const bad = byRow(5).join("|");
    for (const col of ["姓名", "身份证号", "手机号", "职业技能等级", "职工类别", "所在平台"]) expect(bad).toContain(`${col}:`);
    expect(byRow(6)).toContainEqual("所在平台:新就业形态劳动者请选择所在平台");
    expect((await chunan.get("/api/people?q=张三")).json<{ total: number }>().total).toBe(0);
  });

  it("imports a clean roster all at once, IDs normalised", async () => {
    const b = id("33012719870707661");
    const job = await run(
      await workbook([
        ["钱六", fullWidth(b), "139 0000 2222", "淳安县", "千岛湖某厂", "电工", "技师", "一线职工、劳模工匠", ""],
        ["孙七", id("33012719920808771"), "", "淳安县", "美团合作商", "骑手", "", "新就业形态劳动者", "美团"],
      ]),
    );
    expect(job.status, JSON.stringify(job.errors)).toBe("done");
    expect(job.imported).toBe(2);
    const found = (await chunan.get(`/api/people?q=${b}`)).json<{ items: Person[] }>().items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: "钱六", skillLevel: "technician", categories: ["frontLine", "modelCraftsman"], phoneMasked: "139****2222" });
  });
});
