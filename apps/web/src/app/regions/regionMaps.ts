import * as echarts from "echarts/core";
import { loadRegionGeoJson } from "./regionMapFiles";

type RegisteredMapInput = Parameters<typeof echarts.registerMap>[1];

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

const cache = new Map<string, Promise<LoadedMap>>();

/**
 * Registers the province's and each city's outlines (regionMapFiles.ts) with echarts, each once, the
 * first time that map is shown: a county user never downloads the other ten cities' polygons. The
 * flagship's statistics and planning maps and the stations finder's outline map all load through here
 * (each page registers the echarts chart types it draws; registerMap needs none).
 * Later calls share the result.
 */
export function loadRegionMap(code: string): Promise<LoadedMap> {
  const cached = cache.get(code);
  if (cached) return cached;
  const loading = loadRegionGeoJson(code).then((json) => {
    const features = featuresOf(json);
    const mapName = `zj-${code}`;
    // featuresOf checked the FeatureCollection; echarts validates the geometry as it parses it.
    echarts.registerMap(mapName, json as RegisteredMapInput);
    const codeByName = new Map(features.map((f) => [f.name, String(f.adcode)]));
    const nameByCode = new Map(features.map((f) => [String(f.adcode), f.name]));
    return { mapName, codeByName, nameByCode };
  });
  // A failed download (flaky line) may be retried by showing the map again.
  void loading.catch(() => cache.delete(code));
  cache.set(code, loading);
  return loading;
}
