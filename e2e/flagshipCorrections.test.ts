import type { DemandListDetail, Enterprise, Expert, Indicators, ServiceSession } from "@jiangxin/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, chinaYear, type ApiClient } from "./support/api";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { desktopPage, logIn, snap } from "./support/ui";

// Issue 11's two correction journeys. County staff (淳安) find a session dated in the wrong year, correct
// it with a reason and see the year's figures change; an enterprise (qiye) withdraws a demand list
// before the union accepts it, and the list stays on record as withdrawn.
const chunanCode = "330127";

describe("correcting the record: a wrongly dated session, a list withdrawn before acceptance", () => {
  let server: RunningServer;
  let browser: Browser;
  let chunan: ApiClient;
  let qiye: ApiClient;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ JIANGXIN_DEMO_SCALE: "0.05" }), launchBrowser()]);
    [chunan, qiye] = await Promise.all([apiAs(server, "chunan"), apiAs(server, "qiye")]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("county staff move a session to its real date with a reason, and this year's and last year's figures follow", { timeout: 120_000 }, async () => {
    const year = chinaYear();
    const figures = (y: number) => chunan.get<Indicators>(`/api/indicators?year=${y}&regionCode=${chunanCode}`);
    const firm = (await chunan.get<{ items: Enterprise[] }>(`/api/enterprises?regionCode=${chunanCode}&pageSize=1`)).items[0];
    const expert = (await chunan.get<{ items: Expert[] }>("/api/experts?active=true&pageSize=1")).items[0];
    if (!firm || !expert) throw new Error("the demo has no 淳安 enterprise or no expert");
    // Entered with last year's date by mistake (the year picker left on the old year).
    const wrong = `${year - 1}-11-20`;
    const session = await chunan.post<ServiceSession>("/api/service-sessions", {
      date: wrong,
      countyCode: chunanCode,
      title: "劳模工匠助企行·淳安日期更正专场",
      enterpriseIds: [firm.id],
      expertIds: [expert.id],
    });
    const [thisBefore, lastBefore] = await Promise.all([figures(year), figures(year - 1)]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

    const page = await desktopPage(browser);
    try {
      await logIn(page, server, "chunan");
      await page.goto(`${server.url}/service-sessions/${session.id}`);
      await page.getByRole("button", { name: "更正" }).click();
      const dialog = page.locator(".ant-modal").filter({ hasText: "更正服务场次" });
      const dateInput = dialog.getByLabel("服务日期");
      await dateInput.click();
      await dateInput.fill(today);
      await dateInput.press("Enter");
      // Without a reason the correction is refused on the form.
      await dialog.getByRole("button", { name: "保存更正" }).click();
      await dialog.getByText("请填写更正理由").waitFor();
      await dialog.getByLabel("更正理由").fill("录入时年份选错，按签到表更正为实际服务日期");
      await dialog.getByRole("button", { name: "保存更正" }).click();
      await dialog.waitFor({ state: "hidden" });

      // The page shows the new date and the history keeps the old one with the reason.
      const history = page.locator(".ant-card").filter({ hasText: "更正记录" });
      await history.getByText("录入时年份选错，按签到表更正为实际服务日期").waitFor();
      await history.getByText(wrong).waitFor();
      await page.locator(".ant-descriptions-row").filter({ hasText: "服务日期" }).getByText(today).waitFor();
      await snap(page, "flagship-corrections-session");
    } finally {
      await page.close();
    }

    const [thisAfter, lastAfter] = await Promise.all([figures(year), figures(year - 1)]);
    expect(thisAfter.sessions).toBe(thisBefore.sessions + 1);
    expect(lastAfter.sessions).toBe(lastBefore.sessions - 1);
  });

  it("an enterprise withdraws its list before acceptance; it stays on record as withdrawn", { timeout: 120_000 }, async () => {
    const me = await qiye.get<{ items: Enterprise[] }>("/api/enterprises?pageSize=1");
    const firm = me.items[0];
    if (!firm) throw new Error("the qiye account sees no enterprise of its own");
    const list = await qiye.post<DemandListDetail>("/api/demand-lists", {
      enterpriseId: firm.id,
      problems: [{ title: "包装线封口温度不稳", description: "热封口温度波动大，封口不牢导致返工，希望专家帮助排查温控系统。", trade: "6-31-01-09" }],
    });

    const page = await desktopPage(browser);
    try {
      await logIn(page, server, "qiye");
      await page.goto(`${server.url}/demand-lists/${list.id}`);
      await page.getByRole("button", { name: "撤回清单" }).click();
      const dialog = page.locator(".ant-modal").filter({ hasText: "撤回需求清单" });
      await dialog.getByLabel("撤回说明").fill("问题已由厂家上门解决");
      await dialog.getByRole("button", { name: "确认撤回" }).click();
      await page.getByText(/该需求清单已于.*由企业撤回/).waitFor();
      await page.getByText("已撤回", { exact: true }).first().waitFor();
      await expect(page.getByRole("button", { name: "撤回清单" }).count()).resolves.toBe(0);
      await snap(page, "flagship-corrections-withdrawn");
    } finally {
      await page.close();
    }
    // The county sees it withdrawn, with the enterprise's reason on the problem's timeline.
    const seen = await chunan.get<DemandListDetail>(`/api/demand-lists/${list.id}`);
    expect(seen.withdrawnAt).not.toBeNull();
    expect(seen.problems.map((p) => p.status)).toEqual(["withdrawn"]);
  });
});
