import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { todayInChina, type Indicators, type StatsByRegion } from "@jiangxin/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The server's own reader of spreadsheets (exceljs is its dependency), as the import screens use it.
import { readXlsxRows } from "../apps/server/src/platform/xlsx";
import { apiAs, chinaYear, type ApiClient } from "./support/api";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { desktopPage, logIn } from "./support/ui";

// The printable report and an Excel export, opened the way a reader would (a PDF viewer, a
// spreadsheet), carry the same figures as the API behind the page. The full demo year is loaded
// because the article's figures are what the report is for.
const demoYear = chinaYear() - 1;

const grouped = (n: number) => n.toLocaleString("en-US");

/** "1310000000.00" → "131,000.00": 万元 with two decimals, rounded half up from exact fen, as the report's money rows. */
const wan = (yuan: string) => {
  const [whole = "0", fraction = "00"] = yuan.split(".");
  const fen = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
  const hundredths = (fen + 5_000n) / 10_000n; // 0.01万元 is 100 yuan, 10,000 fen
  return `${(hundredths / 100n).toLocaleString("en-US")}.${(hundredths % 100n).toString().padStart(2, "0")}`;
};

/** The number printed after a row's label on the report's figures table, from pdftotext's layout. */
function figureAfter(text: string, label: string): string | undefined {
  const line = text.split("\n").find((l) => l.trim().startsWith(label));
  return line?.slice(line.indexOf(label) + label.length).trim().split(/\s+/)[0];
}

function pdfText(file: string): string {
  try {
    return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } catch (cause) {
    throw new Error("pdftotext is needed to read the report (Debian: apt-get install -y poppler-utils)", { cause });
  }
}

describe("the printed report and the Excel export match the API", () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ApiClient;
  let page: Page;
  const folder = mkdtempSync(path.join(tmpdir(), "jx-report-"));

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    api = await apiAs(server, "province");
    page = await desktopPage(browser);
    await logIn(page, server, "province");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("prints the demo year for the province on A4 with the figures of /api/indicators", { timeout: 120_000 }, async () => {
    const figures = await api.get<Indicators>(`/api/indicators?year=${demoYear}`);
    expect(figures.sessions).toBeGreaterThan(0);

    await page.goto(`${server.url}/stats/report?year=${demoYear}`);
    // The paper says when every figure and chart is drawn.
    await page.locator(".stats-report-paper[data-ready='true']").waitFor({ timeout: 60_000 });
    const file = path.join(folder, "report.pdf");
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });

    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Page size:.*\(A4\)/);
    const text = pdfText(file);
    expect(text).toContain(`${demoYear}年劳模工匠助企行工作统计报告 · 浙江省`);
    expect(figureAfter(text, "服务场次(场次)")).toBe(grouped(figures.sessions));
    expect(figureAfter(text, "参加劳模工匠(人次)")).toBe(grouped(figures.expertParticipations));
    expect(figureAfter(text, "服务企业(家)")).toBe(grouped(figures.enterprisesServed));
    expect(figureAfter(text, "解决问题(个)")).toBe(grouped(figures.problemsSolved));
    expect(figureAfter(text, "培训技术工人(人次)")).toBe(grouped(figures.workerTrainings));
    // Money in one unit for the column: 万元 with two decimals.
    expect(figureAfter(text, "经济效益·预估(万元)")).toBe(wan(figures.benefitEstimatedYuan));
    expect(figureAfter(text, "经济效益·已核实(万元)")).toBe(wan(figures.benefitVerifiedYuan));
    // Charts and the region table are on paper; the app's menu and buttons are not.
    expect(text).toContain("图1");
    expect(text).toContain("杭州市");
    expect(text).not.toContain("审计日志");
    expect(text).not.toContain("打印/导出PDF");
    // Issued by the reader's federation, dated, and every page numbered.
    const compact = text.replace(/\s/g, ""); // pdftotext drops or adds spaces between CJK glyphs
    expect(compact).toContain("编制单位：浙江省总工会");
    expect(compact).toMatch(/第1页\/共\d+页/);
  });

  it("downloads the region table as .xlsx with the rows and figures of /api/stats/by-region", { timeout: 60_000 }, async () => {
    const data = await api.get<StatsByRegion>(`/api/stats/by-region?year=${demoYear}`);
    await page.goto(`${server.url}/stats?year=${demoYear}`);
    const tableCard = page.locator(".ant-card").filter({ hasText: `${demoYear}年各设区市指标` });
    await tableCard.locator(".ant-table-row").first().waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), tableCard.getByRole("button", { name: /导出Excel/ }).click()]);
    expect(download.suggestedFilename()).toBe(`${demoYear}年分区指标_浙江省_${todayInChina(new Date())}.xlsx`);
    const file = path.join(folder, "regions.xlsx");
    await download.saveAs(file);

    const sheet = await readXlsxRows(readFileSync(file));
    expect(sheet.rows.map((r) => r.cells["区域"])).toEqual([...data.rows.map((r) => r.name), "合计"]);
    [...data.rows, data.total].forEach((figures, i) => {
      expect(sheet.rows[i]?.cells).toMatchObject({
        "服务场次(场次)": String(figures.sessions),
        "参加劳模工匠(人次)": String(figures.expertParticipations),
        "服务企业(家)": String(figures.enterprisesServed),
        "解决问题(个)": String(figures.problemsSolved),
        "培训技术工人(人次)": String(figures.workerTrainings),
        "经济效益·预估(元)": String(Number(figures.benefitEstimatedYuan)),
        "经济效益·已核实(元)": String(Number(figures.benefitVerifiedYuan)),
      });
    });
    // The screen shows the same rows: the table's first column names the cities in the same order.
    const names = await tableCard.locator(".ant-table-row td:first-child button").allInnerTexts();
    expect(names.map((n) => n.replace(/\s/g, ""))).toEqual(data.rows.map((r) => r.name));
  });
});
