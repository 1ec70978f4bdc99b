import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { chooseOption, desktopPage, logIn, snap } from "./support/ui";

describe("工会组织: a county adds a grassroots union, a 基层工会 account sees its own", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ JIANGXIN_DEMO_SCALE: "0.05" }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("淳安 adds a 覆盖建 union under its federation, answered field by field first", async () => {
    const page = await desktopPage(browser);
    try {
      await logIn(page, server, "chunan");
      await page.getByRole("menuitem", { name: "基础数据" }).click();
      await page.getByRole("menuitem", { name: "工会组织" }).click();
      await page.waitForURL(/\/unions/);
      await page.getByText("建会率").first().waitFor();
      await page.getByRole("button", { name: "新建工会" }).click();
      const drawer = page.locator(".ant-drawer").filter({ hasText: "新建工会组织" });
      await drawer.getByLabel("工会名称").fill("工会");
      await drawer.getByRole("button", { name: /保\s*存/ }).click();
      await drawer.getByText("工会名称至少4个字").waitFor();
      await drawer.getByLabel("工会名称").fill("淳安县千岛湖快递员工会联合会");
      await chooseOption(page, drawer, "上级工会", "淳安县总工会（淳安县）", "淳安县总工会");
      // 单独建会 (the default) must cover exactly one enterprise: the schema says so by the field.
      await drawer.getByRole("button", { name: /保\s*存/ }).click();
      await drawer.getByText("单独建会的工会应覆盖且只覆盖1家企业").waitFor();
      await chooseOption(page, drawer, "建会方式", "覆盖建会");
      await drawer.getByRole("button", { name: /保\s*存/ }).click();
      await page.waitForURL(/\/unions\/[0-9a-f-]{36}$/);
      await page.getByRole("heading", { name: "淳安县千岛湖快递员工会联合会" }).waitFor();
      // The breadcrumb runs from the province down to the parent.
      await expect(page.locator(".ant-breadcrumb").innerText()).resolves.toMatch(/浙江省总工会\s*\/\s*杭州市总工会\s*\/\s*淳安县总工会/);
    } catch (err) {
      throw new Error(`${String(err)} (screenshot: ${await snap(page, "unions-county")})`);
    }
  });

  it("the 基层工会 account sees only its own union, on a phone", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await logIn(page, server, "jiceng");
      await page.goto(`${server.url}/unions`);
      await page.getByText("共 1 个工会").waitFor();
      await page.getByRole("link", { name: "千岛湖精工机械有限公司工会委员会" }).click();
      await page.getByText("千岛湖精工机械有限公司", { exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } catch (err) {
      throw new Error(`${String(err)} (screenshot: ${await snap(page, "unions-jiceng")})`);
    } finally {
      await context.close();
    }
  });
});
