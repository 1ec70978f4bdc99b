import type { Enterprise, Indicators, Problem, ProblemDetail } from "@jiangxin/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, chinaYear, type ApiClient } from "./support/api";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { chooseOption, desktopPage, logIn, openSelect, snap } from "./support/ui";

// The article's visit (issue 3, journey 1): a team of 4 experts visits an enterprise in 淳安, builds the
// three lists with 7 problems, proposes 7 solutions that day, 3 move on to design, and the team signs
// a one-to-one agreement on equipment renovation and talent training.
const chunan = "330127";

/** Seven problems of a machining firm, as a team would write them down in the workshop. */
const problemsFound = [
  { title: "老旧空压机故障率高", description: "两台空压机运行超过十年，夏季频繁跳停，影响喷涂线连续生产。", trade: "6-31-01-09" },
  { title: "数控车床加工精度漂移", description: "连续加工两小时后外圆尺寸偏差超过0.02毫米，废品率上升。", trade: "6-18-01-01" },
  { title: "不锈钢薄板焊接变形大", description: "2毫米不锈钢箱体焊后平面度超差，需要人工反复校形。", trade: "6-18-02-04" },
  { title: "车间配电柜温升过高", description: "主配电柜夏季温度超过60度，存在跳闸和火灾隐患。", trade: "6-31-01-03" },
  { title: "液压机保压时间不足", description: "200吨液压机保压阶段压力下降快，冲压件回弹大。", trade: "6-31-01-09" },
  { title: "新进职工看不懂图纸", description: "近一年招收的青年职工识图能力弱，首件检验不合格率高。", trade: "6-18-01-01" },
  { title: "涂装线能耗偏高", description: "烘干炉升温慢、保温差，天然气用量比同行高出约三成。", trade: "6-31-01-03" },
] as const;

