// Screenshot sweep: log in as demo accounts, open pages at desktop and phone widths, save full-page
// PNGs and a summary of what a machine can flag (page-wide horizontal overflow, Latin words on screen,
// 无权访问, console errors). Looking at the PNGs stays a person's job; the summary says where to look first.
//
//   node scripts/screenshots/sweep.mjs --base http://localhost:3000 --out /tmp/shots \
//     [--accounts province,chunan] [--only problems,session] [--widths 1366,390] [--routes routes.json]
//
// A route is { name, path } — or { name, from, link } for a detail page: open `from` and follow the first
// link whose path matches the regular expression `link` — plus optional `click` (a button's text to press
// after the page settled, e.g. a form drawer) and `accounts` (only these). The built-in list covers the
// flagship (劳模工匠助企行), the master data and the 工作台/驾驶舱. Needs Debian's /usr/bin/chromium.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: "http://localhost:3000" },
    out: { type: "string", default: "/tmp/shots" },
    accounts: { type: "string", default: "province,hangzhou,chunan,qiye,expert" },
    only: { type: "string" },
    widths: { type: "string", default: "1366,390" },
    routes: { type: "string" },
    password: { type: "string", default: "Shili#2026ok" },
  },
});

const id = "[^/?#]+";
/** @type {{ name: string, path?: string, from?: string, link?: string, click?: string, accounts?: string[] }[]} */
const defaultRoutes = [
  { name: "home", path: "/" },
  { name: "dashboard", path: "/dashboard" },
  { name: "my-tasks", path: "/my-tasks" },
  { name: "overview", path: "/flagship/overview" },
  { name: "demand-lists", path: "/demand-lists" },
  { name: "demand-list", from: "/demand-lists", link: `^/demand-lists/(?!new$)${id}$` },
  { name: "demand-list-new", path: "/demand-lists/new" },
  { name: "problems", path: "/problems" },
  { name: "problem", from: "/problems", link: `^/problems/(?!overdue$)${id}$` },
  { name: "problems-overdue", path: "/problems/overdue" },
  { name: "sessions", path: "/service-sessions" },
  { name: "session-new", path: "/service-sessions", click: "安排服务场次" },
  { name: "session", from: "/service-sessions", link: `^/service-sessions/${id}$` },
  { name: "session-on-site", from: "/service-sessions", link: `^/service-sessions/${id}/on-site$` },
  { name: "agreements", path: "/agreements" },
  { name: "agreement", from: "/agreements", link: `^/agreements/${id}$` },
  { name: "trainings", path: "/trainings" },
  { name: "campaigns", path: "/campaigns" },
  { name: "campaign", from: "/campaigns", link: `^/campaigns/${id}$` },
  { name: "planning", path: "/planning" },
  { name: "planning-plan", path: "/planning", click: "计算方案" },
  { name: "indicators", path: "/indicators" },
  { name: "stats", path: "/stats" },
  { name: "stats-report", path: "/stats/report" },
  { name: "enterprises", path: "/enterprises" },
  { name: "enterprise", from: "/enterprises", link: `^/enterprises/${id}$` },
  { name: "experts", path: "/experts" },
  { name: "expert", from: "/experts", link: `^/experts/${id}$` },
  { name: "unions", path: "/unions" },
  { name: "union", from: "/unions", link: `^/unions/${id}$` },
  { name: "people", path: "/people" },
  { name: "person", from: "/people", link: `^/people/${id}$` },
];

const routes = (args.routes ? JSON.parse(readFileSync(args.routes, "utf8")) : defaultRoutes).filter(
  (r) => !args.only || args.only.split(",").includes(r.name),
);
const widths = args.widths.split(",").map(Number);
mkdirSync(args.out, { recursive: true });

/** Waits until the page's requests and antd's spinners and skeletons are done (at most 15 s). */
async function settle(page) {
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
  await page
    .waitForFunction(() => !document.querySelector(".ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading"), null, { timeout: 15_000 })
    .catch(() => {});
  await page.waitForTimeout(300); // antd's enter animations
}

/** What a machine can flag on the settled page. */
function inspect(page, width) {
  return page.evaluate((w) => {
    const latin = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("script,style,svg,.ant-select-selection-search")) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      for (const m of n.textContent.match(/[A-Za-z][A-Za-z_.]{2,}/g) ?? []) latin.add(m);
    }
    return {
      overflowX: document.documentElement.scrollWidth > w + 1 ? document.documentElement.scrollWidth : null,
      forbidden: document.body.innerText.includes("无权访问"),
      notFound: document.body.innerText.includes("页面不存在"),
      latin: [...latin].slice(0, 30),
    };
  }, width);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});
const summary = [];
try {
  for (const account of args.accounts.split(",")) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${args.base}/login`);
    await page.getByLabel("用户名").fill(account);
    await page.getByLabel("密码").fill(args.password);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.getByText("工作台").first().waitFor();

    for (const route of routes) {
      if (route.accounts && !route.accounts.includes(account)) continue;
      let target = route.path;
      if (!target) {
        await page.setViewportSize({ width: 1366, height: 900 });
        await page.goto(`${args.base}${route.from}`);
        await settle(page);
        const pattern = new RegExp(route.link);
        const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
        target = hrefs.find((h) => pattern.test(h));
        if (!target) {
          summary.push({ account, route: route.name, skipped: `no link matching ${route.link} on ${route.from}` });
          console.log(`${account} ${route.name}: skipped (no link on ${route.from})`);
          continue;
        }
      }
      for (const width of widths) {
        await page.setViewportSize({ width, height: width < 768 ? 844 : 900 });
        errors.length = 0;
        await page.goto(`${args.base}${target}`);
        await settle(page);
        if (route.click) {
          // An account without the button (an enterprise has no 安排服务场次) has no such page to look at.
          const button = page.getByRole("button", { name: route.click }).first();
          if ((await button.count()) === 0) {
            summary.push({ account, route: route.name, skipped: `no button ${route.click}` });
            console.log(`${account} ${route.name} ${width}: skipped (no button ${route.click})`);
            continue;
          }
          await button.click().catch((e) => errors.push(`click ${route.click}: ${e.message.split("\n")[0]}`));
          await settle(page);
        }
        const file = path.join(args.out, `${account}-${route.name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const found = await inspect(page, width);
        summary.push({ account, route: route.name, url: target, width, file, ...found, errors: [...errors] });
        const flags = [
          found.forbidden && "无权访问",
          found.notFound && "页面不存在",
          found.overflowX && `page ${found.overflowX}px wide`,
          found.latin.length > 0 && `latin: ${found.latin.join(" ")}`,
          errors.length > 0 && `${errors.length} console errors`,
        ].filter(Boolean);
        console.log(`${account} ${route.name} ${width}: ${target}${flags.length ? `  [${flags.join("; ")}]` : ""}`);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  writeFileSync(path.join(args.out, "summary.json"), JSON.stringify(summary, null, 2));
}
