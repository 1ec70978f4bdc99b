import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { desktopPage, logIn } from "./support/ui";

/**
 * In the field the line drops: a page's or a chart's code that fails to download must not blank the
 * app. The browser is made to fail those downloads the way a dropped connection does.
 */
describe("code that fails to download", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await desktopPage(browser);
    await logIn(page, server, "province");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a chart that cannot load leaves the statistics page with its figures and an explanation", { timeout: 60_000 }, async () => {
    await page.route(/\/assets\/(ZhejiangMap|MonthlyTrendChart)-[^/]+\.js$/, (route) => route.abort("internetdisconnected"));
    await page.goto(`${server.url}/stats`);
    // The monthly chart and the map each say so in their own card.
    await page.getByText("图表加载失败").nth(1).waitFor();
    // The six figures and the region table are still there.
    await page.getByText("服务场次").first().waitFor();
    expect(await page.locator(".ant-table-row").count()).toBeGreaterThan(0);
    await page.unroute(/\/assets\/(ZhejiangMap|MonthlyTrendChart)-[^/]+\.js$/);
  });

  it("a page that cannot load says so in Chinese and keeps the menu to go elsewhere", { timeout: 60_000 }, async () => {
    await page.route(/\/assets\/CampaignListPage-[^/]+\.js$/, (route) => route.abort("internetdisconnected"));
    await page.goto(`${server.url}/campaigns`);
    await page.getByText("页面加载失败").waitFor();
    await page.getByRole("button", { name: /刷新页面/ }).waitFor();
    // The shell is still there: another page opens from the menu.
    await page.getByRole("menuitem", { name: /统计指标/ }).click();
    await page.waitForURL(/\/indicators/);
    await page.getByText("页面加载失败").waitFor({ state: "detached" });
  });
});