describe("the article's visit: four experts, seven problems, seven solutions, one agreement", () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ApiClient;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ JIANGXIN_DEMO_SCALE: "0.05" }), launchBrowser()]);
    api = await apiAs(server, "chunan");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("records the visit on site and the indicators change by exactly what was recorded", { timeout: 110_000 }, async () => {
    const year = chinaYear();
    const indicatorsPath = `/api/indicators?year=${year}&regionCode=${chunan}`;
    const before = await api.get<Indicators>(indicatorsPath);
    // A 淳安 enterprise the demo's year so far has not served yet, so that serving it counts one more.
    const served = new Set<string>();
    for (let p = 1; ; p++) {
      const rows = await api.get<{ items: { id: string }[]; total: number }>(`/api/stats/county/${chunan}/enterprises?year=${year}&pageSize=200&page=${p}`);
      for (const r of rows.items) served.add(r.id);
      if (p * 200 >= rows.total) break;
    }
    let firm: Enterprise | undefined;
    for (let p = 1; !firm; p++) {
      const firms = await api.get<{ items: Enterprise[]; total: number }>(`/api/enterprises?regionCode=${chunan}&pageSize=200&page=${p}`);
      firm = firms.items.find((e) => !served.has(e.id) && e.name !== "千岛湖精工机械有限公司");
      if (!firm && p * 200 >= firms.total) throw new Error("every enterprise in 淳安 was served this year");
    }

    const page = await desktopPage(browser);
    try {
      await logIn(page, server, "chunan");

      // 1. The session: this year (the form's default date is today), 淳安, one enterprise, four experts.
      await page.getByRole("menuitem", { name: "服务场次" }).click();
      await page.getByRole("button", { name: "安排服务场次" }).click();
      const drawer = page.locator(".ant-drawer").filter({ hasText: "安排服务场次" });
      await drawer.getByLabel("场次名称").fill("劳模工匠进山区助企服务（淳安）");
      await expect(drawer.getByText("淳安县").first().isVisible()).resolves.toBe(true); // the county comes preset
      await chooseOption(page, drawer, "服务企业", firm.name, firm.name);
      await page.keyboard.press("Escape");

      const expertOptions = await openSelect(page, drawer, "专家团队");
      await expertOptions.nth(3).waitFor();
      const team: string[] = [];
      for (let i = 0; i < 4; i++) {
        const label = (await expertOptions.nth(i).innerText()).trim();
        team.push(label.split("（")[0] ?? label);
        await expertOptions.nth(i).click();
      }
      await page.keyboard.press("Escape");
      await chooseOption(page, drawer, "带队专家", team[0] ?? "");
      await drawer.getByRole("button", { name: /保\s*存/ }).click();
      await page.waitForURL(/\/service-sessions\/[0-9a-f-]{36}$/);
      const sessionId = page.url().split("/").pop() ?? "";
      await page.getByText(`专家团队(4人)`).waitFor();

      // 2. The on-site page: the first problem through the form, the other six through the same API.
      await page.getByRole("button", { name: "现场三张清单" }).click();
      await page.waitForURL(/\/on-site$/);
      await page.getByText("还没有难题，点“现场新增难题”记录第一个").waitFor();
      await page.getByRole("button", { name: "现场新增难题" }).click();
      const addDrawer = page.locator(".ant-drawer").filter({ hasText: "保存难题" });
      const first = problemsFound[0];
      await addDrawer.getByLabel("难题标题").fill(first.title);
      await addDrawer.getByLabel("难题描述").fill(first.description);
      await chooseOption(page, addDrawer, "所需工种", `（${first.trade}）`);
      await chooseOption(page, addDrawer, "负责专家", team[0] ?? "");
      await addDrawer.getByRole("button", { name: "保存难题" }).click();
      await page.getByText(`已记录难题“${first.title}”，负责专家：${team[0]}`).waitFor();

      const lists = await api.get<{ session: { experts: { id: string; name: string }[] }; problems: Problem[] }>(`/api/service-sessions/${sessionId}/three-lists`);
      const experts = lists.session.experts;
      expect(experts.map((x) => x.name).sort()).toEqual([...team].sort());
      for (const [i, p] of problemsFound.slice(1).entries()) {
        const owner = experts[(i + 1) % experts.length];
        await api.post(`/api/service-sessions/${sessionId}/problems`, { enterpriseId: firm.id, title: p.title, description: p.description, trade: p.trade, ownerExpertId: owner?.id });
      }
      await page.getByRole("button", { name: "刷新" }).click();
      await page.getByText("难题 7", { exact: true }).first().waitFor();

      // 3. Seven solutions that day: the first through 提出方案 with its note, the rest through the API.
      const progress = page.locator(".ant-card").filter({ has: page.getByText("进度", { exact: true }) }).last();
      const firstCard = progress.locator(".ant-card").filter({ hasText: first.title });
      await firstCard.getByRole("button", { name: "提出方案" }).click();
      const dialog = page.getByRole("dialog").filter({ hasText: `提出解决方案：${first.title}` });
      await dialog.getByLabel("解决方案").fill("更换为变频螺杆空压机并加装储气罐，由团队提供选型清单");
      await dialog.getByRole("button", { name: "提出解决方案" }).click();
      await page.getByText("“提出解决方案”已完成，当前状态：已提出方案").waitFor();

      const problems = (await api.get<{ problems: Problem[] }>(`/api/service-sessions/${sessionId}/three-lists`)).problems;
      expect(problems).toHaveLength(7);
      for (const p of problems.filter((x) => x.status === "onSite")) {
        await api.post<ProblemDetail>(`/api/problems/${p.id}/moves`, { to: "solutionProposed", note: `针对“${p.title}”的现场解决方案` });
      }

      // 4. Three move on to design: one by its button on the 进度 list, two through the API.
      await page.getByRole("button", { name: "刷新" }).click();
      await page.getByText("已提方案 7 项").waitFor();
      await firstCard.getByRole("button", { name: "进入方案设计" }).click();
      const designDialog = page.getByRole("dialog").filter({ hasText: `进入方案设计：${first.title}` });
      await designDialog.getByRole("button", { name: "进入方案设计" }).click();
      await page.getByText("“进入方案设计”已完成，当前状态：方案设计中").waitFor();
      for (const p of problems.filter((x) => x.title !== first.title).slice(0, 2)) {
        await api.post<ProblemDetail>(`/api/problems/${p.id}/moves`, { to: "inDesign" });
      }
      await page.getByRole("button", { name: "刷新" }).click();

      // The three lists on screen: 7 problems, the 4 experts, 4 proposed + 3 in design.
      await page.getByText("方案设计中 3", { exact: true }).waitFor();
      await expect(page.getByText("已提出方案 4", { exact: true }).isVisible()).resolves.toBe(true);
      await expect(page.getByText("难题 7", { exact: true }).isVisible()).resolves.toBe(true);
      await expect(page.getByText("专家 4", { exact: true }).isVisible()).resolves.toBe(true);
      await expect(page.getByText("已提方案 7 项").isVisible()).resolves.toBe(true);
      for (const [i, p] of problemsFound.entries()) await expect(page.getByRole("link", { name: `${i + 1}. ${p.title}` }).count()).resolves.toBe(1);
      for (const name of team) await expect(page.getByRole("link", { name, exact: true }).isVisible()).resolves.toBe(true);
      const statusTags = await progress.locator(".ant-card .ant-tag").allInnerTexts();
      expect(statusTags.filter((t) => t === "已提出方案")).toHaveLength(4);
      expect(statusTags.filter((t) => t === "方案设计中")).toHaveLength(3);
      await snap(page, "article-visit-three-lists");

      // 5. The one-to-one agreement on equipment renovation and talent training.
      await page.getByRole("menuitem", { name: "一对一协议" }).click();
      await page.getByRole("button", { name: "签订协议" }).click();
      const agreementDrawer = page.locator(".ant-drawer").filter({ hasText: "签订一对一技术支持协议" });
      await agreementDrawer.getByLabel("协议名称").fill(`${firm.name}设备改造与人才培养一对一技术支持协议`);
      await chooseOption(page, agreementDrawer, "受援企业", firm.name, firm.name);
      await expect(agreementDrawer.getByRole("checkbox", { name: "设备改造" }).isChecked()).resolves.toBe(true);
      await expect(agreementDrawer.getByRole("checkbox", { name: "人才培养" }).isChecked()).resolves.toBe(true);
      for (const name of team) {
        await chooseOption(page, agreementDrawer, "专家团队", `${name}（`, name);
      }
      await page.keyboard.press("Escape");
      await agreementDrawer.getByRole("button", { name: /保\s*存/ }).click();
      await page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/);
      await page.getByText("专家团队(4人)").waitFor();
      await expect(page.getByText(firm.name).first().isVisible()).resolves.toBe(true);
      await expect(page.getByText("设备改造", { exact: true }).isVisible()).resolves.toBe(true);
      await expect(page.getByText("人才培养", { exact: true }).isVisible()).resolves.toBe(true);

      // 6. The indicators change by exactly what was recorded: one session, four participations, one firm.
      const after = await api.get<Indicators>(indicatorsPath);
      expect(after.sessions - before.sessions).toBe(1);
      expect(after.expertParticipations - before.expertParticipations).toBe(4);
      expect(after.enterprisesServed - before.enterprisesServed).toBe(1);
      expect(after.problemsSolved).toBe(before.problemsSolved);

      await page.goto(`${server.url}/indicators?year=${year}&regionCode=${chunan}`);
      await page.getByText(`统计范围：${year}年 · 淳安县`).waitFor();
      const sessionsCard = page.locator(".ant-card").filter({ hasText: "服务场次" }).filter({ hasText: "口径" });
      await sessionsCard.locator(".ant-statistic").getByText(String(after.sessions), { exact: true }).waitFor();
      const participationsCard = page.locator(".ant-card").filter({ hasText: "参加劳模工匠" }).filter({ hasText: "口径" });
      await participationsCard.locator(".ant-statistic").getByText(String(after.expertParticipations), { exact: true }).waitFor();
    } catch (error) {
      console.error("screenshot:", await snap(page, "article-visit-failure").catch(() => "none"));
      throw error;
    } finally {
      await page.context().close();
    }
  });
});
