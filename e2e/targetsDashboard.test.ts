import type { Dashboard, TargetSplit } from "@jiangxin/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, chinaYear, type ApiClient } from "./support/api";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { chooseOption, desktopPage, logIn, snap } from "./support/ui";

// The province sets 武义's target for the sessions figure, approves it, and the 驾驶舱 names 武义县 as
// lagging. Last year is used: its records are complete and its share of the year gone is 100% on any
// day this test runs (this year's share is tiny in January, when nothing can be behind by 10 points).
const wuyi = "330723";
const key = "flagship.sessions";

describe("the province sets a county's target and the 驾驶舱 shows the county lagging", () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ApiClient;
  const year = chinaYear() - 1;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ JIANGXIN_DEMO_SCALE: "0.05" }), launchBrowser()]);
    api = await apiAs(server, "province");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("saves the target on the split page, approves it, and finds 武义县 among the lagging regions", { timeout: 100_000 }, async () => {
    const before = await api.get<Dashboard>(`/api/dashboard?year=${year}`);
    const figure = before.programmes[0]?.figures.find((f) => f.key === key);
    expect(figure?.lagging.map((l) => l.code)).not.toContain(wuyi);
    const drill = await api.get<{ rows: { code: string; value: number }[] }>(`/api/dashboard/${key}?year=${year}&regionCode=330700`);
    const done = drill.rows.find((r) => r.code === wuyi)?.value ?? 0;
    // Twice what was done plus ten: at most half of it met, with all of the year gone.
    const target = done * 2 + 10;

    const page = await desktopPage(browser);
    try {
      await logIn(page, server, "province");
      await page.getByRole("menuitem", { name: "年度目标" }).click();
      await page.waitForURL(/\/targets/);
      await chooseOption(page, page, "年度", `${year}年`);
      await chooseOption(page, page, "指标", /^服务场次/);
      await chooseOption(page, page, "分解地区", "金华市", "金华");
      await page.getByText("金华市" + year + "年目标").waitFor();
      await page.getByLabel("武义县全年目标").fill(String(target));
      // The sum of the children updates as one types, against the parent's target (none set here).
      await page.getByText(`下级合计 ${target.toLocaleString("zh-CN")}场`).waitFor();
      await page.getByRole("button", { name: "保 存" }).click();
      await page.getByText("已保存").first().waitFor();
      const row = page.locator("tr", { hasText: "武义县" });
      await row.getByText("草案").waitFor();
      await page.getByRole("button", { name: /批准草案/ }).click();
      await page.getByText("已批准").first().waitFor();
      await row.getByText("已批准").waitFor();

      const split = await api.get<TargetSplit>(`/api/targets/split?indicatorKey=${key}&year=${year}&parentCode=330700`);
      expect(split.rows.find((r) => r.code === wuyi)?.target).toMatchObject({ value: target, status: "approved" });

      await page.getByRole("menuitem", { name: "驾驶舱" }).click();
      await page.waitForURL(/\/dashboard/);
      // The targets page had a 年度 select too: wait for the 驾驶舱's own content before using its select.
      await page.getByText(/对照已批准的年度目标/).waitFor();
      await chooseOption(page, page, "年度", `${year}年`);
      await page.getByText(`截至${year}-12-31 · 时间进度 100%`).waitFor();
      const card = page.locator(`[data-figure="${key}"]`);
      await card.getByText("滞后地区").waitFor();
      // Last year has no other target, so 武义县 is the one region named.
      await card.locator(".ant-tag", { hasText: "武义县" }).waitFor();
      expect(await card.locator(".ant-tag.ant-tag-red").allTextContents()).toEqual(["武义县"]);
    } catch (error) {
      console.log("screenshot:", await snap(page, "targetsDashboard"));
      throw error;
    }

    const after = await api.get<Dashboard>(`/api/dashboard?year=${year}`);
    const lagging = after.programmes[0]?.figures.find((f) => f.key === key)?.lagging.find((l) => l.code === wuyi);
    expect(lagging).toMatchObject({ name: "武义县", level: "county", target });
  });
});
