import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { startTestApp, type TestApp } from "../../testing/testApp";
import { mapTilesFromEnv, tileImageOrigins } from "./mapTilesFromEnv";

const key = "0123456789abcdef0123456789abcdef";
/** What Leaflet does with a template: {s} from the subdomains, then the tile's x, y, z. */
const fill = (url: string, t: { s?: string; x: number; y: number; z: number }) =>
  url.replaceAll("{s}", t.s ?? "").replaceAll("{x}", String(t.x)).replaceAll("{y}", String(t.y)).replaceAll("{z}", String(t.z));

describe("the tile setting (JIANGXIN_MAP_TILES)", () => {
  it("unset, empty or none: no tiles, the maps keep the offline outlines", () => {
    for (const value of [undefined, "", "  ", "none"]) expect(mapTilesFromEnv({ JIANGXIN_MAP_TILES: value })).toEqual({ tiles: null, problems: [] });
  });

  it("tianditu: the vector layer and the annotation layer (vec_w, cva_w), Web Mercator WMTS, the key as tk, hosts t0–t7, WGS-84", () => {
    const { tiles, problems } = mapTilesFromEnv({ JIANGXIN_MAP_TILES: "tianditu", JIANGXIN_MAP_TILES_KEY: key });
    expect(problems).toEqual([]);
    expect(tiles).toMatchObject({ provider: "tianditu", datum: "wgs84", maxZoom: 18, attribution: "© 天地图" });
    const [vec, cva] = tiles?.layers ?? [];
    expect(tiles?.layers).toHaveLength(2);
    expect(vec?.subdomains).toBe("01234567");
    // 杭州 at zoom 12 is about tile column 3401, row 1677.
    expect(fill(vec?.url ?? "", { s: "3", x: 3401, y: 1677, z: 12 })).toBe(
      `https://t3.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=12&TILEROW=1677&TILECOL=3401&tk=${key}`,
    );
    expect(fill(cva?.url ?? "", { s: "0", x: 1, y: 2, z: 3 })).toContain(`https://t0.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva&`);
    expect(fill(cva?.url ?? "", { s: "0", x: 1, y: 2, z: 3 })).toMatch(/TILEMATRIX=3&TILEROW=2&TILECOL=1&tk=0123/);
    expect(tileImageOrigins(tiles ?? null)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `https://t${i}.tianditu.gov.cn`));
  });

  it("tianditu without a key, with a key that would break the URL, or said to be GCJ-02: refused, naming the variable", () => {
    expect(mapTilesFromEnv({ JIANGXIN_MAP_TILES: "tianditu" })).toEqual({ tiles: null, problems: [expect.stringMatching(/^JIANGXIN_MAP_TILES_KEY: 天地图 \(tianditu\) needs its key/)] });
    expect(mapTilesFromEnv({ JIANGXIN_MAP_TILES: "tianditu", JIANGXIN_MAP_TILES_KEY: "abc&tk=x y" }).problems).toEqual([expect.stringMatching(/^JIANGXIN_MAP_TILES_KEY: 8 to 128 letters/)]);
    expect(mapTilesFromEnv({ JIANGXIN_MAP_TILES: "tianditu", JIANGXIN_MAP_TILES_KEY: key, JIANGXIN_MAP_TILES_DATUM: "gcj02" }).problems).toEqual([
      "JIANGXIN_MAP_TILES_DATUM: tianditu tiles are drawn in wgs84; unset it or set wgs84",
    ]);
  });

  it("amap: 高德's road map in GCJ-02, hosts webrd01–04, no key (its tile URLs take none)", () => {
    const { tiles, problems } = mapTilesFromEnv({ JIANGXIN_MAP_TILES: "amap" });
    expect(problems).toEqual([]);
    expect(tiles).toMatchObject({ provider: "amap", datum: "gcj02", attribution: "© 高德地图" });
    expect(fill(tiles?.layers[0]?.url ?? "", { s: "2", x: 3401, y: 1677, z: 12 })).toBe("https://webrd02.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x=3401&y=1677&z=12");
    expect(tileImageOrigins(tiles ?? null)).toEqual(["https://webrd01.is.autonavi.com", "https://webrd02.is.autonavi.com", "https://webrd03.is.autonavi.com", "https://webrd04.is.autonavi.com"]);
    expect(mapTilesFromEnv({ JIANGXIN_MAP_TILES: "amap", JIANGXIN_MAP_TILES_KEY: key }).problems).toEqual(["JIANGXIN_MAP_TILES_KEY: 高德 tiles (amap) take no key; unset it"]);
  });

  it("a URL template: {key} filled in, the datum said, the attribution given; one origin for the CSP", () => {
    const { tiles, problems } = mapTilesFromEnv({
      JIANGXIN_MAP_TILES: "https://tiles.example.cn/base/{z}/{x}/{y}.png?token={key}",
      JIANGXIN_MAP_TILES_KEY: key,
      JIANGXIN_MAP_TILES_DATUM: "GCJ02",
      JIANGXIN_MAP_TILES_ATTRIBUTION: "© 某测绘院 审图号 浙S(2026)1号",
    });
    expect(problems).toEqual([]);
    expect(tiles).toEqual({
      provider: "custom",
      layers: [{ url: `https://tiles.example.cn/base/{z}/{x}/{y}.png?token=${key}`, subdomains: "" }],
      datum: "gcj02",
      maxZoom: 18,
      attribution: "© 某测绘院 审图号 浙S(2026)1号",
    });
    expect(tileImageOrigins(tiles ?? null)).toEqual(["https://tiles.example.cn"]);
    // A template on this site (a tile proxy beside the app) needs no CSP addition; TMS rows ({-y}) are accepted.
    const local = mapTilesFromEnv({ JIANGXIN_MAP_TILES: "/tiles/{z}/{x}/{-y}.png", JIANGXIN_MAP_TILES_DATUM: "wgs84" });
    expect(local.problems).toEqual([]);
    expect(tileImageOrigins(local.tiles)).toEqual([]);
  });

  it("a template that cannot work is refused with what is wrong: a placeholder missing or unknown, {s}, the key or the datum missing or unused", () => {
    const problems = (env: Record<string, string>) => mapTilesFromEnv(env).problems;
    expect(problems({ JIANGXIN_MAP_TILES: "gaode" })).toEqual([expect.stringMatching(/^JIANGXIN_MAP_TILES: "gaode" is not tianditu, amap, none or a URL template/)]);
    expect(problems({ JIANGXIN_MAP_TILES: "https://a.cn/{z}/{x}.png", JIANGXIN_MAP_TILES_DATUM: "wgs84" })).toEqual(["JIANGXIN_MAP_TILES: the template needs {x}, {y} (or {-y} for TMS rows) and {z}"]);
    expect(problems({ JIANGXIN_MAP_TILES: "https://{s}.a.cn/{z}/{x}/{y}.png", JIANGXIN_MAP_TILES_DATUM: "wgs84" })).toEqual([
      "JIANGXIN_MAP_TILES: the template's {s} is not one of {x} {y} {-y} {z} {key} (write one host: {s} is not supported)",
      "JIANGXIN_MAP_TILES: the template's host cannot hold a placeholder",
    ]);
    expect(problems({ JIANGXIN_MAP_TILES: "https://a.cn/{z}/{x}/{y}.png?tk={token}", JIANGXIN_MAP_TILES_DATUM: "wgs84" })).toEqual([
      "JIANGXIN_MAP_TILES: the template's {token} is not one of {x} {y} {-y} {z} {key}",
    ]);
    expect(problems({ JIANGXIN_MAP_TILES: "https://a.cn/{z}/{x}/{y}.png?tk={key}", JIANGXIN_MAP_TILES_DATUM: "wgs84" })).toEqual(["JIANGXIN_MAP_TILES_KEY: the template has {key}; set the key"]);
    expect(problems({ JIANGXIN_MAP_TILES: "https://a.cn/{z}/{x}/{y}.png", JIANGXIN_MAP_TILES_KEY: key, JIANGXIN_MAP_TILES_DATUM: "wgs84" })).toEqual([
      "JIANGXIN_MAP_TILES_KEY: the template has no {key} to put it in; add {key} to the template or unset the key",
    ]);
    expect(problems({ JIANGXIN_MAP_TILES: "https://a.cn/{z}/{x}/{y}.png" })).toEqual([expect.stringMatching(/^JIANGXIN_MAP_TILES_DATUM: say which datum the tiles are drawn in: wgs84 .* or gcj02/)]);
    expect(problems({ JIANGXIN_MAP_TILES: "https://a.cn/{z}/{x}/{y}.png", JIANGXIN_MAP_TILES_DATUM: "bd09" })).toEqual(['JIANGXIN_MAP_TILES_DATUM: "bd09" is neither wgs84 nor gcj02']);
  });

  it("a key, datum or attribution without a provider is refused rather than ignored", () => {
    expect(mapTilesFromEnv({ JIANGXIN_MAP_TILES_KEY: key }).problems).toEqual([
      "JIANGXIN_MAP_TILES_KEY is set but JIANGXIN_MAP_TILES is not: set the provider (tianditu, amap or a URL template) or unset JIANGXIN_MAP_TILES_KEY",
    ]);
  });

  it("stops the start-up: loadConfig throws the problems under 'Configuration is invalid'", () => {
    expect(() => loadConfig({ JIANGXIN_MAP_TILES: "tianditu" })).toThrow(/^Configuration is invalid:\n {2}JIANGXIN_MAP_TILES_KEY: 天地图 \(tianditu\) needs its key/);
    expect(loadConfig({}).mapTiles).toBeNull();
  });
});

