import { useEffect, useRef, type RefObject } from "react";
import { echarts, type ECharts } from "./echartsCore";

type Option = Parameters<ECharts["setOption"]>[0];
type ClickParams = { name: string; componentType: string; seriesType?: string };

export interface UseEChartOptions {
  /** "svg" for print: vectors stay sharp on paper and the PDF keeps the text. */
  renderer?: "canvas" | "svg";
  onClick?: (params: ClickParams) => void;
  /** Called after each render has finished (animations included), e.g. so a report knows it may print. */
  onFinished?: (chart: ECharts) => void;
}

/**
 * One echarts instance bound to a div: created on mount, given each new option, resized with its
 * box (phones rotate, the side menu folds) and disposed on unmount.
 */
export function useEChart(option: Option | null, { renderer = "canvas", onClick, onFinished }: UseEChartOptions = {}): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement | null>(null);
  const chartRef = useRef<ECharts | null>(null);
  // Handlers change every render; the chart keeps calling the latest without re-binding.
  const handlers = useRef({ onClick, onFinished });
  useEffect(() => {
    handlers.current = { onClick, onFinished };
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer });
    chartRef.current = chart;
    chart.on("click", (params) => {
      const p = params as Partial<ClickParams>;
      if (typeof p.name === "string" && typeof p.componentType === "string") handlers.current.onClick?.({ name: p.name, componentType: p.componentType, seriesType: p.seriesType });
    });
    chart.on("finished", () => handlers.current.onFinished?.(chart));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [renderer]);

  useEffect(() => {
    if (option && chartRef.current) chartRef.current.setOption(option, { notMerge: true });
  }, [option, renderer]);

  return ref;
}
