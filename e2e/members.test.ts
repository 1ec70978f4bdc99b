import { computeResidentIdCheckChar } from "@jiangxin/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { desktopPage, logIn } from "./support/ui";

// A 淳安 rider not in the demo (the demo's IDs are born on days 1–28; this one on the 30th).
const first17 = "33012719970630552";
const residentId = first17 + computeResidentIdCheckChar(first17);
const phone = "13957199552";
const password = "Waimai#Rider2026";
const name = "赵骑风";

/** A union member's year on a phone: joins and gets a card, moves city and platform, eats with a voucher. */
describe("a rider joins on a phone with 美团 as platform, moves from 淳安 to 顺丰 in 武义, and redeems a meal voucher once", () => {
  let server: RunningServer;
  let browser: Browser;
  let rider: Page;
  let memberNo = "";

  /** Staff of the county confirm the pending request on the people page (入会 or 转入 alike). */
  async function confirmAs(username: string) {
    const staff = await desktopPage(browser);
    await logIn(staff, server, username);
    await staff.goto(`${server.url}/people?membershipStatus=pending&q=${encodeURIComponent(name)}`);
    await staff.getByRole("link", { name }).click();
    // Exact name: a bare "确认入会" also matches the list page's 待确认入会申请 button, which is still on
    // screen for a moment after the link click, and clicking that confirms nothing.
    const pendingRow = staff.getByRole("row").filter({ hasText: "待工会确认" });
    const confirmed = staff.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/api/memberships/"));
    await pendingRow.getByRole("button", { name: "确认入会", exact: true }).click();
    expect((await confirmed).status()).toBe(200);
    // The toast is brief on a loaded machine: the row's status tag is the lasting evidence.
    await staff.getByRole("row").filter({ has: staff.getByText("在会", { exact: true }) }).first().waitFor();
    await staff.context().close();
  }

  beforeAll(async () => {
    server = await startServer({ JIANGXIN_DEMO_SCALE: "0.1" });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    rider = await context.newPage();
    rider.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("registers, asks to join, is confirmed, and gets a member card checkable in public with masked data only", async () => {
    await rider.goto(`${server.url}/register`);
    await rider.getByLabel("姓名").fill(name);
    await rider.getByLabel("身份证号").fill(residentId);
    await rider.getByLabel("手机号(登录用)").fill(phone);
    await rider.getByLabel("密码", { exact: true }).fill(password);
    await rider.getByLabel("确认密码").fill(password);
    await rider.getByLabel("工作所在县(市、区)").click();
    await rider.getByLabel("工作所在县(市、区)").fill("淳安");
    await rider.locator(".ant-select-tree-node-content-wrapper", { hasText: "淳安县" }).click();
    // The platform is chosen from the list (data), and decides the union proposed on 我的.
    await rider.getByLabel("所在平台(新就业形态劳动者填写)").click();
    await rider.locator(".ant-select-item-option", { hasText: "美团" }).click();
    await rider.getByLabel("站点或网点(选填)").fill("美团外卖淳安站");
    await rider.getByRole("button", { name: "注册并登录" }).click();
    await rider.waitForURL(/\/me$/);
    await rider.getByText("推荐加入：淳安县网约配送行业工会联合会(美团、饿了么)").waitFor();
    await rider.getByText("推荐依据：所在平台的覆盖建会工会", { exact: false }).waitFor();
    await rider.getByRole("button", { name: "申请入会" }).click();
    await rider.getByText(/已向“.+”提交入会申请/).waitFor();
    await confirmAs("chunan");

    await rider.goto(`${server.url}/me/member-card`);
    await rider.getByText("浙江省工会会员证").waitFor();
    memberNo = (await rider.getByTestId("member-no").innerText()).trim();
    expect(memberNo).toMatch(/^ZJ\d{10}$/);
    await rider.locator(".ant-qrcode canvas").first().waitFor();
    expect(await rider.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await rider.getByRole("link", { name: "打开核验页" }).click();
    await rider.getByText("有效会员").waitFor();
    await rider.getByText("赵*风").waitFor();
    await rider.getByText(`ZJ******${memberNo.slice(-4)}`).waitFor();
    expect(await rider.content()).not.toContain(name);
  });

  it("moves to 顺丰 in 武义 (another city): 转会中 with the same number, 武义 confirms, still one member", async () => {
    await rider.goto(`${server.url}/me/member-card`);
    // The button's name starts with its icon's label ("swap 转会"), so anchor only the end.
    await rider.getByRole("button", { name: /(^|\s)转\s?会$/ }).click();
    await rider.getByLabel("新的工作所在县(市、区)").click();
    await rider.getByLabel("新的工作所在县(市、区)").fill("武义");
    await rider.locator(".ant-select-tree-node-content-wrapper", { hasText: "武义县" }).click();
    await rider.getByLabel("所在平台(新就业形态劳动者填写)").click();
    await rider.locator(".ant-select-item-option", { hasText: "顺丰" }).click();
    await rider.getByLabel("工作单位").fill("顺丰速运武义网点");
    const moved = rider.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/me/membership/transfer"));
    await rider.getByRole("button", { name: "提交转会" }).click();
    expect((await moved).status()).toBe(200);
    await rider.getByText("转会中").first().waitFor();
    expect((await rider.getByTestId("member-no").innerText()).trim()).toBe(memberNo);

    await confirmAs("wuyi");
    await rider.reload();
    await rider.getByText("在会").first().waitFor();
    await rider.getByText("已转出").waitFor();
    // 顺丰 has no union of its own name in 武义: its trade's 覆盖建 union is the one proposed.
    await rider.getByText("武义县快递物流行业工会联合会").first().waitFor();
    expect((await rider.getByTestId("member-no").innerText()).trim()).toBe(memberNo);
    await rider.getByText("武义县").first().waitFor();
  });

  it("gets a meal voucher from 武义, redeems it at a canteen; a second scan is refused", async () => {
    const staff = await desktopPage(browser);
    await logIn(staff, server, "wuyi");
    await staff.goto(`${server.url}/inclusive/vouchers`);
    await staff.getByLabel("每人张数").fill("1");
    await staff.getByRole("button", { name: /^发\s?放$/ }).click();
    await staff.getByText(/已向\d+名会员发放\d+张餐券/).waitFor();
    await staff.context().close();

    await rider.goto(`${server.url}/me/vouchers`);
    const code = (await rider.getByTestId("voucher-code").first().innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{12}$/);

    const canteen = await desktopPage(browser);
    await logIn(canteen, server, "jiceng");
    await canteen.goto(`${server.url}/inclusive/redeem`);
    // The button never shows loading (a scan is never dropped while another is answered), so its name
    // is always 核销; each scan's answer is the newest line.
    const scanButton = canteen.getByRole("button", { name: /^核\s?销$/ });
    await canteen.getByLabel("餐券码").fill(code);
    await scanButton.click();
    // Exact: the page's hint line (只有一处核销成功) also contains the words.
    await canteen.getByText("核销成功", { exact: true }).waitFor();
    await canteen.getByText(/赵\*风/).first().waitFor();
    await canteen.getByLabel("餐券码").fill(code);
    await scanButton.click();
    await canteen.getByText("核销未通过", { exact: true }).waitFor();
    await canteen.getByText(/已于.+使用，不能重复核销/).waitFor();
    // The first scan stays listed as accepted below the refusal.
    await canteen.getByRole("listitem").filter({ hasText: code }).getByText(/已核销/).waitFor();
    await canteen.context().close();

    await rider.goto(`${server.url}/me/member-card`);
    await rider.getByText("爱心午餐(10元餐)").waitFor();
  });
});
