import { mapDatums, type MapDatum, type MapTiles } from "@jiangxin/domain";

/** The four variables of the tile setting, as the environment gives them. */
export interface MapTilesEnv {
  JIANGXIN_MAP_TILES?: string | undefined;
  JIANGXIN_MAP_TILES_KEY?: string | undefined;
  JIANGXIN_MAP_TILES_DATUM?: string | undefined;
  JIANGXIN_MAP_TILES_ATTRIBUTION?: string | undefined;
}

export type MapTilesSetting = { tiles: MapTiles | null; problems: string[] };

/**
 * 天地图's Web Mercator (`_w`) WMTS tiles: the vector base map (vec) and, over it, the annotation layer
 * (cva) that carries the place and road names — vec alone has none. Hosts t0 … t7; `tk` is the key.
 */
const tiandituLayer = (layer: "vec" | "cva", key: string) => ({
  url:
    `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
    `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`,
  subdomains: "01234567",
});

/** 高德's road map (style=8, names included), hosts webrd01 … webrd04, drawn in GCJ-02. These URLs take no key. */
const amapLayer = {
  url: "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
  subdomains: "1234",
};

/** A key goes into tile URLs as it is: only characters that need no escaping there. */
const keyPattern = /^[A-Za-z0-9_-]{8,128}$/;
const placeholders = new Set(["x", "y", "-y", "z", "key"]);

const off = (v: string | undefined) => v === undefined || v.trim() === "" || v.trim() === "none";

/**
 * Reads the tile setting (docs/operations.md): `tianditu` with a key, `amap`, or a URL template of the
 * operator's own tile server; unset or `none` keeps the offline county outlines. Every inconsistency is a
 * problem naming its variable, so a mistyped setting stops the start instead of showing a blank map.
 */
export function mapTilesFromEnv(env: MapTilesEnv): MapTilesSetting {
  const value = env.JIANGXIN_MAP_TILES?.trim();
  const key = env.JIANGXIN_MAP_TILES_KEY?.trim() || undefined;
  const datumText = env.JIANGXIN_MAP_TILES_DATUM?.trim().toLowerCase() || undefined;
  const attribution = env.JIANGXIN_MAP_TILES_ATTRIBUTION?.trim() || undefined;
  const problems: string[] = [];

  if (off(value)) {
    const orphans = (["JIANGXIN_MAP_TILES_KEY", "JIANGXIN_MAP_TILES_DATUM", "JIANGXIN_MAP_TILES_ATTRIBUTION"] as const).filter((name) => env[name]?.trim());
    for (const name of orphans) problems.push(`${name} is set but JIANGXIN_MAP_TILES is not: set the provider (tianditu, amap or a URL template) or unset ${name}`);
    return { tiles: null, problems };
  }
  if (key !== undefined && !keyPattern.test(key)) problems.push("JIANGXIN_MAP_TILES_KEY: 8 to 128 letters, digits, - or _ (it goes into the tile URLs as it is)");
  let datum: MapDatum | undefined;
  if (datumText !== undefined) {
    if ((mapDatums as readonly string[]).includes(datumText)) datum = datumText as MapDatum;
    else problems.push(`JIANGXIN_MAP_TILES_DATUM: "${datumText}" is neither wgs84 nor gcj02`);
  }
  const fixedDatum = (provider: string, own: MapDatum) => {
    if (datum !== undefined && datum !== own) problems.push(`JIANGXIN_MAP_TILES_DATUM: ${provider} tiles are drawn in ${own}; unset it or set ${own}`);
    return own;
  };

  if (value === "tianditu") {
    if (key === undefined) problems.push("JIANGXIN_MAP_TILES_KEY: 天地图 (tianditu) needs its key (tk): a browser-side key from the 天地图 console, limited to this site's domain");
    const tiles: MapTiles = {
      provider: "tianditu",
      layers: [tiandituLayer("vec", key ?? ""), tiandituLayer("cva", key ?? "")],
      // CGCS2000 and WGS-84 differ by centimetres: the map treats them as one.
      datum: fixedDatum("tianditu", "wgs84"),
      maxZoom: 18,
      attribution: attribution ?? "© 天地图",
    };
    return { tiles: problems.length ? null : tiles, problems };
  }
  if (value === "amap") {
    if (key !== undefined) problems.push("JIANGXIN_MAP_TILES_KEY: 高德 tiles (amap) take no key; unset it");
    const tiles: MapTiles = { provider: "amap", layers: [amapLayer], datum: fixedDatum("amap", "gcj02"), maxZoom: 18, attribution: attribution ?? "© 高德地图" };
    return { tiles: problems.length ? null : tiles, problems };
  }

  // Anything else must be the URL template of a tile server (the operator's own, or a proxy).
  const template = value ?? "";
  if (!/^https?:\/\//.test(template) && !template.startsWith("/")) {
    problems.push(`JIANGXIN_MAP_TILES: "${template}" is not tianditu, amap, none or a URL template (https://…/{z}/{x}/{y}.png, or /… on this site)`);
    return { tiles: null, problems };
  }
  const used = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "");
  for (const name of new Set(used.filter((n) => !placeholders.has(n)))) {
    problems.push(`JIANGXIN_MAP_TILES: the template's {${name}} is not one of {x} {y} {-y} {z} {key}${name === "s" ? " (write one host: {s} is not supported)" : ""}`);
  }
  if (!used.includes("x") || !used.includes("z") || !(used.includes("y") || used.includes("-y"))) problems.push("JIANGXIN_MAP_TILES: the template needs {x}, {y} (or {-y} for TMS rows) and {z}");
  if (template.startsWith("http")) {
    let host = "";
    try {
      host = new URL(template).hostname;
    } catch {
      problems.push(`JIANGXIN_MAP_TILES: "${template}" is not a valid URL`);
    }
    if (host.includes("{")) problems.push("JIANGXIN_MAP_TILES: the template's host cannot hold a placeholder");
  }
  if (used.includes("key") && key === undefined) problems.push("JIANGXIN_MAP_TILES_KEY: the template has {key}; set the key");
  if (!used.includes("key") && key !== undefined) problems.push("JIANGXIN_MAP_TILES_KEY: the template has no {key} to put it in; add {key} to the template or unset the key");
  if (datum === undefined && datumText === undefined) {
    problems.push("JIANGXIN_MAP_TILES_DATUM: say which datum the tiles are drawn in: wgs84 (天地图, OpenStreetMap, most self-hosted tiles) or gcj02 (高德, 腾讯); the stations are stored in GCJ-02");
  }
  if (problems.length || datum === undefined) return { tiles: null, problems };
  return {
    tiles: { provider: "custom", layers: [{ url: template.replaceAll("{key}", key ?? ""), subdomains: "" }], datum, maxZoom: 18, attribution: attribution ?? "" },
    problems,
  };
}

/**
 * The origins the browser fetches tiles from, for the CSP's img-src: one per host ({s} expanded).
 * A template on this site ("/tiles/…") needs none ('self' is already allowed).
 */
export function tileImageOrigins(tiles: MapTiles | null): string[] {
  if (!tiles) return [];
  const origins = tiles.layers.flatMap((layer) => {
    const hosts = layer.subdomains ? [...layer.subdomains].map((s) => layer.url.replaceAll("{s}", s)) : [layer.url];
    return hosts.filter((url) => /^https?:\/\//.test(url)).map((url) => new URL(url).origin);
  });
  return [...new Set(origins)];
}
