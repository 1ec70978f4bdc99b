import type { DemandListDetail } from "@jiangxin/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { desktopPage, logIn, snap } from "./support/ui";

// Issue 9's journey: an enterprise submits a demand list; 淳安's county union finds it among its to-dos
// on 工作台, acts on it from there (opens it, accepts each problem), and the to-do closes.
const firm = "千岛湖精工机械有限公司";
const titles = ["液压站油温持续偏高", "冲压模具刃口崩裂"] as const;
const todoTitle = `${firm}提交需求清单，${titles.length}个难题待受理`;

/** The header bell's count of open to-dos, from its accessible name ("待办 N 项，未读消息 M 条"). */
async function bellTodos(page: Page): Promise<number> {
  const bell = page.getByRole("button", { name: /^待办 \d+ 项/ });
  await bell.waitFor();
  const name = (await bell.getAttribute("aria-label")) ?? "";
  return Number(/待办 (\d+) 项/.exec(name)?.[1] ?? NaN);
}

describe("a county user sees a new demand list in its to-dos and acts on it from there", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ JIANGXIN_DEMO_SCALE: "0.05" }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("submit → 工作台 to-do → open the list → accept each problem → the to-do is gone", { timeout: 120_000 }, async () => {
    // 1. The enterprise submits (its own form is covered by enterpriseDemand.test.ts).
    const qiye = await apiAs(server, "qiye");
    const list = await qiye.post<DemandListDetail>("/api/demand-lists", {
      enterpriseId: qiye.session.user.enterpriseId,
      problems: titles.map((title) => ({ title, description: "影响连续生产，厂内技术人员多次排查未果，希望专家上门诊断。", trade: "6-31-01-09", urgency: "high" })),
      trainingNeeds: [],
    });

    const page = await desktopPage(browser);
    try {
      // 2. 淳安 signs in and lands on 工作台: the new list is among its to-dos, with its count.
      await logIn(page, server, "chunan");
      const todos = page.locator(".ant-card").filter({ hasText: "我的待办" });
      const todo = todos.getByRole("link", { name: todoTitle });
      await todo.waitFor();
      await todos.getByText(/^待受理 \d+$/).waitFor();
      const before = await bellTodos(page);
      expect(before).toBeGreaterThanOrEqual(1);
      await snap(page, "inbox-home-before");

      // 3. It acts from there: the to-do opens the demand list.
      await todo.click();
      await page.waitForURL(new RegExp(`/demand-lists/${list.id}$`));
      await page.getByText(`技术难题（${titles.length}）`).waitFor();

      // 4. Each problem accepted (受理) from the list's own table.
      for (const title of titles) {
        await page.getByRole("link", { name: title }).click();
        await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
        await page.getByRole("button", { name: /^受\s*理$/ }).click();
        const dialog = page.getByRole("dialog").filter({ hasText: `受理：${title}` });
        await dialog.getByRole("button", { name: /^受\s*理$/ }).click();
        await page.getByText("“受理”已完成，当前状态：已受理").waitFor();
        await page.goBack();
        await page.waitForURL(new RegExp(`/demand-lists/${list.id}$`));
      }
      // The list shows both accepted.
      const rows = page.locator(".ant-table-tbody tr.ant-table-row");
      for (const title of titles) await rows.filter({ hasText: title }).getByText("已受理", { exact: true }).waitFor();

      // 5. Back on 工作台 the to-do has closed, and the bell counts one fewer.
      await page.getByRole("menuitem", { name: "工作台" }).click();
      await page.waitForURL(/\/$/);
      await todos.getByText(/共 \d+ 项/).waitFor();
      // 工作台 refetches its to-dos on opening; the closed one leaves once the answer is in.
      await expect.poll(() => todos.getByRole("link", { name: todoTitle }).count()).toBe(0);
      await expect.poll(() => bellTodos(page)).toBe(before - 1);
      await snap(page, "inbox-home-after");

      // And the server agrees: the list's to-do is closed, not hidden.
      const chunan = await apiAs(server, "chunan");
      const open = await chunan.get<{ items: { link: string }[] }>("/api/inbox/todos?pageSize=200");
      expect(open.items.map((i) => i.link)).not.toContain(`/demand-lists/${list.id}`);
    } finally {
      await page.context().close();
    }
  });
});
