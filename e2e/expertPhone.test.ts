import { computeUsccCheckChar, type AttachmentList, type Enterprise, type Expert, type MyTasks, type ProblemDetail, type ServiceSession } from "@jiangxin/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { logIn, snap } from "./support/ui";

// Issue 11, "done when": an expert on a 390-px phone finds today's task, opens the enterprise's address,
// records progress with a photo. 淳安's staff set up today's visit through the API; the expert does the rest.
const chunan = "330127";
const address = "千岛湖镇新安东路88号";
/** A 16×16 grey JPEG, as a phone camera would hand the page a (much larger) one. */
const photo = Buffer.from(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAAQABABAREA/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAA/AJ//2Q==",
  "base64",
);

describe("an expert's phone: today's task, the firm's address, progress with a photo", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ JIANGXIN_DEMO_SCALE: "0.05" }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("finds today's visit on 工作台, opens the address and records progress with a photo at 390 px", { timeout: 120_000 }, async () => {
    const staff = await apiAs(server, "chunan");
    const expertApi = await apiAs(server, "expert");
    const me = (await expertApi.get<{ items: Expert[] }>("/api/experts?pageSize=1")).items[0];
    if (!me) throw new Error("the demo expert login has no profile");
    // A credit code of 淳安 no demo firm has (its check character computed).
    const first17 = `91${chunan}MA2H7E9P3`;
    const firm = await staff.post<Enterprise>("/api/enterprises", {
      uscc: first17 + computeUsccCheckChar(first17),
      name: "千岛湖手机端测试机械有限公司",
      industry: "C",
      countyCode: chunan,
      size: "small",
      nonPublic: true,
      contactName: "方经理",
      contactPhone: "0571-64881234",
      address,
    });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const session = await staff.post<ServiceSession>("/api/service-sessions", {
      date: today,
      countyCode: chunan,
      title: "劳模工匠进企业·千岛湖专场",
      enterpriseIds: [firm.id],
      expertIds: [me.id],
      leaderExpertId: me.id,
    });
    const problem = await staff.post<ProblemDetail>(`/api/service-sessions/${session.id}/problems`, {
      enterpriseId: firm.id,
      title: "数控车床主轴异响",
      description: "主轴高速运转时有周期性异响，加工件表面出现振纹，需要专家现场诊断。",
      trade: "6-18-01-01",
      ownerExpertId: me.id,
    });

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    try {
      await logIn(page, server, "expert");
      // 工作台 opens on 我的任务: today's visit first.
      const card = page.getByTestId("task-card").first();
      await card.getByText("今日走访", { exact: true }).waitFor();
      await expect(card.getByText(problem.title).isVisible()).resolves.toBe(true);
      await expect(card.getByText(address).isVisible()).resolves.toBe(true);
      const amap = await card.getByRole("link", { name: /高德地图/ }).getAttribute("href");
      expect(amap).toContain(encodeURIComponent(`杭州市淳安县${address}`));
      await snap(page, "expert-phone-home");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "nothing wider than the phone").toBeLessThanOrEqual(0);

      // The firm's page (无权访问 before): its address with the map links.
      await card.getByRole("link", { name: firm.name }).click();
      await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
      await page.getByText("详细地址", { exact: true }).waitFor();
      await expect(page.getByText(address).first().isVisible()).resolves.toBe(true);
      await expect(page.getByRole("link", { name: /百度地图/ }).isVisible()).resolves.toBe(true);
      await page.goBack();

      // One tap: 记录进展 with a note and a photo from the camera.
      await page.getByTestId("task-card").first().getByRole("button", { name: "记录进展" }).click();
      const drawer = page.locator(".ant-drawer").filter({ hasText: "现场照片" });
      const note = "已到现场，主轴轴承磨损，下周更换轴承并复测";
      await drawer.getByLabel("进展记录").fill(note);
      await drawer.getByRole("button", { name: "记录进展" }).click();
      await page.getByText("已记录进展").waitFor();
      await drawer.getByTestId("attachment-camera").setInputFiles({ name: "IMG_20260101.jpg", mimeType: "image/jpeg", buffer: photo });
      await page.getByText("已上传“IMG_20260101.jpg”").waitFor();
      await drawer.locator("img[alt='IMG_20260101.jpg']").waitFor();
      await snap(page, "expert-phone-progress");

      // What was recorded, read back through the API.
      const detail = await expertApi.get<ProblemDetail>(`/api/problems/${problem.id}`);
      expect(detail.events.map((e) => e.note)).toContain(note);
      const files = await expertApi.get<AttachmentList>(`/api/attachments?ownerKind=flagship.problem&ownerId=${problem.id}`);
      expect(files.items.map((f) => [f.name, f.isImage, f.hasThumbnail])).toEqual([["IMG_20260101.jpg", true, true]]);
      const tasks = await expertApi.get<MyTasks>("/api/my-tasks");
      expect(tasks.tasks.find((t) => t.problemId === problem.id)?.photoCount).toBe(1);
    } catch (error) {
      await snap(page, "expert-phone-failure").catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
