import { todayInChina, type StatFigures, type StatsByRegion, type StatsEnterpriseRow, type StatsSessionRow } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../../fixtures/factories";
import { loadProvinceYear } from "../demo/provinceYear";
import { readXlsxRows } from "../../../platform/xlsx";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";

type Page<T> = { items: T[]; total: number };

/** A spreadsheet cell against the API's figure: counts as written, yuan as the number Excel holds. */
const yuanCell = (yuan: string) => String(Number(yuan));
const figureCells = (f: StatFigures) => ({
  "服务场次(场次)": String(f.sessions),
  "参加劳模工匠(人次)": String(f.expertParticipations),
  "服务企业(家)": String(f.enterprisesServed),
  "解决问题(个)": String(f.problemsSolved),
  "培训技术工人(人次)": String(f.workerTrainings),
  "经济效益·预估(元)": yuanCell(f.benefitEstimatedYuan),
  "经济效益·已核实(元)": yuanCell(f.benefitVerifiedYuan),
});

describe.each(testDatabaseKinds)("statistics exports on %s", (kind) => {
  let t: TestApp;
  let province: Agent;
  let chunan: Agent;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await loadProvinceYear(t.ctx, { year: 2024, scale: 0.03, seed: 21 });
    await makeUser(t.ctx.database.db, "province", { username: "p" });
    await makeUser(t.ctx.database.db, "county", { username: "c", regionCode: "330127" });
    province = await loginAs(t, "p");
    chunan = await loginAs(t, "c");
  });
  afterAll(() => t.close());

  it("the region table's file holds the page's rows and 合计, figure for figure", async () => {
    for (const q of ["year=2024", "year=2024&regionCode=330100"]) {
      const api = (await province.get(`/api/stats/by-region?${q}`)).json<StatsByRegion>();
      const res = await province.get(`/api/stats/by-region/export?${q}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-disposition"]).toContain(encodeURIComponent("2024年"));
      const sheet = await readXlsxRows(res.rawPayload);
      expect(sheet.rows.map((r) => r.cells["区域"])).toEqual([...api.rows.map((r) => r.name), "合计"]);
      api.rows.forEach((row, i) => expect(sheet.rows[i]?.cells).toMatchObject(figureCells(row)));
      expect(sheet.rows.at(-1)?.cells).toMatchObject(figureCells(api.total));
    }
    const chunanRow = (await readXlsxRows((await province.get("/api/stats/by-region/export?year=2024&regionCode=330100")).rawPayload)).rows.find((r) => r.cells["区域"] === "淳安县");
    expect(chunanRow?.cells["重点县"]).toBe("山区县");
  });

  it("a county's enterprises and sessions files list every row of every page the API pages through", async () => {
    const enterprises = (await province.get("/api/stats/county/330127/enterprises?year=2024&pageSize=200")).json<Page<StatsEnterpriseRow>>();
    expect(enterprises.total).toBeGreaterThan(0);
    const eSheet = await readXlsxRows((await province.get("/api/stats/county/330127/enterprises/export?year=2024")).rawPayload);
    expect(eSheet.rows).toHaveLength(enterprises.total);
    expect(eSheet.rows.map((r) => r.cells["企业"])).toEqual(enterprises.items.map((e) => e.name));
    enterprises.items.forEach((e, i) =>
      expect(eSheet.rows[i]?.cells).toMatchObject({ 服务场次: String(e.sessions), "解决问题(个)": String(e.problemsSolved), "经济效益·预估(元)": yuanCell(e.benefitEstimatedYuan), 最近走访: e.lastVisit }),
    );

    const sessions = (await province.get("/api/stats/county/330127/sessions?year=2024&pageSize=200")).json<Page<StatsSessionRow>>();
    const sSheet = await readXlsxRows((await province.get("/api/stats/county/330127/sessions/export?year=2024")).rawPayload);
    expect(sSheet.rows).toHaveLength(sessions.total);
    sessions.items.forEach((s, i) =>
      expect(sSheet.rows[i]?.cells).toMatchObject({ 日期: s.date, 场次: s.title, "专家(人次)": String(s.teamSize), "已解决(个)": String(s.problemsSolved), "培训(人次)": String(s.trainees) }),
    );
  });

  it("keeps to the caller's region: a county user gets its own county, another county is not found", async () => {
    const own = await chunan.get("/api/stats/county/330127/sessions/export?year=2024");
    expect(own.statusCode).toBe(200);
    // The file says what, whose and the day it was taken.
    expect(decodeURIComponent(String(own.headers["content-disposition"]))).toContain(`2024年服务场次_淳安县_${todayInChina(new Date())}.xlsx`);
    // A list export (platform/exportList) names the file the same way: the reader's county, or the region filtered to.
    expect(decodeURIComponent(String((await chunan.get("/api/service-sessions/export")).headers["content-disposition"]))).toContain(`服务场次_淳安县_${todayInChina(new Date())}.xlsx`);
    expect(decodeURIComponent(String((await province.get("/api/audit/export")).headers["content-disposition"]))).toContain(`审计日志_浙江省_${todayInChina(new Date())}.xlsx`);
    expect((await chunan.get("/api/stats/county/330723/sessions/export?year=2024")).statusCode).toBe(404);
    expect((await chunan.get("/api/stats/by-region/export?year=2024&regionCode=330700")).statusCode).toBe(404);
    expect((await province.get("/api/stats/county/330100/enterprises/export?year=2024")).statusCode).toBe(400);
  });
});
