import type { Enterprise } from "@jiangxin/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";

const password = "Shili#2026ok";

/** The API as another user sees it, to know what the screen should show. */
async function apiAs(server: RunningServer, username: string) {
  const res = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return async <T>(path: string) => (await (await fetch(`${server.url}${path}`, { headers: { cookie } })).json()) as T;
}

async function logIn(page: Page, server: RunningServer, username: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByText("工作台").first().waitFor();
}

describe("a county union user sees only its county", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("starts on an empty data folder with the demo accounts printed", () => {
    for (const account of ["province", "hangzhou", "chunan", "wuyi", "qiye", "expert", "worker"]) expect(server.output()).toContain(account);
  });

  it("lists 淳安's enterprises and nothing else, and answers another county's record as not found", async () => {
    const province = await apiAs(server, "province");
    const chunanTotal = (await province<{ total: number }>("/api/enterprises?regionCode=330127&pageSize=1")).total;
    const wuyiFirm = (await province<{ items: Enterprise[] }>("/api/enterprises?regionCode=330723&pageSize=1")).items[0];
    expect(chunanTotal).toBeGreaterThan(3);
    expect(wuyiFirm).toBeDefined();

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, server, "chunan");
    // The bound region in the header's user menu ("县(市、区)总工会 · 淳安县"); waits, since the header renders after the session loads.
    await page.getByText(/总工会 · 淳安县$/).first().waitFor();

    await page.getByRole("menuitem", { name: "基础数据" }).click();
    await page.getByRole("menuitem", { name: /企业$/ }).click();
    await page.waitForURL(/\/enterprises/);
    const rows = page.locator(".ant-table-tbody tr.ant-table-row");
    // The total only this list shows: the previous page's rows are gone by then.
    await page.getByText(`共 ${chunanTotal} 条`).waitFor();
    await rows.first().waitFor();
    const counties = await page.locator(".ant-table-tbody tr.ant-table-row td:nth-child(4)").allInnerTexts();
    expect(counties.length).toBeGreaterThan(0);
    for (const county of counties) expect(county).toContain("淳安县");
    // The phone column shows masked numbers only.
    const phones = await page.locator(".ant-table-tbody tr.ant-table-row td:nth-child(8)").allInnerTexts();
    for (const phone of phones) expect(phone.trim()).toMatch(/^1\d{2}\*{4}\d{4}$/);

    await page.goto(`${server.url}/enterprises/${wuyiFirm?.id}`);
    await page.getByText("该企业不存在，或不在您的管辖范围内。").waitFor();
    await expect(page.getByText(wuyiFirm?.name ?? "?").count()).resolves.toBe(0);
    await page.close();
  });

  it("at 390 px the menu folds away and the enterprise list still shows 淳安's firms", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await logIn(page, server, "chunan");
    await page.goto(`${server.url}/enterprises`);
    await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
    expect(await page.locator(".ant-layout-sider:visible").count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.close();
  });
});
