import { computeResidentIdCheckChar } from "@jiangxin/domain";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { desktopPage, logIn, openSelect } from "./support/ui";

// The demo's open round (本年第二批) takes applications; the demo firm's union (the worker's) has no
// quota yet, so after the draw the worker waits on the list until 淳安县总工会 hands the union some of
// the places it kept undistributed (quotas flow province → cities → counties → grassroots unions).
describe("职工疗休养: a worker applies on a phone, the province draws and publishes, the waitlist offers a place, anyone recomputes the lottery", () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: Page;
  let province: Page;
  let applicationId = "";
  const roundName = `${new Date().getFullYear()}年第二批`;

  beforeAll(async () => {
    server = await startServer({ JIANGXIN_DEMO_SCALE: "0.1" });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    phone = await context.newPage();
    phone.setDefaultTimeout(20_000);
    province = await desktopPage(browser);
    province.setDefaultTimeout(30_000);
    await logIn(province, server, "province");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("applies for three ranked sessions on a 390-px phone", async () => {
    await logIn(phone, server, "worker");
    await phone.goto(`${server.url}/recuperation/me`);
    const card = phone.getByTestId("apply-card");
    await card.getByText(roundName).waitFor();
    for (const n of [1, 2, 3]) {
      const options = await openSelect(phone, card, `第${n}志愿`);
      await options.first().click();
    }
    await card.getByRole("button", { name: "提交申请" }).click();
    const mine = phone.getByTestId("my-application");
    await mine.getByText("已承诺种子").or(mine.getByText("接受申请")).first().waitFor();
    await mine.getByText("第1组 · 一线职工").waitFor();
    applicationId = (await mine.getByTestId("application-id").innerText()).trim();
    expect(applicationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it("a union enters a member's application by Excel: the template downloaded, filled, uploaded; a bad row named by cell, then only the good row imported", async () => {
    // A member of the demo firm's union (the union enters them in the people registry first, as it would).
    const union = await apiAs(server, "jiceng");
    const first17 = `33012719750707${String(100 + Math.floor(Math.random() * 900))}`;
    const memberId = first17 + computeResidentIdCheckChar(first17);
    await union.post("/api/people", { countyCode: "330127", name: "周建华", residentId: memberId });

    const page = await desktopPage(browser);
    await logIn(page, server, "jiceng");
    await page.goto(`${server.url}/recuperation/enter`);
    await page.getByTestId("import-card").getByRole("button", { name: "批量代报" }).click();
    const drawer = page.locator(".ant-drawer");
    const [download] = await Promise.all([page.waitForEvent("download"), drawer.getByRole("button", { name: "下载模板" }).click()]);
    const template = await readFile(await download.path());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    // The drop-downs' lists: 轮次 first, then the sessions ("code｜route｜date").
    const lists = book.getWorksheet("可选值")!;
    expect(lists.getCell("A2").text).toBe(roundName);
    const session = lists.getCell("B2").text;
    const sheet = book.worksheets[0]!;
    sheet.getRow(2).values = [memberId, "周建华", roundName, session, "", "", "", ""];
    sheet.getRow(3).values = [`11010519491231002${computeResidentIdCheckChar("11010519491231002")}`, "查无此人", roundName, session, "", "", "", ""];
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const file = { name: "疗休养申请.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: filled };

    await drawer.locator("input[type=file]").setInputFiles(file);
    await drawer.getByText("第3行「身份证号」：职工库中没有该身份证号，请先登记职工并办理入会").waitFor();
    await drawer.getByText(/未导入任何数据/).waitFor();
    await drawer.getByRole("button", { name: "重新上传" }).click();
    await drawer.getByText("导入正确的行，错误行下载后改正再导入").click();
    await drawer.locator("input[type=file]").setInputFiles(file);
    await drawer.getByText("已导入 1 条疗休养申请").waitFor();
    await drawer.getByRole("button", { name: /^完\s*成$/ }).click();
    const entered = page.getByTestId("entered-applications");
    await entered.locator("tr", { hasText: "周建华" }).getByText("Excel代报").waitFor();
    await page.context().close();
  });

  it("the province commits the seed, runs the draw as a job, publishes, and reads the fairness report", async () => {
    await province.goto(`${server.url}/recuperation/rounds`);
    const round = province.getByTestId(`round-${roundName}`);
    await round.getByRole("button", { name: "承诺种子" }).click();
    // Ant Design spaces out a two-character Chinese button label (承 诺), so two-character names are matched loosely.
    await province.locator(".ant-modal").getByRole("button", { name: /^承\s*诺$/ }).click();
    await round.getByTestId("round-status").getByText("已承诺种子").waitFor();
    await round.getByRole("button", { name: /^摇\s*号$/ }).click();
    await round.getByTestId("round-status").getByText("已摇号(待公布)").waitFor({ timeout: 60_000 });
    await round.getByRole("button", { name: "公布种子和结果" }).click();
    await round.getByTestId("round-status").getByText("已公布").waitFor();
    await round.getByTestId("round-seed").waitFor();
    await round.getByRole("button", { name: "公平性报告" }).click();
    const report = province.getByTestId("fairness-report");
    await report.getByTestId("report-groups").getByText("一线职工").waitFor();
    await report.getByText("工会名额使用").waitFor();
  });

  it("the worker sees its group, position and why it waits; the county officer hands its union places on 工会名额, and the waitlist offers the worker one, which it accepts", async () => {
    await phone.goto(`${server.url}/recuperation/me`);
    const mine = phone.getByTestId("my-application");
    await mine.getByTestId("position").getByText(/第 \d+ 位 \/ 共 \d+ 人/).waitFor();
    await mine.getByTestId("outcome").getByText(/名额已用完/).waitFor();
    await mine.getByTestId("waitlist").getByText(/候补第 \d+ 位/).waitFor();

    // 淳安's officer sees what the county received, handed down and kept, and splits 3 of its 5 kept places to the union.
    const county = await desktopPage(browser);
    await logIn(county, server, "chunan");
    await county.goto(`${server.url}/recuperation/quotas`);
    const own = county.getByTestId("quota-own");
    await own.getByText("淳安县总工会").waitFor();
    await county.getByTestId("quota-left").getByText("本级尚余 5 个可分配").waitFor();
    await county.getByLabel("下级工会名称").fill("千岛湖精工机械");
    await county.getByLabel("下级工会名称").press("Enter");
    const row = county.getByTestId("quota-children").locator("tr", { hasText: "千岛湖精工机械有限公司工会委员会" });
    // More than the county kept is refused with the numbers, and nothing is saved.
    await row.getByRole("spinbutton").fill("6");
    await row.getByRole("button", { name: /^保\s*存$/ }).click();
    await row.getByRole("alert").getByText(/尚余5个.*最多可设为5个/).waitFor();
    await row.getByRole("spinbutton").fill("3");
    await row.getByRole("button", { name: /^保\s*存$/ }).click();
    await county.getByTestId("quota-left").getByText("本级尚余 2 个可分配").waitFor();
    await county.context().close();

    await phone.reload();
    const offer = mine.getByTestId("offer");
    await offer.getByText(/候补递补/).waitFor();
    await offer.getByRole("button", { name: "接受名额" }).click();
    await offer.getByText(/已接受/).waitFor();
  });

  it("anyone recomputes the worker's lottery number from the published seed, without logging in", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/public/recuperation`);
    const options = await openSelect(page, page, "选择轮次");
    await options.filter({ hasText: roundName }).first().click();
    await page.getByTestId("seed-ok").waitFor();
    await page.getByLabel("申请编号").fill(applicationId);
    await page.getByRole("button", { name: "重新计算" }).click();
    await page.getByTestId("lottery-verdict").getByText("一致").waitFor();
    expect(await page.getByTestId("computed-lottery").innerText()).toMatch(/^[0-9a-f]{16}$/);
    await context.close();
  });
});
