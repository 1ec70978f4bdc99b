import type { RegionNode, StatsByRegion, StatsRegionRow } from "@jiangxin/domain";
import { countiesIn } from "../../../app/regions/regionTree";
import type { MapArea, MapMarker } from "./charts/mapOption";
import { formatWan } from "../../../app/yuan";
import { figureChoices, figureText, figureValue, type FigureKey } from "./statsFigures";

/** The tooltip of a region: each of the six figures as the cards write them. */
export function figureLines(row: StatsRegionRow): string[] {
  return [...figureChoices.map((c) => `${c.title}：${figureText(row, c.key)}`), `经济效益(已核实)：${formatWan(row.benefitVerifiedYuan)} 万元`];
}

export function mapAreas(data: StatsByRegion, figure: FigureKey): MapArea[] {
  return data.rows.map((row) => ({ code: row.code, value: figureValue(row, figure), lines: figureLines(row) }));
}

/**
 * Priority counties inside the mapped region, at their county seats. A county's own row (a city's
 * map) says whether it was a priority county in the year shown; on the province map the region
 * tree's current membership stands in, as the rows there are cities.
 */
export function priorityMarkers(node: RegionNode, data: StatsByRegion | undefined): MapMarker[] {
  const rowPriority = new Map((data?.rows ?? []).filter((r) => r.level === "county").map((r) => [r.code, r.priority]));
  return countiesIn(node).flatMap((county) => {
    const kinds = rowPriority.get(county.code) ?? county.priority;
    if (kinds.length === 0 || county.lng === null || county.lat === null) return [];
    return [{ code: county.code, name: county.name, kinds, lng: county.lng, lat: county.lat }];
  });
}
