import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { demoPassword } from "./api";
import type { RunningServer } from "./startServer";

/** A desktop page in China's time zone, as the union staff use it (dates on screen are local). */
export async function desktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: "Asia/Shanghai", locale: "zh-CN" });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function logIn(page: Page, server: RunningServer, username: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(demoPassword);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByText("工作台").first().waitFor();
}

/**
 * The options of the select labelled `label` inside `scope`, opening it (and typing `search` into it
 * when given). The dropdown is found through the listbox the input controls, so a dropdown of another
 * select still fading out is never picked by mistake.
 */
export async function openSelect(page: Page, scope: Page | Locator, label: string, search?: string): Promise<Locator> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  if (search !== undefined) await input.fill(search);
  const id = await input.getAttribute("id");
  if (!id) throw new Error(`the select “${label}” has no id to find its dropdown by`);
  return page.locator(".ant-select-dropdown").filter({ has: page.locator(`[id="${id}_list"]`) }).locator(".ant-select-item-option");
}

/** Opens a select by its form label and clicks the first option showing `text`. */
export async function chooseOption(page: Page, scope: Page | Locator, label: string, text: string | RegExp, search?: string): Promise<void> {
  const options = await openSelect(page, scope, label, search);
  await options.filter({ hasText: text }).first().click();
}

/** Screenshots for debugging a failed run go to the temp folder, never into the repository. */
export async function snap(page: Page, name: string): Promise<string> {
  const dir = path.join(tmpdir(), "jx-e2e-shots");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
