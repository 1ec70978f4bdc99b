import { computeResidentIdCheckChar } from "@jiangxin/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { desktopPage, logIn } from "./support/ui";

// A 淳安 worker not in the demo (the demo's IDs are born 19–60 years ago on days 1–28; this one on the 30th).
const first17 = "33012719960530871";
const residentId = first17 + computeResidentIdCheckChar(first17);
/** As typed on a phone's full-width keyboard, in groups. */
const typedId = [...residentId].map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join("").replace(/^(.{6})(.{8})/, "$1 $2 ");
const phone = "13957199530";
const password = "Qiandao#Lake2026";

describe("a worker registers on a phone, joins a union and sees 我的", () => {
  let server: RunningServer;
  let browser: Browser;
  let phonePage: Page;

  beforeAll(async () => {
    // A tenth of the demo: this journey needs the union tree and 淳安's staff, not last year's volume.
    server = await startServer({ JIANGXIN_DEMO_SCALE: "0.1" });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    phonePage = await context.newPage();
    phonePage.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("finds 职工注册 in 公众服务 without logging in, and is told field by field what is wrong", async () => {
    await phonePage.goto(`${server.url}/public`);
    await phonePage.getByText("职工注册与入会").click();
    await phonePage.waitForURL(/\/register$/);
    await phonePage.getByLabel("姓名").fill("何");
    await phonePage.getByLabel("身份证号").fill(first17 + (computeResidentIdCheckChar(first17) === "1" ? "2" : "1"));
    await phonePage.getByLabel("手机号(登录用)").fill("1234");
    await phonePage.getByRole("button", { name: "注册并登录" }).click();
    await phonePage.getByText("姓名至少2个字").waitFor();
    await phonePage.getByText(/校验码不符/).waitFor();
    await phonePage.getByText("手机号应为11位数字，以1开头，第二位为3–9").waitFor();
    await phonePage.getByText("请设置密码").waitFor();
    await phonePage.getByText("请选择工作所在县(市、区)").waitFor();
  });

  it("registers with the ID typed in full-width digits and lands on 我的, signed in, with a union proposed", async () => {
    await phonePage.getByLabel("姓名").fill("何晓燕");
    await phonePage.getByLabel("身份证号").fill(typedId);
    await phonePage.getByLabel("手机号(登录用)").fill(phone);
    await phonePage.getByLabel("密码", { exact: true }).fill(password);
    await phonePage.getByLabel("确认密码").fill(password);
    await phonePage.getByLabel("工作所在县(市、区)").click();
    await phonePage.getByLabel("工作所在县(市、区)").fill("淳安");
    await phonePage.locator(".ant-select-tree-node-content-wrapper", { hasText: "淳安县" }).click();
    await phonePage.getByLabel("工作单位").fill("千岛湖某民宿");
    await phonePage.getByRole("button", { name: "注册并登录" }).click();

    await phonePage.waitForURL(/\/me$/);
    await phonePage.getByText("您还没有加入工会。").waitFor();
    await phonePage.getByText(`330127********${residentId.slice(-4)}`).waitFor();
    await phonePage.getByText("139****9530").waitFor();
    // Nothing on the page shows the full number.
    expect(await phonePage.content()).not.toContain(residentId);
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phonePage.getByText(/^推荐加入：/).waitFor();
  });

  it("asks to join; 淳安's union staff confirm it; 我的 then shows the membership", async () => {
    const proposed = (await phonePage.getByText(/^推荐加入：/).innerText()).replace("推荐加入：", "").trim();
    await phonePage.getByRole("button", { name: "申请入会" }).click();
    await phonePage.getByText(`已向“${proposed}”提交入会申请，请等待工会确认`).waitFor();
    await phonePage.getByText("待工会确认").first().waitFor();

    const staff = await desktopPage(browser);
    await logIn(staff, server, "chunan");
    await staff.goto(`${server.url}/people?membershipStatus=pending&q=${encodeURIComponent("何晓燕")}`);
    await staff.getByRole("link", { name: "何晓燕" }).click();
    // The list also names the union (its 会籍 column) and has a 待确认入会申请 button, and it stays on
    // screen while the detail page's code loads: wait for the detail page, and name the button exactly.
    await staff.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    const memberships = staff.locator(".ant-card", { hasText: "会籍记录" });
    await memberships.getByText(proposed).first().waitFor();
    await memberships.getByRole("button", { name: "确认入会", exact: true }).click();
    await staff.getByText("已确认入会").waitFor();
    await staff.context().close();

    await phonePage.reload();
    await phonePage.getByText("所在工会", { exact: true }).waitFor();
    await phonePage.getByText(proposed).first().waitFor();
    await phonePage.getByText("在会").first().waitFor();
    await phonePage.getByText("暂无申请或报名记录").waitFor();
    await phonePage.getByRole("link", { name: "查看待办与消息" }).waitFor();
  });

  it("the same person cannot register a second account", async () => {
    const res = await fetch(`${server.url}/api/public/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "何晓燕", residentId, phone: "13957199531", password, countyCode: "330127" }),
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { fields?: Record<string, string> }).fields?.residentId).toBe("该身份证号已注册账号");
  });
});
