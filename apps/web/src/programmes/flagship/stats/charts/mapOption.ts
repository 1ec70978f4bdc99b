import type { PriorityKind } from "@jiangxin/domain";
import type { ECharts } from "./echartsCore";

type Option = Parameters<ECharts["setOption"]>[0];

export interface MapArea {
  code: string;
  /** What the shade stands for. */
  value: number;
  /** Tooltip lines after the name (the six figures). */
  lines: string[];
}

export interface MapMarker {
  code: string;
  name: string;
  kinds: PriorityKind[];
  lng: number;
  lat: number;
}

export const markerStyle: Record<PriorityKind, { symbol: string; color: string; label: string; glyph: string }> = {
  mountainous: { symbol: "triangle", color: "#389e0d", label: "山区县", glyph: "▲" },
  island: { symbol: "circle", color: "#d46b08", label: "海岛县", glyph: "●" },
};

/** A route drawn between two county seats, e.g. experts travelling to the counties they serve. */
export interface MapFlow {
  from: [lng: number, lat: number];
  to: [lng: number, lat: number];
  /** The tooltip. */
  label: string;
  /** Line width in px. */
  width: number;
}

export interface MapOptionInput {
  mapName: string;
  nameByCode: Map<string, string>;
  areas: MapArea[];
  markers: MapMarker[];
  figureTitle: string;
  formatValue: (value: number) => string;
  compact: boolean;
  /** The top of the colour scale; the largest value drawn when absent (a share passes 1). */
  max?: number;
  /** The colour scale, lightest first; blues when absent. */
  colors?: string[];
  /** This region's outline is drawn heavy (the one a page is filtered to). */
  selectedCode?: string;
  /** Routes drawn over the map. */
  flows?: MapFlow[];
  /** The tooltip of a region without a value; "不在统计范围内" when absent. */
  outsideText?: string;
  /** Print: no animation, no hover effects, labels always on. */
  still?: boolean;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A geo component draws the polygons; a map series bound to it carries the values the visualMap
 * shades by; a scatter series on the same geo marks the priority counties at their seats; a lines
 * series, when given, draws routes between seats.
 */
export function mapOption(input: MapOptionInput): Option {
  const { mapName, nameByCode, areas, markers, compact } = input;
  const byName = new Map<string, MapArea>();
  for (const area of areas) {
    const name = nameByCode.get(area.code);
    if (name) byName.set(name, area);
  }
  // Only what is drawn sets the scale: a row the map has no polygon for must not wash the rest out.
  const max = input.max ?? Math.max(1, ...[...byName.values()].map((a) => a.value));
  const selectedName = input.selectedCode ? nameByCode.get(input.selectedCode) : undefined;
  const markerByName = new Map(markers.map((m) => [m.name, m]));

  return {
    animation: !input.still,
    tooltip: {
      show: !input.still,
      trigger: "item",
      confine: true,
      formatter: (raw: unknown) => {
        const params = raw as { name?: string; seriesType?: string };
        const name = params.name ?? "";
        if (params.seriesType === "lines") return escape(name);
        const marker = markerByName.get(name);
        if (params.seriesType === "scatter" && marker) return `${escape(name)} · ${marker.kinds.map((k) => markerStyle[k].label).join("、")}`;
        const area = byName.get(name);
        const kinds = marker ? ` · ${marker.kinds.map((k) => markerStyle[k].label).join("、")}` : "";
        if (!area) return `${escape(name)}${kinds}<br/>${escape(input.outsideText ?? "不在统计范围内")}`;
        return [`<b>${escape(name)}</b>${kinds}`, ...area.lines.map(escape)].join("<br/>");
      },
    },
    visualMap: {
      type: "continuous",
      seriesIndex: 0,
      min: 0,
      max,
      calculable: false,
      realtime: false,
      orient: "horizontal",
      left: compact ? "center" : 8,
      bottom: 4,
      itemWidth: 10,
      itemHeight: compact ? 120 : 160,
      text: [input.formatValue(max), "0"],
      textStyle: { fontSize: 11, color: "#595959" },
      inRange: { color: input.colors ?? ["#e6f4ff", "#69b1ff", "#0958d9", "#002c8c"] },
    },
    geo: {
      map: mapName,
      roam: false,
      // Room at the bottom for the colour scale.
      top: 8,
      bottom: 44,
      left: 8,
      right: 8,
      selectedMode: false,
      // A halo keeps names legible on the darkest shade as on the lightest.
      // Ninety county names do not fit on the province: there a name shows on hover only.
      label: { show: nameByCode.size <= 30, fontSize: compact ? 9 : 11, color: "#262626", textBorderColor: "#fff", textBorderWidth: 2 },
      itemStyle: { areaColor: "#f5f5f5", borderColor: "#8c8c8c", borderWidth: 0.6 },
      emphasis: input.still ? { disabled: true } : { label: { show: true, fontWeight: "bold" }, itemStyle: { areaColor: "#ffd666" } },
      tooltip: { show: !input.still },
      // A series bound to the geo takes its styles from here, so the selected outline is a geo region.
      regions: selectedName ? [{ name: selectedName, itemStyle: { borderColor: "#fa541c", borderWidth: 2.5 } }] : [],
    },
    series: [
      {
        type: "map",
        geoIndex: 0,
        name: input.figureTitle,
        data: [...byName.entries()].map(([name, area]) => ({ name, value: area.value })),
      },
      {
        type: "scatter",
        coordinateSystem: "geo",
        geoIndex: 0,
        symbolSize: compact ? 8 : 10,
        silent: false,
        z: 5,
        data: markers.map((m) => {
          const style = markerStyle[m.kinds[0] ?? "mountainous"];
          return { name: m.name, value: [m.lng, m.lat], symbol: style.symbol, itemStyle: { color: style.color, borderColor: "#fff", borderWidth: 1 } };
        }),
        emphasis: { scale: 1.6 },
      },
      ...(input.flows && input.flows.length > 0
        ? [
            {
              type: "lines" as const,
              coordinateSystem: "geo",
              geoIndex: 0,
              z: 4,
              symbol: ["none", "arrow"],
              symbolSize: compact ? 6 : 8,
              lineStyle: { color: "#fa541c", opacity: 0.75, curveness: 0.2 },
              emphasis: { lineStyle: { opacity: 1 } },
              data: input.flows.map((f) => ({ name: f.label, coords: [f.from, f.to], lineStyle: { width: f.width } })),
            },
          ]
        : []),
    ],
  };
}
