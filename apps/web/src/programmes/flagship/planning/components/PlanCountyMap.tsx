import type { PlanResult } from "@jiangxin/domain";
import { Alert, Flex, Segmented, Skeleton, Typography } from "antd";
import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { LoadErrorBoundary } from "../../../../app/components/LoadErrorBoundary";
import { countiesIn } from "../../../../app/regions/regionTree";
import { useRegionTree } from "../../../../app/regions/useRegionTree";
import { planFlowsInto, planMapCode, type PlanCountySummary } from "../planCountySummary";
import { planFlowLines, planMapAreas, planMarkers, type PlanMapMetric, type Seats } from "../planMapData";

// echarts and the polygons are their own chunks, shared with the statistics pages: the plan's
// figures and table show before they arrive.
const ZhejiangMap = lazy(() => import("../../stats/components/ZhejiangMap"));

// Share assigned: red where a county is left short, blue where it is covered.
const shareColors = ["#ff7875", "#ffd666", "#bae0ff", "#69b1ff", "#1677ff"];
// Purples, not reds: the 海岛县 markers are orange and the selected county and routes orange-red.
const unassignedColors = ["#f9f0ff", "#d3adf7", "#9254de", "#531dab"];

interface PlanCountyMapProps {
  plan: PlanResult;
  counties: readonly PlanCountySummary[];
  selectedCode: string | undefined;
  /** A county was clicked; clicking the selected one again clears it. */
  onSelect: (code: string | undefined) => void;
  compact: boolean;
}

/** The computed plan on the map: each county shaded by how much of it the plan covers, the routes into the selected one. */
export function PlanCountyMap({ plan, counties, selectedCode, onSelect, compact }: PlanCountyMapProps) {
  const [metric, setMetric] = useState<PlanMapMetric>("share");
  const tree = useRegionTree();
  const seats = useMemo<Seats>(() => {
    const map = new Map<string, { lng: number; lat: number }>();
    if (tree.data) for (const c of countiesIn(tree.data)) if (c.lng !== null && c.lat !== null) map.set(c.code, { lng: c.lng, lat: c.lat });
    return map;
  }, [tree.data]);

  const mapCode = useMemo(() => planMapCode(plan), [plan]);
  const areas = useMemo(() => planMapAreas(counties, metric), [counties, metric]);
  const markers = useMemo(() => planMarkers(counties, seats), [counties, seats]);
  const flows = useMemo(() => (selectedCode ? planFlowLines(planFlowsInto(plan, selectedCode), seats) : []), [plan, selectedCode, seats]);
  const formatValue = useCallback((v: number) => (metric === "share" ? `${v}%` : `${v} 个`), [metric]);
  const select = useCallback((code: string) => onSelect(code === selectedCode ? undefined : code), [onSelect, selectedCode]);

  const height = compact ? 340 : 460;
  return (
    <div>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{metric === "share" ? "各县难题安排比例" : "各县未安排难题数"}</Typography.Text>
        <Segmented<PlanMapMetric>
          size="small"
          aria-label="地图着色"
          value={metric}
          onChange={setMetric}
          options={[
            { value: "share", label: "安排比例" },
            { value: "unassigned", label: "未安排数" },
          ]}
        />
      </Flex>
      <LoadErrorBoundary
        fallback={<Alert type="error" showIcon title="地图加载失败" description="方案和下方表格不受影响。网络恢复后刷新页面、重新计算方案即可查看地图。" />}
      >
        <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height }} />}>
          <ZhejiangMap
            mapCode={mapCode}
            areas={areas}
            markers={markers}
            figureTitle={metric === "share" ? "安排比例" : "未安排难题"}
            formatValue={formatValue}
            max={metric === "share" ? 100 : undefined}
            colors={metric === "share" ? shareColors : unassignedColors}
            selectedCode={selectedCode}
            flows={flows}
            flowLegend="专家所在县 → 所选县"
            outsideText="本次规划没有该县的难题"
            onSelect={select}
            height={height}
            compact={compact}
            hint={selectedCode ? "再次点击该县取消筛选" : compact ? "点击县筛选下方列表" : "点击县筛选下方方案与未安排列表，并显示专家来自哪里"}
          />
        </Suspense>
      </LoadErrorBoundary>
    </div>
  );
}
