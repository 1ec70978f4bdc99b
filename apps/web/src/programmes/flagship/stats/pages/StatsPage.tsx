import { PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Empty, Flex, Row, Segmented, Skeleton, Typography } from "antd";
import { lazy, Suspense, useCallback, useMemo, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ChartBoundary } from "../../../../app/components/ChartBoundary";
import { PageHeader } from "../../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { useIsMobile } from "../../../../app/useIsMobile";
import { IndicatorFilters } from "../../indicators/components/IndicatorFilters";
import { IndicatorGrid, IndicatorGridSkeleton } from "../../indicators/components/IndicatorGrid";
import { isEmptyYear, scopeNotes } from "../../indicators/indicatorCards";
import { fallbackReportYear } from "../../indicators/indicatorsUrl";
import { findRegionPath } from "../../../../app/regions/regionTree";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { ExportButton } from "../../../../modules/imports/components/ExportButton";
import { getStatsByRegion, getStatsMonthly, getStatsSummary, statsQueryKeys, type StatsFilter } from "../api";
import { hasRegionMap, provinceByCounty } from "../../../../app/regions/regionMapCodes";
import { CountyDrillDown } from "../components/CountyDrillDown";
import { FigureSwitch } from "../components/FigureSwitch";
import { RegionFiguresTable } from "../components/RegionFiguresTable";
import { StatsBreadcrumb } from "../components/StatsBreadcrumb";
import { figureChoice, formatFigure, type FigureKey } from "../statsFigures";
import { mapAreas, priorityMarkers } from "../statsMapData";
import { readStatsUrl, reportHref, writeStatsUrl, type StatsUrlPatch } from "../statsUrl";

// echarts and the map polygons are their own chunks: the cards show before they arrive.
const ZhejiangMap = lazy(() => import("../components/ZhejiangMap"));
const MonthlyTrendChart = lazy(() => import("../components/MonthlyTrendChart"));

