import { amenityKeys, csrfHeader } from "@jiangxin/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, chinaYear, type ApiClient } from "./support/api";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { chooseOption, desktopPage, logIn, snap } from "./support/ui";

// A quiet corner of 淳安 (no demo station within kilometres): the station made here is the nearest one.
const spot = { lng: 118.8, lat: 29.5 };
const name = "枫树岭镇邮政暖心驿站(测试)";

describe("户外劳动者服务站: a rider finds and checks in; a lock report reaches the county and the year's count follows the rule", () => {
  let server: RunningServer;
  let browser: Browser;
  let chunan: ApiClient;
  let stationId = "";
  let body: Record<string, unknown> = {};
  const year = chinaYear();
  const chunanCounted = async () => {
    const stats = await chunan.get<{ counties: { countyCode: string; counted: number; claimed: number }[] }>(`/api/stations/stats?year=${year}`);
    return stats.counties.find((c) => c.countyCode === "330127")?.counted ?? -1;
  };

  beforeAll(async () => {
    server = await startServer({ JIANGXIN_DEMO_SCALE: "0.1" });
    browser = await launchBrowser();
    // One API session per account for the whole file (logins are limited per address).
    chunan = await apiAs(server, "chunan");
    const unions = await chunan.get<{ items: { id: string; kind: string }[] }>("/api/unions?regionCode=330127&pageSize=50");
    const unionId = unions.items.find((u) => u.kind === "county")?.id ?? "";
    body = {
      name,
      hostKind: "postOffice",
      hostOrg: "中国邮政淳安县枫树岭镇营业所",
      address: "淳安县枫树岭镇下姜村1号",
      ...spot,
      countyCode: "330127",
      unionId,
      managerName: "姜师傅",
      managerPhone: "13957100002",
      amenities: amenityKeys.map((key) => ({ key, water: key === "water" ? "drinkable" : null, verify: true })),
      openingHours: "24/7",
      verifyHours: true,
      upgradeClaimedYear: year,
    };
    stationId = (await chunan.post<{ id: string }>("/api/stations", body)).id;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phone(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      timezoneId: "Asia/Shanghai",
      locale: "zh-CN",
      geolocation: { longitude: spot.lng, latitude: spot.lat },
      permissions: ["geolocation"],
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  it("a rider at 390 px taps 附近开放的站点, filters charging and drinking water, opens the nearest open station and checks in", async () => {
    const page = await phone();
    try {
      await page.goto(`${server.url}/public/stations`);
      await page.getByTestId("locate").click();
      await page.getByText(/离我的位置最近的/).waitFor();
      await page.getByRole("button", { name: /^充\s*电$/ }).click();
      await page.getByRole("button", { name: "可直饮水" }).click();
      await page.waitForURL(/amenities=charging(%2C|,)drinkableWater/);
      const first = page.getByTestId("station-card").first();
      await first.getByText(name).waitFor();
      await first.getByText("开放中").waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await first.click();
      await page.waitForURL(new RegExp(`/public/stations/${stationId}`));
      await page.getByText("24小时开放").waitFor();
      await page.getByTestId("amenity-charging").getByText("核实于今天").waitFor();
      await chooseOption(page, page, "您的职业", "外卖骑手");
      await page.getByRole("button", { name: /签\s*到/ }).click();
      await page.getByText("签到成功").waitFor();
      await page.getByText(/今天已有 1 人次/).waitFor();
    } catch (error) {
      console.log("screenshot:", await snap(page, "stations-rider"));
      throw error;
    }
  });

  it("another rider reports it locked at 22:00 though posted 24 h; the county answers; the year's count follows the rule", async () => {
    expect(await chunanCounted()).toBeGreaterThan(0);
    const before = await chunanCounted();
    const page = await phone();
    let receipt = "";
    try {
      await page.goto(`${server.url}/public/stations/${stationId}`);
      await chooseOption(page, page, "问题类型", "开放时间内锁门");
      await page.getByLabel("补充说明").fill("晚上22:00来，门锁着，牌子上写24小时");
      await page.getByRole("button", { name: "提交报告" }).click();
      receipt = (await page.getByTestId("receipt-code").innerText()).trim();
      expect(receipt).toMatch(/^[A-Z0-9]{10}$/);
    } catch (error) {
      console.log("screenshot:", await snap(page, "stations-report"));
      throw error;
    }
    // An unanswered lock report: the station no longer counts as upgraded this year.
    expect(await chunanCounted()).toBe(before - 1);

    const county = await desktopPage(browser);
    try {
      await logIn(county, server, "chunan");
      const todos = await chunan.get<{ items: { title: string; link: string }[] }>("/api/inbox/todos");
      const todo = todos.items.find((t) => t.title.includes(name));
      expect(todo, "the county's to-do for the report").toBeDefined();
      await county.goto(`${server.url}${todo?.link ?? "/stations/reports"}`);
      const drawer = county.locator(".ant-drawer");
      await drawer.getByText(receipt).waitFor();
      await drawer.getByText("已核实并整改").click();
      await drawer.getByLabel("答复(报告人可见)").fill("已约谈站点负责人，夜间改由值班人员开门，已恢复24小时开放。");
      const answered = county.waitForResponse((r) => r.url().includes("/answer") && r.request().method() === "POST");
      await drawer.getByRole("button", { name: /提交答复/ }).click();
      expect((await answered).status()).toBe(200);
    } catch (error) {
      console.log("screenshot:", await snap(county, "stations-county"));
      throw error;
    }
    expect(await chunanCounted()).toBe(before);
    // The reporter reads the answer by the receipt code.
    try {
      await page.goto(`${server.url}/public/station-reports/${receipt}`);
      await page.getByTestId("receipt").getByText("已核实并整改").waitFor();
      await page.getByText(/夜间改由值班人员开门/).waitFor();
    } catch (error) {
      console.log("screenshot:", await snap(page, "stations-receipt"));
      throw error;
    }
  });

  it("the province sees the upgrade target by county on the 年度目标 page", async () => {
    const province = await apiAs(server, "province");
    const split = await province.get<{ rows: { code: string; name: string; target: { value: number } | null }[] }>(
      `/api/targets/split?indicatorKey=stations.upgraded&year=${year}&parentCode=330100`,
    );
    const chunanTarget = split.rows.find((r) => r.code === "330127")?.target?.value;
    expect(chunanTarget).toBeGreaterThan(0);
    const page = await desktopPage(browser);
    try {
      await logIn(page, server, "province");
      await page.getByRole("menuitem", { name: "年度目标" }).click();
      await page.waitForURL(/\/targets/);
      await chooseOption(page, page, "年度", `${year}年`);
      // Six programmes' indicators: the picker is searched, as a user does.
      await chooseOption(page, page, "指标", /^提升改造服务站\(认定\)/, "提升改造");
      await chooseOption(page, page, "分解地区", "杭州市", "杭州");
      await page.getByText(`杭州市${year}年目标`).waitFor();
      await expect.poll(() => page.getByLabel("淳安县全年目标").inputValue()).toBe(String(chunanTarget));
    } catch (error) {
      console.log("screenshot:", await snap(page, "stations-targets"));
      throw error;
    } finally {
      await page.close();
    }
  });

  it("refuses bad input with field-level Chinese messages: outside China, unparsable hours, a photo that is not an image", async () => {
    const outside = await fetch(`${server.url}/api/public/stations/nearby?lng=2.35&lat=48.85`);
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as { fields: Record<string, string> }).fields.lng).toContain("不在中国境内");
    await expect(chunan.post(`/api/stations`, { ...body, name: "另一个驿站", openingHours: "Mo-Fr 25:00-99:00" })).rejects.toThrow(/"openingHours":"开放时间无法识别/);
    const text = await fetch(`${server.url}/api/attachments?ownerKind=stations.station&ownerId=${stationId}&name=${encodeURIComponent("照片.jpg")}`, {
      method: "POST",
      headers: { cookie: chunan.cookie, [csrfHeader]: chunan.session.csrfToken, "content-type": "image/jpeg" },
      body: "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
    });
    expect(text.status).toBe(400);
    expect(((await text.json()) as { fields: Record<string, string> }).fields.file).toContain("只能上传图片");
  });

  it("shows the same refusals on screen at 390 px: under the field, with what was typed kept and nothing saved", async () => {
    const saved = () => chunan.get<{ lng: number; lat: number; openingHours: string }>(`/api/stations/${stationId}`);
    const page = await phone();
    /** The message antd shows under the form item labelled `label`. */
    const fieldError = (label: string) => page.locator(".ant-form-item", { has: page.locator("label", { hasText: label }) }).locator(".ant-form-item-explain-error");
    const saveAndRefused = async () => {
      const refused = page.waitForResponse((r) => r.url().endsWith(`/api/stations/${stationId}`) && r.request().method() === "PUT");
      await page.getByRole("button", { name: /保\s*存/ }).click();
      expect((await refused).status()).toBe(400);
    };
    try {
      await logIn(page, server, "chunan");
      await page.goto(`${server.url}/stations/${stationId}`);
      // Staff type Paris's coordinates (longitude and latitude swapped would be as wrong).
      await page.getByLabel("经度").fill("2.35");
      await page.getByLabel("纬度").fill("48.85");
      await saveAndRefused();
      await expect.poll(() => fieldError("经度").innerText()).toContain("坐标不在中国境内");
      await fieldError("纬度").getByText(/不在中国境内/).waitFor();
      // Kept as typed (the box pads to the step's four decimals: 2.3500).
      expect(Number(await page.getByLabel("经度").inputValue())).toBe(2.35);
      expect(Number(await page.getByLabel("纬度").inputValue())).toBe(48.85);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await fieldError("经度").scrollIntoViewIfNeeded();
      console.log("screenshot:", await snap(page, "stations-bad-coordinates-390"));
      expect(await saved()).toMatchObject({ lng: spot.lng, lat: spot.lat });

      // Put the coordinates back; an hours string the opening_hours parser cannot read.
      await page.getByLabel("经度").fill(String(spot.lng));
      await page.getByLabel("纬度").fill(String(spot.lat));
      await page.getByLabel("开放时间(OpenStreetMap 格式)").fill("Mo-Fr 25:00-99:00");
      await saveAndRefused();
      await expect.poll(() => fieldError("开放时间(OpenStreetMap 格式)").innerText()).toContain("开放时间无法识别(错在“Mo-Fr 25:00”处)");
      expect(await page.getByLabel("开放时间(OpenStreetMap 格式)").inputValue()).toBe("Mo-Fr 25:00-99:00");
      expect(await fieldError("经度").count()).toBe(0);
      await fieldError("开放时间(OpenStreetMap 格式)").scrollIntoViewIfNeeded();
      console.log("screenshot:", await snap(page, "stations-bad-hours-390"));
      expect((await saved()).openingHours).toBe("24/7");
      // Corrected, the same form saves (it once sent its checklist fields, which the API refuses as unknown).
      await page.getByLabel("开放时间(OpenStreetMap 格式)").fill("24/7");
      const accepted = page.waitForResponse((r) => r.url().endsWith(`/api/stations/${stationId}`) && r.request().method() === "PUT");
      await page.getByRole("button", { name: /保\s*存/ }).click();
      expect((await accepted).status()).toBe(200);
      await page.getByText("已保存").first().waitFor();

      // A PDF renamed .jpg, picked as a photo: refused by its content, the reason stays under the buttons.
      await page.getByTestId("attachment-file").setInputFiles({ name: "门头照片.jpg", mimeType: "image/jpeg", buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") });
      const refusal = page.getByTestId("attachment-refused");
      await refusal.getByText("“门头照片.jpg”未上传").waitFor();
      await refusal.getByText(/只能上传图片/).waitFor();
      await refusal.scrollIntoViewIfNeeded();
      console.log("screenshot:", await snap(page, "stations-bad-photo-390"));
      const photos = await chunan.get<{ items: unknown[] }>(`/api/attachments?ownerKind=stations.station&ownerId=${stationId}`);
      expect(photos.items).toHaveLength(0);
    } catch (error) {
      console.log("screenshot:", await snap(page, "stations-bad-input"));
      throw error;
    } finally {
      await page.context().close();
    }

    // The finder's one typed input is the position: a phone abroad is told so under the location controls.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      timezoneId: "Asia/Shanghai",
      locale: "zh-CN",
      geolocation: { longitude: 2.35, latitude: 48.85 },
      permissions: ["geolocation"],
    });
    const abroad = await context.newPage();
    abroad.setDefaultTimeout(15_000);
    try {
      await abroad.goto(`${server.url}/public/stations`);
      await abroad.getByTestId("locate").click();
      const error = abroad.getByTestId("position-error");
      await error.getByText("我的位置无法查找站点").waitFor();
      await error.getByText(/手机定位的位置不在中国境内/).waitFor();
      expect(await abroad.getByTestId("station-card").count()).toBe(0);
      expect(await abroad.getByText("加载失败").count()).toBe(0);
      console.log("screenshot:", await snap(abroad, "stations-finder-abroad-390"));
      // Picking a county by hand clears it.
      await chooseOption(abroad, abroad, "选择县(市、区)", "淳安县", "淳安");
      await abroad.getByText(/离淳安县城区最近的/).waitFor();
      expect(await error.count()).toBe(0);
      // A shared link with longitude and latitude swapped: the server's own field message.
      await abroad.goto(`${server.url}/public/stations?lng=${spot.lat}&lat=${spot.lng}`);
      await error.getByText(/坐标不在中国境内.*请检查经纬度是否填反/).waitFor();
    } catch (error) {
      console.log("screenshot:", await snap(abroad, "stations-finder-abroad"));
      throw error;
    } finally {
      await context.close();
    }
  });
});
