import type { Problem } from "@jiangxin/domain";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { chooseOption, desktopPage, logIn, snap } from "./support/ui";

// An enterprise account (issue 3, journey 3) submits a demand list, follows it, and cannot see any other
// enterprise's. qiye is 千岛湖精工机械有限公司 in 淳安; chunan is the county union that accepts its problems.
const ownFirm = "千岛湖精工机械有限公司";
const demand = {
  problems: [
    { title: "五轴加工中心换刀卡滞", trade: "数控机床装调维修工", description: "换刀时机械手偶发卡滞，每班停机约半小时，厂家售后排期要一个月。" },
    { title: "齿轮箱装配噪声超标", trade: "装配钳工", description: "新批次齿轮箱出厂检测噪声超过78分贝，客户投诉，原因未明。" },
  ],
  training: { topic: "数控编程与操作", workers: "12" },
} as const;

/** The status tag in the 当前状态 cell of a problem's details. */
const statusOf = (page: Page): Locator => page.locator(".ant-descriptions-row").filter({ hasText: "当前状态" }).locator(".ant-tag");

describe("an enterprise submits a demand list, follows it, and sees no other enterprise's", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ JIANGXIN_DEMO_SCALE: "0.05" }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("submits, is accepted by 淳安, sees the new status, and is kept out of other firms' records", { timeout: 100_000 }, async () => {
    const page = await desktopPage(browser);
    const staff = await desktopPage(browser);
    try {
      await logIn(page, server, "qiye");

      // 1. The demand list: two problems and one training need, through /demand-lists/new.
      await page.getByRole("menuitem", { name: "需求清单" }).click();
      await page.getByRole("button", { name: "提交需求清单" }).click();
      await page.waitForURL(/\/demand-lists\/new$/);
      await page.getByText(`${ownFirm}（淳安县）`).waitFor(); // its own firm, not a picker
      await page.getByRole("button", { name: "添加难题" }).click();
      for (const [i, p] of demand.problems.entries()) {
        const card = page.locator(".ant-card").filter({ has: page.getByText(`难题 ${i + 1}`, { exact: true }) }).last();
        await card.getByLabel("标题", { exact: true }).fill(p.title);
        await chooseOption(page, card, "所需工种", p.trade, p.trade);
        await card.getByLabel("描述", { exact: true }).fill(p.description);
      }
      await page.getByRole("button", { name: "添加培训需求" }).click();
      await page.getByLabel("培训主题").fill(demand.training.topic);
      await page.getByLabel("人数", { exact: true }).fill(demand.training.workers);
      await page.getByRole("button", { name: /提\s*交/ }).last().click();

      await page.waitForURL(/\/demand-lists\/[0-9a-f-]{36}$/);
      await page.getByText("已提交需求清单：2 个难题、1 项培训需求").waitFor();
      await page.getByText(`需求清单 · ${ownFirm}`).waitFor();
      await page.getByText("技术难题（2）").waitFor();
      const rows = page.locator(".ant-table-tbody tr.ant-table-row");
      for (const p of demand.problems) await expect(rows.filter({ hasText: p.title }).getByText("已提交", { exact: true }).isVisible()).resolves.toBe(true);
      await expect(rows.filter({ hasText: demand.training.topic }).filter({ hasText: demand.training.workers }).count()).resolves.toBe(1);

      // 2. It follows the list: on its 需求清单 and its 难题, both problems 已提交.
      await page.getByRole("menuitem", { name: "需求清单" }).click();
      await page.waitForURL(/\/demand-lists$/);
      // Wait for the list page itself: the detail page's rows can linger for a moment after the URL changes.
      await page.getByText("本企业提交的需求清单。").waitFor();
      await rows.filter({ hasText: ownFirm }).first().waitFor();
      const listRows = await rows.allInnerTexts();
      expect(listRows.length).toBeGreaterThan(0);
      for (const row of listRows) expect(row).toContain(ownFirm);
      await page.getByRole("menuitem", { name: "难题" }).first().click();
      await page.waitForURL(/\/problems/);
      for (const p of demand.problems) await rows.filter({ hasText: p.title }).getByText("已提交", { exact: true }).waitFor();

      const first = demand.problems[0];
      await page.getByRole("link", { name: first.title }).click();
      await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
      const problemId = page.url().split("/").pop() ?? "";
      await statusOf(page).getByText("已提交", { exact: true }).waitFor();
      await expect(page.getByText("下一步", { exact: true }).count()).resolves.toBe(0); // an enterprise moves nothing

      // 3. 淳安 staff accept it (受理) in their own browser.
      await logIn(staff, server, "chunan");
      await staff.goto(`${server.url}/problems/${problemId}`);
      await statusOf(staff).getByText("已提交", { exact: true }).waitFor();
      await staff.getByRole("button", { name: /^受\s*理$/ }).click();
      const dialog = staff.getByRole("dialog").filter({ hasText: `受理：${first.title}` });
      await dialog.getByRole("button", { name: /^受\s*理$/ }).click();
      await staff.getByText("“受理”已完成，当前状态：已受理").waitFor();

      // 4. The enterprise sees the new status on its problem page.
      await page.reload();
      await statusOf(page).getByText("已受理", { exact: true }).waitFor();
      const timeline = page.locator(".ant-card").filter({ has: page.getByText("进展时间线", { exact: true }) });
      await timeline.getByRole("listitem").filter({ hasText: "已提交 → 已受理" }).filter({ hasText: "淳安县总工会" }).waitFor();

      // 5. Another enterprise's problem answers as not found, and shows nothing of it.
      const province = await apiAs(server, "province");
      const others = await province.get<{ items: Problem[] }>("/api/problems?pageSize=50");
      const foreign = others.items.find((p) => p.enterpriseName !== ownFirm);
      if (!foreign) throw new Error("the demo has no problem of another enterprise");
      await page.goto(`${server.url}/problems/${foreign.id}`);
      await page.getByText("该难题不存在，或不在您的查看范围内。").waitFor();
      await expect(page.getByText("未找到该难题").isVisible()).resolves.toBe(true);
      await expect(page.getByText(foreign.title).count()).resolves.toBe(0);
      await expect(page.getByText(foreign.enterpriseName).count()).resolves.toBe(0);

      // 6. Its 企业 page lists its own firm and no other.
      await page.getByRole("menuitem", { name: "基础数据" }).click();
      await page.getByRole("menuitem", { name: /企业$/ }).click();
      await page.waitForURL(/\/enterprises/);
      await page.getByText("共 1 条").waitFor();
      await rows.first().waitFor();
      const firms = await rows.allInnerTexts();
      expect(firms).toHaveLength(1);
      expect(firms[0]).toContain(ownFirm);
      await page.goto(`${server.url}/enterprises/${foreign.enterpriseId}`);
      await page.getByText("该企业不存在，或不在您的管辖范围内。").waitFor();
    } catch (error) {
      console.error("screenshots:", await snap(page, "enterprise-demand-failure").catch(() => "none"), await snap(staff, "enterprise-demand-staff-failure").catch(() => "none"));
      throw error;
    } finally {
      await page.context().close();
      await staff.context().close();
    }
  });
});