export function StatsPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readStatsUrl(params), [params]);
  const isMobile = useIsMobile();
  const { scope, isError: regionsFailed } = useRegionScope();

  // No region in the address means the user's own: the province, their city, or their county.
  const regionCode = state.regionCode ?? scope?.code;
  const node = useMemo(() => (scope && regionCode ? (findRegionPath(scope, regionCode).at(-1) ?? null) : null), [scope, regionCode]);
  const filter: StatsFilter = { year: state.year, regionCode: state.regionCode, campaignId: state.campaignId };

  const summary = useQuery({ queryKey: statsQueryKeys.summary(filter), queryFn: ({ signal }) => getStatsSummary(filter, signal) });
  const monthly = useQuery({ queryKey: statsQueryKeys.monthly(filter), queryFn: ({ signal }) => getStatsMonthly(filter, signal) });
  const showsChildren = node !== null && node.level !== "county";
  const byRegion = useQuery({
    queryKey: statsQueryKeys.byRegion(filter),
    queryFn: ({ signal }) => getStatsByRegion(filter, signal),
    enabled: showsChildren,
  });

  const update = useCallback((patch: StatsUrlPatch) => setParams((current) => writeStatsUrl(current, patch)), [setParams]);
  const select = useCallback(
    (code: string) => {
      update({ regionCode: code === scope?.code ? undefined : code });
      window.scrollTo({ top: 0, behavior: "smooth" });
    },
    [update, scope?.code],
  );
  const choice = figureChoice(state.figure);
  const formatValue = useCallback((value: number) => formatFigure(state.figure, value), [state.figure]);
  // The province may also be drawn county by county; the table below stays by city.
  const byCounty = node?.level === "province" && state.mapBy === "county";
  const countyFilter = { ...filter, depth: "counties" as const };
  const counties = useQuery({
    queryKey: statsQueryKeys.byRegion(countyFilter),
    queryFn: ({ signal }) => getStatsByRegion(countyFilter, signal),
    enabled: byCounty,
  });
  const mapData = byCounty ? counties : byRegion;
  const areas = useMemo(() => (mapData.data ? mapAreas(mapData.data, state.figure) : []), [mapData.data, state.figure]);
  const markers = useMemo(() => (node ? priorityMarkers(node, mapData.data) : []), [node, mapData.data]);

  const regionName = node?.name ?? scope?.name ?? "全部辖区";
  const comparable = state.campaignId === undefined;

  let cards: ReactNode;
  if (summary.isPending) cards = <IndicatorGridSkeleton />;
  else if (summary.isError) cards = <QueryErrorResult error={summary.error} onRetry={() => void summary.refetch()} title="统计数据加载失败" />;
  else if (isEmptyYear(summary.data.current)) {
    const fallbackYear = fallbackReportYear(state.year);
    cards = (
      <Card>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={state.campaignId ? `该专项行动在${state.year}年还没有服务场次、培训或成效记录` : `${state.year}年${regionName}还没有服务场次、培训、解决的难题或成效记录`}
        >
          {state.year !== fallbackYear ? (
            <Button type="primary" onClick={() => update({ year: fallbackYear, campaignId: undefined })}>
              查看{fallbackYear}年
            </Button>
          ) : null}
        </Empty>
      </Card>
    );
  } else {
    cards = (
      <IndicatorGrid
        figures={summary.data.current}
        previous={comparable ? { state: "ready", figures: summary.data.previous, through: summary.data.previousThrough } : { state: "unavailable", reason: "专项行动不作上年对比" }}
      />
    );
  }
  const empty = summary.isSuccess && isEmptyYear(summary.data.current);

  const mapHeight = isMobile ? 340 : 440;
  // Beside the map on a wide screen the chart takes the map card's height.
  const chartHeight = isMobile ? 240 : showsChildren ? mapHeight + 6 : 320;
  const trend = (
    <Card title="月度趋势" size="small" style={{ height: "100%" }}>
      {monthly.isError ? (
        <QueryErrorResult error={monthly.error} onRetry={() => void monthly.refetch()} title="月度数据加载失败" />
      ) : monthly.isPending ? (
        <Skeleton.Node active style={{ width: "100%", height: chartHeight }} />
      ) : (
        <ChartBoundary>
          <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: chartHeight }} />}>
            <MonthlyTrendChart monthly={monthly.data} figure={state.figure} height={chartHeight} compact={isMobile} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {state.figure === "enterprisesServed" ? "每月按企业去重；同一企业在不同月份被走访会在各月分别计数，故不作累计。" : "柱为当月数，折线为自1月起的累计。"}
            </Typography.Text>
          </Suspense>
        </ChartBoundary>
      )}
    </Card>
  );

  let regional: ReactNode = null;
  if (node && showsChildren) {
    const childLabel = node.level === "province" ? "各设区市" : "各县(市、区)";
    regional = (
      <>
        <Col xs={24} lg={12}>
          <Card
            title={`${choice.title}·${byCounty ? "各县(市、区)" : childLabel}分布`}
            size="small"
            style={{ height: "100%" }}
            extra={
              node.level === "province" ? (
                <Segmented<"city" | "county">
                  size="small"
                  aria-label="地图按"
                  value={state.mapBy}
                  onChange={(mapBy) => update({ mapBy })}
                  options={[
                    { value: "city", label: "按市" },
                    { value: "county", label: "按县" },
                  ]}
                />
              ) : null
            }
          >
            {mapData.isError ? (
              <QueryErrorResult error={mapData.error} onRetry={() => void mapData.refetch()} title="分区数据加载失败" />
            ) : !hasRegionMap(node.code) ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该区域没有地图，请看下方表格" />
            ) : mapData.isPending ? (
              <Skeleton.Node active style={{ width: "100%", height: mapHeight }} />
            ) : (
              <ChartBoundary>
                <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: mapHeight }} />}>
                  <ZhejiangMap
                    mapCode={byCounty ? provinceByCounty : node.code}
                    areas={areas}
                    markers={markers}
                    figureTitle={choice.title}
                    formatValue={formatValue}
                    onSelect={select}
                    height={mapHeight}
                    compact={isMobile}
                    hint={node.level === "province" && !byCounty ? "点击城市查看各县，点击标记查看该县明细" : "点击县查看服务企业与场次"}
                  />
                </Suspense>
              </ChartBoundary>
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            title={`${state.year}年${childLabel}指标`}
            size="small"
            extra={<ExportButton url="/api/stats/by-region/export" query={{ year: state.year, regionCode: node.code, campaignId: state.campaignId }} />}
            styles={{ header: { flexWrap: "wrap" }, body: { padding: isMobile ? 0 : undefined } }}
          >
            {byRegion.isError ? (
              <QueryErrorResult error={byRegion.error} onRetry={() => void byRegion.refetch()} title="分区数据加载失败" />
            ) : byRegion.isPending ? (
              <Skeleton active paragraph={{ rows: 6 }} style={{ padding: 12 }} />
            ) : (
              <RegionFiguresTable data={byRegion.data} figure={state.figure} compact={isMobile} onSelect={select} />
            )}
          </Card>
        </Col>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="统计分析"
        description={isMobile ? undefined : "劳模工匠助企行：年度指标、月度趋势、分区地图与明细，逐级下钻。"}
        extra={
          <Link to={reportHref({ year: state.year, regionCode, campaignId: state.campaignId })}>
            <Button icon={<PrinterOutlined />}>打印报告</Button>
          </Link>
        }
      />
      <IndicatorFilters state={state} onChange={update} />
      {scope && regionCode ? <StatsBreadcrumb scope={scope} regionCode={regionCode} onSelect={select} /> : null}
      {regionsFailed ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="区划加载失败，地图和下钻暂不可用；下方数字不受影响。" /> : null}
      {state.campaignId && summary.isSuccess ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <>
              只统计标记为该专项行动的记录。<Link to={`/campaigns/${encodeURIComponent(state.campaignId)}`}>查看专项行动进度</Link>
            </>
          }
        />
      ) : null}
      {cards}
      {empty ? null : (
        <>
          <Flex style={{ margin: "16px 0 12px", overflowX: "auto" }}>
            <FigureSwitch value={state.figure} onChange={(figure: FigureKey) => update({ figure })} compact={isMobile} />
          </Flex>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={node && showsChildren ? 12 : 24}>
              {trend}
            </Col>
            {regional}
          </Row>
          {node && node.level === "county" ? (
            <div style={{ marginTop: 16 }}>
              {state.campaignId ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="县级明细列出该县全年的服务企业与场次，不按专项行动筛选。" /> : null}
              <CountyDrillDown
                code={node.code}
                name={node.name}
                year={state.year}
                enterprisePage={state.enterprisePage}
                sessionPage={state.sessionPage}
                compact={isMobile}
                onPage={(table, page) => update({ [table]: page })}
              />
            </div>
          ) : null}
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        统计范围：{state.year}年 · {regionName}
        {state.campaignId ? " · 限专项行动" : ""}。{scopeNotes.year}
        {scopeNotes.region}
        {scopeNotes.campaign}
      </Typography.Paragraph>
    </>
  );
}