describe("GET /api/public/map-tiles and the CSP", () => {
  let configured: TestApp;
  let plain: TestApp;
  beforeAll(async () => {
    [configured, plain] = await Promise.all([
      startTestApp("pglite", { JIANGXIN_MAP_TILES: "tianditu", JIANGXIN_MAP_TILES_KEY: key }),
      startTestApp("pglite"),
    ]);
  });
  afterAll(async () => Promise.all([configured?.close(), plain?.close()]));

  it("without login: the layers with the key, the datum and the attribution, cacheable; tile hosts allowed as images only", async () => {
    const res = await configured.app.inject({ method: "GET", url: "/api/public/map-tiles" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    const body = res.json<{ tiles: { provider: string; datum: string; layers: { url: string }[] } }>();
    expect(body.tiles).toMatchObject({ provider: "tianditu", datum: "wgs84" });
    expect(body.tiles.layers.map((l) => l.url)).toEqual([expect.stringContaining(`vec_w/wmts?`), expect.stringContaining(`cva_w/wmts?`)]);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("img-src 'self' data: blob: https://t0.tianditu.gov.cn");
    expect(csp).toContain("https://t7.tianditu.gov.cn");
    expect(csp).toMatch(/connect-src 'self';/);
  });

  it("not configured: tiles null, the CSP's images unchanged", async () => {
    const res = await plain.app.inject({ method: "GET", url: "/api/public/map-tiles" });
    expect(res.json()).toEqual({ tiles: null });
    expect(String(res.headers["content-security-policy"])).toContain("img-src 'self' data: blob:;");
  });
});
