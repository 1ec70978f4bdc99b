import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { chooseOption, desktopPage, logIn, snap } from "./support/ui";

const account = "6217 0033 1000 8899 123";
const accountDigits = account.replace(/\s/g, "");
/** A certificate obtained a month ago: inside any round's window for certificates. */
const issuedOn = new Date(Date.now() - 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

describe("学历与技能提升: a worker applies on a phone, is approved up the chain, is paid in a batch", () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: Page;
  let number = "";

  beforeAll(async () => {
    // A tenth of the demo: the journey needs the demo accounts, the worker's union and a few applications.
    server = await startServer({ JIANGXIN_DEMO_SCALE: "0.1" });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    phone = await context.newPage();
    phone.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("applies for a skill-grade subsidy on a 390-px phone, the round's rules on the page", async () => {
    await logIn(phone, server, "worker");
    await phone.goto(`${server.url}/upskilling/apply`);
    await phone.getByText("申请条件").waitFor();
    await phone.getByText(/每人一次性补助1,000元/).waitFor();
    await chooseOption(phone, phone, "取得的职业技能等级", "高级工(三级)");
    await phone.getByLabel("证书编号").fill("S2026 3301 2700 88");
    await phone.getByLabel("证书取得日期").fill(issuedOn);
    await phone.getByLabel("开户银行").fill("浙江农商银行淳安支行");
    await phone.getByLabel("本人银行卡号").fill(account);
    await phone.getByRole("button", { name: "提交申请" }).click();
    await phone.waitForURL(/\/upskilling\/my$/);
    const card = phone.locator(".ant-card", { hasText: "高级工(三级)补助" });
    await card.getByText("待审核").waitFor();
    await card.getByText("6217 **** **** 9123").waitFor();
    number = (await card.getByText(/^SQ\d{4}-\d{6}$/).innerText()).trim();
    expect(await phone.content()).not.toContain(accountDigits);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it("is approved by its union, then 淳安, then 杭州, each at its own step", async () => {
    for (const [who, after] of [["jiceng", "县级工会审核"], ["chunan", "市总工会审定"], ["hangzhou", "已通过"]] as const) {
      const staff = await desktopPage(browser);
      await logIn(staff, server, who);
      await staff.goto(`${server.url}/upskilling/review`);
      await staff.getByPlaceholder("姓名、证书编号或申请编号").fill(number);
      await staff.getByPlaceholder("姓名、证书编号或申请编号").press("Enter");
      const row = staff.locator("tr", { hasText: number });
      await row.getByText("陈晓东").waitFor();
      await row.locator(".ant-checkbox-input").check();
      await staff.getByRole("button", { name: /批量通过/ }).click();
      await staff.getByText("通过 1 条").waitFor();
      await staff.getByText("全部", { exact: true }).click();
      await staff.locator("tr", { hasText: number }).getByText(after).waitFor();
      await staff.context().close();
    }
    await phone.reload();
    await phone.locator(".ant-card", { hasText: "高级工(三级)补助" }).getByText("已通过").first().waitFor();
  });

  it("is paid in 杭州's batch: the bank file carries the full account, the bank's answer marks it paid", async () => {
    const staff = await desktopPage(browser);
    await logIn(staff, server, "hangzhou");
    await staff.goto(`${server.url}/upskilling/payments`);
    await staff.getByRole("button", { name: "生成发放批次" }).click();
    await staff.getByText(/^已生成批次 PC\d{4}-\d{4}/).waitFor();
    const newest = staff.locator(".ant-table-tbody tr.ant-table-row").first();
    // The link's file, fetched with the page's own session (what the browser saves on a click).
    const href = await newest.getByRole("link", { name: "下载银行文件" }).getAttribute("href");
    const answer = await staff.request.get(`${server.url}${href ?? ""}`);
    expect(answer.headers()["content-disposition"]).toMatch(/^attachment;/);
    const file = await answer.text();
    expect(file).toContain(`${number},陈晓东,${accountDigits},浙江农商银行淳安支行,1000.00`);
    await newest.locator("input[type=file]").setInputFiles({ name: "回盘.csv", mimeType: "text/csv", buffer: Buffer.from(`申请编号,结果,失败原因\n${number},成功,\n`) });
    await staff.getByText("已导入回盘结果：发放成功 1 人，失败 0 人").waitFor();
    await staff.context().close();

    await phone.reload();
    const card = phone.locator(".ant-card", { hasText: "高级工(三级)补助" });
    await card.getByText("已发放").first().waitFor();
    await card.getByText(/已发放 1,000 元到 浙江农商银行淳安支行/).waitFor();
  });

  it("refuses a second application for the same grade, with the reason", async () => {
    await phone.goto(`${server.url}/upskilling/apply`);
    await chooseOption(phone, phone, "取得的职业技能等级", "高级工(三级)");
    await phone.getByLabel("证书编号").fill("S2026-ANOTHER-01");
    await phone.getByLabel("证书取得日期").fill(issuedOn);
    await phone.getByLabel("开户银行").fill("浙江农商银行淳安支行");
    await phone.getByLabel("本人银行卡号").fill(account);
    await phone.getByRole("button", { name: "提交申请" }).click();
    await phone.getByText("不符合申请条件").waitFor().catch(async (e: unknown) => {
      console.log("screenshot:", await snap(phone, "upskilling-refused"));
      throw e;
    });
    await phone.getByText("同一学历或同一技能等级只补助一次：您已申请过该等级的补助").waitFor();
    expect(phone.url()).toMatch(/\/upskilling\/apply$/);
  });
});
