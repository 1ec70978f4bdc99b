import { crc32, deflateSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startServer, type RunningServer } from "./support/startServer";
import { snap } from "./support/ui";

// The server is configured with a tile server of its own (a URL template with the key), which does not
// exist: the browser's tile requests are answered here, by Playwright, with a PNG made below.
const tileKey = "e2eTileKey2026";
const tileHost = "https://tiles.jiangxin.test";
const tileTemplate = `${tileHost}/base/{z}/{x}/{y}.png?key={key}`;
// 上城区 (杭州), with every station whatever its state, so the list and the map hold ten.
const finder = "/public/stations?lng=120.17&lat=30.25&at=%E4%B8%8A%E5%9F%8E%E5%8C%BA&all=1";

/** A 256 px tile that looks like a plain street map: light ground, a few roads, its edge drawn (tile seams visible). */
function fakeTile(): Buffer {
  const size = 256;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const road = (x % 128 > 120 && x % 128 < 127) || (y % 96 > 88 && y % 96 < 95);
      const edge = x === 0 || y === 0;
      const [r, g, b] = edge ? [214, 210, 200] : road ? [255, 255, 255] : [242, 239, 233];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

describe("户外劳动者服务站: the finder's map on a configured tile base map (JIANGXIN_MAP_TILES)", () => {
  let server: RunningServer;
  let browser: Browser;
  const png = fakeTile();

  beforeAll(async () => {
    server = await startServer({ JIANGXIN_DEMO_SCALE: "0.05", JIANGXIN_MAP_TILES: tileTemplate, JIANGXIN_MAP_TILES_KEY: tileKey, JIANGXIN_MAP_TILES_DATUM: "wgs84" });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function pageAt(width: number, tiles: "serve" | "fail"): Promise<{ page: Page; tileUrls: string[]; scripts: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, isMobile: width < 500, hasTouch: width < 500, timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const tileUrls: string[] = [];
    const scripts: string[] = [];
    page.on("request", (r) => void (r.resourceType() === "script" && scripts.push(r.url())));
    await page.route(`${tileHost}/**`, async (route) => {
      tileUrls.push(route.request().url());
      if (tiles === "serve") await route.fulfill({ status: 200, contentType: "image/png", body: png });
      else await route.abort("internetdisconnected");
    });
    return { page, tileUrls, scripts };
  }

  /** The stations of the list and of the map, in order: ids and the numbers on the pins. */
  async function listAndMap(page: Page) {
    const cards = await page.getByTestId("station-card").evaluateAll((els) => els.map((e) => e.getAttribute("data-station-id")));
    const pins = await page.getByTestId("map-marker").evaluateAll((els) => els.map((e) => ({ id: e.getAttribute("data-station-id"), n: e.textContent })));
    return { cards, pins };
  }

  it("at 390 px: tiles are asked for with the key, the pins are the list's stations in its order, a tapped pin is selected in both", async () => {
    const { page, tileUrls, scripts } = await pageAt(390, "serve");
    try {
      // Before there is anything to map, the page has not downloaded the map library.
      await page.goto(`${server.url}/public/stations`);
      await page.getByTestId("locate").waitFor();
      expect(scripts.some((u) => /StationTileMap-/.test(u))).toBe(false);

      await page.goto(`${server.url}${finder}`);
      await page.getByText(/离上城区最近的 10 个站点/).waitFor();
      await page.getByTestId("station-tile-map").waitFor();
      await expect.poll(async () => (await listAndMap(page)).pins.length, { timeout: 15_000 }).toBe(10);
      await expect.poll(() => tileUrls.length, { timeout: 15_000 }).toBeGreaterThan(3);
      expect(scripts.some((u) => /StationTileMap-/.test(u))).toBe(true);
      for (const url of tileUrls) expect(url).toMatch(new RegExp(`^${tileHost}/base/\\d+/\\d+/\\d+\\.png\\?key=${tileKey}$`));
      const { cards, pins } = await listAndMap(page);
      expect(pins.map((p) => p.id)).toEqual(cards);
      expect(pins.map((p) => p.n)).toEqual(cards.map((_, i) => String(i + 1)));
      // Tiles arrived: no notice, and not the offline outlines.
      await page.locator(".leaflet-tile-loaded").first().waitFor();
      expect(await page.getByTestId("basemap-unavailable").count()).toBe(0);
      expect(await page.getByTestId("station-map").count()).toBe(0);

      // Tap pin 3: it and card 3 are selected, its summary is under the map; 查看 opens the station.
      const third = page.getByTestId("map-marker").nth(2);
      const thirdId = cards[2] ?? "";
      await third.dispatchEvent("click");
      await expect.poll(() => page.locator(`[data-testid=map-marker][data-station-id="${thirdId}"]`).getAttribute("data-selected"), { timeout: 15_000 }).toBe("true");
      expect(await page.locator(`[data-testid=station-card][data-selected=true]`).getAttribute("data-station-id")).toBe(thirdId);
      expect(await page.locator(`[data-testid=map-marker][data-selected=true]`).count()).toBe(1);
      const name = (await page.getByTestId("station-card").nth(2).locator("strong").first().textContent())?.replace(/^3\.\s*/, "") ?? "";
      await page.getByTestId("map-selection").getByText(name).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      console.log("screenshot:", await snap(page, "stations-tiles-390"));
      await page.getByTestId("map-selection").getByRole("button", { name: /查\s*看/ }).click();
      await page.waitForURL(new RegExp(`/public/stations/${thirdId}`));
    } catch (error) {
      console.log("screenshot:", await snap(page, "stations-tiles-390-failed"));
      throw error;
    } finally {
      await page.context().close();
    }
  });

  it("at 1366 px with every tile request failing (no internet): the same pins as the list on the bundled county outlines, and a notice that the base map is unavailable", async () => {
    const { page, tileUrls } = await pageAt(1366, "fail");
    try {
      await page.goto(`${server.url}${finder}`);
      await page.getByText(/离上城区最近的 10 个站点/).waitFor();
      await page.getByTestId("basemap-unavailable").getByText("底图暂时无法加载").waitFor();
      expect(tileUrls.length).toBeGreaterThan(0);
      const { cards, pins } = await listAndMap(page);
      expect(cards).toHaveLength(10);
      expect(pins.map((p) => p.id)).toEqual(cards);
      // Under the pins, the county outlines that ship with the app, as on the offline map.
      await page.getByTestId("station-tile-map").getByText("上城区", { exact: true }).waitFor();
      expect(await page.locator(".leaflet-outlines-pane path").count()).toBeGreaterThan(3);
      console.log("screenshot:", await snap(page, "stations-tiles-offline-1366"));
    } catch (error) {
      console.log("screenshot:", await snap(page, "stations-tiles-offline-1366-failed"));
      throw error;
    } finally {
      await page.context().close();
    }
  });

  it("at 1366 px with tiles: the screenshot of the desktop layout; without a tile setting the map is the offline outlines and Leaflet is never loaded", async () => {
    const { page } = await pageAt(1366, "serve");
    try {
      await page.goto(`${server.url}${finder}`);
      await expect.poll(async () => (await listAndMap(page)).pins.length, { timeout: 15_000 }).toBe(10);
      await page.locator(".leaflet-tile-loaded").first().waitFor();
      console.log("screenshot:", await snap(page, "stations-tiles-1366"));
    } finally {
      await page.context().close();
    }
    // The same server as a deployment without the setting would answer (tiles: null).
    const plain = await pageAt(390, "serve");
    try {
      await plain.page.route("**/api/public/map-tiles", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ tiles: null }) }));
      await plain.page.goto(`${server.url}${finder}`);
      await plain.page.getByTestId("station-map").waitFor();
      expect(await plain.page.getByTestId("station-tile-map").count()).toBe(0);
      expect(plain.scripts.some((u) => /StationTileMap-/.test(u))).toBe(false);
      expect(plain.tileUrls).toEqual([]);
    } finally {
      await plain.page.context().close();
    }
  });
});
