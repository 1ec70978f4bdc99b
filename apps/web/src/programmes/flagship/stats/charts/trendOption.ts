import { chinaMonthOf, chinaYearOf } from "@jiangxin/domain";
import type { StatsMonthly } from "@jiangxin/domain";
import { figureChoice, figureValue, type FigureKey } from "../statsFigures";
import type { ECharts } from "./echartsCore";

type Option = Parameters<ECharts["setOption"]>[0];

const monthLabels = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** Money axes in 万元 so the labels stay short; other figures as counted. */
export function axisValue(key: FigureKey, value: number): number {
  return key === "benefitEstimatedYuan" ? Math.round(value / 100) / 100 : value;
}

export function axisUnit(key: FigureKey): string {
  return key === "benefitEstimatedYuan" ? "万元" : figureChoice(key).unit;
}

/** Months of `year` that have begun by `now` (China time): 12 for a past year, 0 for a future one. */
export function monthsBegun(year: number, now: Date): number {
  const current = chinaYearOf(now);
  if (year < current) return 12;
  if (year > current) return 0;
  return chinaMonthOf(now);
}

/**
 * Bars for each month and, except for enterprises (a firm visited in two months is one firm in the
 * year, so months do not add up), a line of the running total on the right axis. Months that have
 * not begun yet (`now` in the current year) get neither a zero bar nor a flat line: nothing happened
 * there, and a line carried on to December would read as a forecast.
 */
export function trendOption(monthly: StatsMonthly, key: FigureKey, opts: { compact: boolean; still?: boolean; now?: Date }): Option {
  const byMonth = new Map(monthly.months.map((m) => [m.month, m]));
  const begun = monthsBegun(monthly.year, opts.now ?? new Date());
  const values = monthLabels.map((_, i) => {
    if (i >= begun) return null;
    const row = byMonth.get(i + 1);
    return row ? axisValue(key, figureValue(row, key)) : 0;
  });
  const cumulative = key !== "enterprisesServed";
  let sum = 0;
  const running = values.map((v) => (v === null ? null : (sum = Math.round((sum + v) * 100) / 100)));
  const unit = axisUnit(key);
  const title = figureChoice(key).title;
  return {
    animation: !opts.still,
    tooltip: { show: !opts.still, trigger: "axis", confine: true, valueFormatter: (v: unknown) => `${typeof v === "number" ? v.toLocaleString("zh-CN") : String(v)} ${unit}` },
    legend: { top: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 12 } },
    grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
    xAxis: { type: "category", data: monthLabels, axisLabel: { fontSize: opts.compact ? 10 : 12, interval: opts.compact ? 1 : 0 } },
    yAxis: [
      { type: "value", name: unit, nameTextStyle: { fontSize: 11, align: "left" }, axisLabel: { fontSize: 11 }, splitLine: { lineStyle: { color: "#f0f0f0" } } },
      ...(cumulative ? [{ type: "value" as const, name: `累计`, nameTextStyle: { fontSize: 11, align: "right" as const }, axisLabel: { fontSize: 11 }, splitLine: { show: false } }] : []),
    ],
    series: [
      {
        type: "bar",
        name: `${title}(当月)`,
        data: values,
        itemStyle: { color: "#1677ff", borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 28,
        label: opts.still ? { show: true, position: "top", fontSize: 9 } : undefined,
      },
      ...(cumulative
        ? [{ type: "line" as const, name: "全年累计", yAxisIndex: 1, data: running, smooth: false, symbolSize: 5, itemStyle: { color: "#fa8c16" }, lineStyle: { width: 2 } }]
        : []),
    ],
  };
}
