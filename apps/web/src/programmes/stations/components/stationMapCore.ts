import { ScatterChart } from "echarts/charts";
import { GeoComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { loadRegionMap } from "../../../app/regions/regionMaps";

// Only what the finder's map draws (county outlines, points); loaded with the map, never with the list.
echarts.use([ScatterChart, GeoComponent, TooltipComponent, CanvasRenderer]);

/** Registers a city's county outlines (app/regions owns the map files) and gives the name echarts knows them by. */
export function loadCityMap(cityCode: string): Promise<string> {
  return loadRegionMap(cityCode).then((map) => map.mapName);
}

export { echarts };
