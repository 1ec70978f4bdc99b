import type { StatsMonthly } from "@jiangxin/domain";
import { useMemo } from "react";
import type { ECharts } from "../charts/echartsCore";
import { trendOption } from "../charts/trendOption";
import { useEChart } from "../charts/useEChart";
import type { FigureKey } from "../statsFigures";

export interface MonthlyTrendChartProps {
  monthly: StatsMonthly;
  figure: FigureKey;
  height: number;
  compact: boolean;
  print?: boolean;
  onFinished?: (chart: ECharts) => void;
}

/** One figure month by month; the default export so pages load echarts lazily. */
export default function MonthlyTrendChart({ monthly, figure, height, compact, print, onFinished }: MonthlyTrendChartProps) {
  const option = useMemo(() => trendOption(monthly, figure, { compact, still: print }), [monthly, figure, compact, print]);
  const ref = useEChart(option, { renderer: print ? "svg" : "canvas", onFinished });
  return <div ref={ref} style={{ height, width: "100%" }} role="img" aria-label="月度趋势图" />;
}
