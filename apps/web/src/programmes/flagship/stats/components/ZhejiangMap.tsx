import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Skeleton, Typography } from "antd";
import { useMemo } from "react";
import { mapOption, markerStyle, type MapArea, type MapFlow, type MapMarker } from "../charts/mapOption";
import type { ECharts } from "../charts/echartsCore";
import { useEChart } from "../charts/useEChart";
import { loadRegionMap } from "../../../../app/regions/regionMaps";

export interface ZhejiangMapProps {
  /** 330000 for the province (its cities), a city code (its counties) or provinceByCounty. */
  mapCode: string;
  areas: MapArea[];
  markers: MapMarker[];
  figureTitle: string;
  formatValue: (value: number) => string;
  /** A region (city or county) or a marked county was clicked or tapped. */
  onSelect?: (code: string) => void;
  height: number;
  compact: boolean;
  /** The printable report: SVG, no animation, no tooltips. */
  print?: boolean;
  onFinished?: (chart: ECharts) => void;
  /** Below the legend, e.g. "点击城市查看各县". */
  hint?: string;
  /** See mapOption: a fixed top of the scale, another palette, a heavy outline, routes, the tooltip of a region without a value. */
  max?: number;
  colors?: string[];
  selectedCode?: string;
  flows?: MapFlow[];
  outsideText?: string;
  /** What a route line means, for the legend. */
  flowLegend?: string;
}

/** Zhejiang or one of its cities, shaded by a figure, priority counties marked; the default export so pages load it lazily. */
export default function ZhejiangMap(props: ZhejiangMapProps) {
  const { mapCode, areas, markers, compact, max, colors, selectedCode, flows, outsideText } = props;
  const map = useQuery({ queryKey: ["regionMap", mapCode], queryFn: () => loadRegionMap(mapCode), staleTime: Infinity, retry: 1 });

  const option = useMemo(
    () =>
      map.data
        ? mapOption({
            mapName: map.data.mapName,
            nameByCode: map.data.nameByCode,
            areas,
            markers,
            figureTitle: props.figureTitle,
            formatValue: props.formatValue,
            compact,
            still: props.print,
            max,
            colors,
            selectedCode,
            flows,
            outsideText,
          })
        : null,
    [map.data, areas, markers, props.figureTitle, props.formatValue, compact, props.print, max, colors, selectedCode, flows, outsideText],
  );

  const markerCodes = useMemo(() => new Map(markers.map((m) => [m.name, m.code])), [markers]);
  const ref = useEChart(option, {
    renderer: props.print ? "svg" : "canvas",
    onFinished: props.onFinished,
    onClick: ({ name, seriesType }) => {
      // A route is not a region: its tooltip is all it has to say.
      if (!props.onSelect || seriesType === "lines") return;
      const code = seriesType === "scatter" ? markerCodes.get(name) : map.data?.codeByName.get(name);
      if (code) props.onSelect(code);
    },
  });

  const kinds = [...new Set(markers.flatMap((m) => m.kinds))];

  return (
    <div>
      {map.isError ? (
        <Alert
          type="error"
          showIcon
          title="地图加载失败"
          description="请检查网络后重试；下方表格中的数字不受影响。"
          action={
            <Button size="small" onClick={() => void map.refetch()}>
              重试
            </Button>
          }
        />
      ) : (
        <div style={{ position: "relative", height: props.height }}>
          {map.isPending ? <Skeleton.Node active style={{ width: "100%", height: props.height }} /> : null}
          {/* The chart div always exists so the echarts instance is created once. */}
          <div ref={ref} style={{ position: "absolute", inset: 0, visibility: map.isPending ? "hidden" : "visible" }} aria-label={`${props.figureTitle}分布地图`} role="img" />
        </div>
      )}
      <Flex gap="4px 16px" wrap align="center" style={{ marginTop: 4, fontSize: 12 }}>
        {kinds.map((kind) => (
          <Typography.Text key={kind} style={{ fontSize: 12 }}>
            <span style={{ color: markerStyle[kind].color, marginRight: 4 }}>{markerStyle[kind].glyph}</span>
            {markerStyle[kind].label}（县城位置）
          </Typography.Text>
        ))}
        {flows && flows.length > 0 && props.flowLegend ? (
          <Typography.Text style={{ fontSize: 12 }}>
            <span style={{ color: "#fa541c", marginRight: 4 }}>➝</span>
            {props.flowLegend}
          </Typography.Text>
        ) : null}
        {props.hint ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {props.hint}
          </Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}
