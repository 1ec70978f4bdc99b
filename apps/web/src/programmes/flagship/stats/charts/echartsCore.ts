import { BarChart, LineChart, LinesChart, MapChart, ScatterChart } from "echarts/charts";
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

// Only the pieces the statistics and planning pages draw, so this chunk stays a fraction of the full echarts
// bundle; it is imported only from lazily loaded chart components, so other pages never load it.
echarts.use([MapChart, ScatterChart, LineChart, LinesChart, BarChart, GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer, SVGRenderer]);

export { echarts };
export type ECharts = echarts.EChartsType;
export type RegisteredMapInput = Parameters<typeof echarts.registerMap>[1];
