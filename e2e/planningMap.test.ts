import type { PlanResult } from "@jiangxin/domain";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, type ApiClient } from "./support/api";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { desktopPage, logIn } from "./support/ui";

/**
 * The map is a canvas: a county is found the way a user finds it, by moving over the map until the
 * tooltip names it, and then clicked there.
 */
async function pointAtCounty(page: Page, map: Locator, name: string): Promise<{ x: number; y: number }> {
  const box = await map.boundingBox();
  if (!box) throw new Error("the map is not on screen");
  const tooltip = page.locator("[aria-label$='分布地图'] div").filter({ hasText: /待匹配难题|本次规划/ }).last();
  for (let fy = 0.1; fy < 0.95; fy += 0.06) {
    for (let fx = 0.05; fx < 0.95; fx += 0.06) {
      const position = { x: box.width * fx, y: box.height * fy };
      await map.hover({ position });
      const text = await tooltip.innerText({ timeout: 150 }).catch(() => "");
      if (text.startsWith(name)) return position;
    }
  }
  throw new Error(`no point of the map shows ${name}`);
}

describe("专家调度规划 on the county map", () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ApiClient;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    api = await apiAs(server, "chunan");
    page = await desktopPage(browser);
    await logIn(page, server, "chunan");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a county union computes its plan, filters it by clicking its county on the map, and accepts it", { timeout: 120_000 }, async () => {
    // What the server plans for 淳安 right now (nothing is written by computing).
    const expected = await api.post<PlanResult>("/api/plans/compute", {});
    expect(expected.totals.problems).toBeGreaterThan(0);

    await page.goto(`${server.url}/planning`);
    await page.getByRole("button", { name: /计算方案/ }).click();
    await page.getByText(`调度方案 (${expected.totals.assigned} 个难题 · ${expected.totals.assignedPairs} 人次)`).waitFor({ timeout: 30_000 });

    await page.getByText("地图", { exact: true }).click();
    const map = page.locator("[aria-label='安排比例分布地图']");
    await map.locator("canvas").waitFor();
    await page.getByText("山区县（县城位置）").waitFor();

    await map.click({ position: await pointAtCounty(page, map, "淳安县") });
    await page.locator(".ant-tag").filter({ hasText: "只看 淳安县" }).waitFor();
    const table = page.locator("[role=tabpanel][aria-hidden=false] tr.ant-table-row");
    await table.first().waitFor();
    const rows = await table.allInnerTexts();
    expect(rows).toHaveLength(expected.assignments.length);
    expect(rows.every((r) => r.includes("淳安县"))).toBe(true);
    // Experts from elsewhere are drawn as routes into the county.
    if (expected.assignments.some((a) => a.expertCountyCode !== "330127")) await page.getByText("专家所在县 → 所选县").waitFor();

    // A county without problems in the plan says so instead of showing empty tables.
    await map.click({ position: await pointAtCounty(page, map, "建德市") });
    await page.getByText("本次规划中建德市没有待匹配的难题").waitFor();
    await page.locator(".ant-tag").filter({ hasText: "只看 建德市" }).locator(".ant-tag-close-icon").click();
    await page.getByText(`调度方案 (${expected.totals.assigned} 个难题 · ${expected.totals.assignedPairs} 人次)`).waitFor();
    expect(await page.locator(".ant-tag").filter({ hasText: "只看" }).count()).toBe(0);

    await page.getByRole("button", { name: /采纳方案/ }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: /采\s*纳/ }).click();
    await page.getByText(/已采纳：\d+ 个难题已指派专家/).first().waitFor();
    const after = await api.post<PlanResult>("/api/plans/compute", {});
    expect(after.totals.problems).toBe(expected.totals.problems - expected.totals.assigned);
  });

  it("at 390 px the map sits above the table, within the screen", { timeout: 60_000 }, async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await logIn(phone, server, "province");
    await phone.goto(`${server.url}/planning`);
    await phone.getByRole("button", { name: /计算方案/ }).click();
    await phone.getByText(/调度方案 \(\d+ 个难题 · \d+ 人次\)/).waitFor({ timeout: 30_000 });
    await phone.getByText("地图", { exact: true }).click();
    const map = phone.locator("[aria-label='安排比例分布地图']");
    await map.locator("canvas").waitFor();
    const mapBox = await map.boundingBox();
    const tableBox = await phone.locator(".ant-tabs").boundingBox();
    expect(mapBox && tableBox && mapBox.y + mapBox.height <= tableBox.y).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();
  });
});
