import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Skeleton, Typography } from "antd";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ChartBoundary } from "../../../../app/components/ChartBoundary";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { useCan } from "../../../../app/session";
import { useIsMobile } from "../../../../app/useIsMobile";
import { getCampaign } from "../../campaigns/api";
import { campaignQueryKeys } from "../../campaigns/campaignQueryKeys";
import { TargetProgressList } from "../../campaigns/components/TargetProgressList";
import { scopeNotes } from "../../indicators/indicatorCards";
import { readIndicatorsUrl } from "../../indicators/indicatorsUrl";
import { findRegionPath } from "../../../../app/regions/regionTree";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { getStatsByRegion, getStatsMonthly, getStatsSummary, statsQueryKeys, type StatsFilter } from "../api";
import { hasRegionMap } from "../../../../app/regions/regionMapCodes";
import { ReportCountyEnterprises } from "../components/ReportCountyEnterprises";
import { ReportFiguresTable } from "../components/ReportFiguresTable";
import { ReportMonthlyTable } from "../components/ReportMonthlyTable";
import { ReportRegionTable } from "../components/ReportRegionTable";
import "../components/reportPrint.css";
import { formatFigure } from "../statsFigures";
import { mapAreas, priorityMarkers } from "../statsMapData";
import { issuingUnit, printDate } from "../reportConventions";

const ZhejiangMap = lazy(() => import("../components/ZhejiangMap"));
const MonthlyTrendChart = lazy(() => import("../components/MonthlyTrendChart"));

const formatSessions = (value: number) => formatFigure("sessions", value);

/**
 * The year's (or a campaign's) report on A4: the six figures with last year, the monthly chart and
 * table, the map and the table of the region's parts, and the campaign's targets. Charts draw as SVG
 * so they print sharp; "打印/导出PDF" is the browser's print dialog. The paper carries
 * data-ready once every figure and chart is drawn, so a script printing it knows when to.
 */
export function StatsReportPage() {
  const [params] = useSearchParams();
  const state = useMemo(() => readIndicatorsUrl(params), [params]);
  const can = useCan();
  const isMobile = useIsMobile();
  const { scope, isError: regionsFailed } = useRegionScope();
  const regionCode = state.regionCode ?? scope?.code;
  const node = useMemo(() => (scope && regionCode ? (findRegionPath(scope, regionCode).at(-1) ?? null) : null), [scope, regionCode]);
  const filter: StatsFilter = { year: state.year, regionCode: state.regionCode, campaignId: state.campaignId };

  const summary = useQuery({ queryKey: statsQueryKeys.summary(filter), queryFn: ({ signal }) => getStatsSummary(filter, signal) });
  const monthly = useQuery({ queryKey: statsQueryKeys.monthly(filter), queryFn: ({ signal }) => getStatsMonthly(filter, signal) });
  const showsChildren = node !== null && node.level !== "county";
  const byRegion = useQuery({ queryKey: statsQueryKeys.byRegion(filter), queryFn: ({ signal }) => getStatsByRegion(filter, signal), enabled: showsChildren });
  const campaignId = state.campaignId ?? "";
  const campaign = useQuery({
    queryKey: campaignQueryKeys.detail(campaignId),
    queryFn: ({ signal }) => getCampaign(campaignId, signal),
    enabled: campaignId !== "" && can("campaign.read"),
  });

  const [trendDrawn, setTrendDrawn] = useState(false);
  const [mapDrawn, setMapDrawn] = useState(false);
  const onTrendFinished = useCallback(() => setTrendDrawn(true), []);
  const onMapFinished = useCallback(() => setMapDrawn(true), []);
  const [countyListed, setCountyListed] = useState(false);
  const onCountyListed = useCallback(() => setCountyListed(true), []);
  const mapShown = showsChildren && node !== null && hasRegionMap(node.code);
  const areas = useMemo(() => (byRegion.data ? mapAreas(byRegion.data, "sessions") : []), [byRegion.data]);
  const markers = useMemo(() => (node ? priorityMarkers(node, byRegion.data) : []), [node, byRegion.data]);

  const regionName = node?.name ?? scope?.name ?? "";
  // The reader's own federation issues the report, whatever region it is about.
  const issuer = issuingUnit(scope?.name);
  const title = `${state.year}年劳模工匠助企行工作统计报告${regionName ? ` · ${regionName}` : ""}`;
  useEffect(() => {
    // The PDF a browser saves is named after the document title.
    document.title = title;
  }, [title]);

  const failed = summary.isError || monthly.isError || byRegion.isError;
  const ready =
    summary.isSuccess &&
    monthly.isSuccess &&
    trendDrawn &&
    node !== null &&
    (showsChildren ? byRegion.isSuccess && (!mapShown || mapDrawn) : countyListed) &&
    (campaignId === "" || !campaign.isFetching);
  const childLabel = node?.level === "province" ? "设区市" : "县(市、区)";

  return (
    <>
      <Flex className="stats-report-toolbar" gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Link to={`/stats?${params.toString()}`}>
          <Button icon={<ArrowLeftOutlined />}>返回统计分析</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>
          {ready ? "打印/导出PDF" : "正在准备报告…"}
        </Button>
      </Flex>
      {regionsFailed ? <Alert className="stats-report-toolbar" type="warning" showIcon title="区划加载失败，报告无法确定区域名称，请刷新重试。" /> : null}
      <div className="stats-report-paper" data-ready={ready ? "true" : undefined}>
        <h1>{title}</h1>
        <Typography.Paragraph style={{ textAlign: "center", margin: 0, color: "#595959" }}>
          {campaign.data ? `专项行动：${campaign.data.name} · ` : ""}统计截至{printDate()}
        </Typography.Paragraph>
        <Typography.Paragraph className="stats-report-issuer" style={{ textAlign: "center", margin: "0 0 4px", color: "#595959" }}>
          编制单位：{issuer} · 打印日期：{printDate()}
        </Typography.Paragraph>

        <section className="stats-report-section">
          <h2>一、主要指标</h2>
          {summary.isPending ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : summary.isError ? (
            <QueryErrorResult error={summary.error} onRetry={() => void summary.refetch()} title="统计数据加载失败" />
          ) : (
            <ReportFiguresTable year={state.year} current={summary.data.current} previous={state.campaignId ? null : summary.data.previous} previousThrough={summary.data.previousThrough} />
          )}
          {state.campaignId ? <p style={{ fontSize: 11, margin: "4px 0 0" }}>只统计标记为该专项行动的记录，专项行动不作上年对比。</p> : null}
        </section>

        <section className="stats-report-section">
          <h2>二、月度情况</h2>
          {monthly.isPending ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : monthly.isError ? (
            <QueryErrorResult error={monthly.error} onRetry={() => void monthly.refetch()} title="月度数据加载失败" />
          ) : (
            <>
              <ChartBoundary>
                <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: 240 }} />}>
                  <MonthlyTrendChart monthly={monthly.data} figure="sessions" height={240} compact={isMobile} print onFinished={onTrendFinished} />
                </Suspense>
              </ChartBoundary>
              <p style={{ fontSize: 11, margin: "0 0 6px", textAlign: "center" }}>图1 各月服务场次（柱）与累计（线）</p>
              <div className="stats-report-scroll">
                <ReportMonthlyTable monthly={monthly.data} />
              </div>
            </>
          )}
        </section>

        {showsChildren ? (
          <section>
            <h2>三、分区情况</h2>
            {byRegion.isPending ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : byRegion.isError ? (
              <QueryErrorResult error={byRegion.error} onRetry={() => void byRegion.refetch()} title="分区数据加载失败" />
            ) : (
              <>
                {mapShown && node ? (
                  <div className="stats-report-section">
                    <ChartBoundary>
                      <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: 400 }} />}>
                        <ZhejiangMap mapCode={node.code} areas={areas} markers={markers} figureTitle="服务场次" formatValue={formatSessions} height={400} compact={false} print onFinished={onMapFinished} />
                      </Suspense>
                    </ChartBoundary>
                    <p style={{ fontSize: 11, margin: "0 0 6px", textAlign: "center" }}>图2 {regionName}各{childLabel}服务场次分布</p>
                  </div>
                ) : null}
                <div className="stats-report-scroll stats-report-scroll-wide">
                  <ReportRegionTable data={byRegion.data} childLabel={childLabel} />
                </div>
                <p style={{ fontSize: 11, margin: "4px 0 0" }}>合计为全区域数：服务企业按企业去重，跨区域服务的同一企业只计一次，故可能小于各行之和。</p>
              </>
            )}
          </section>
        ) : null}

        {node && node.level === "county" ? (
          <section>
            <h2>三、服务企业{state.campaignId ? "（全年，不限专项行动）" : ""}</h2>
            <ReportCountyEnterprises code={node.code} name={node.name} year={state.year} onSettled={onCountyListed} />
          </section>
        ) : null}

        {campaignId !== "" ? (
          <section className="stats-report-section">
            <h2>四、专项行动完成情况</h2>
            {campaign.isPending && campaign.fetchStatus !== "idle" ? (
              <Skeleton active paragraph={{ rows: 3 }} />
            ) : campaign.isError ? (
              <QueryErrorResult error={campaign.error} onRetry={() => void campaign.refetch()} title="专项行动加载失败" />
            ) : campaign.data ? (
              <>
                <p style={{ margin: "0 0 8px" }}>
                  {campaign.data.name}：各项目标完成情况
                </p>
                <TargetProgressList campaign={campaign.data} />
              </>
            ) : (
              <p>无权查看专项行动详情。</p>
            )}
          </section>
        ) : null}

        <p style={{ fontSize: 11, color: "#595959", marginTop: 16 }}>
          说明：各项数字均由系统记录统计得出。{scopeNotes.year}
          {scopeNotes.region}
          {state.campaignId ? scopeNotes.campaign : ""}
        </p>
        <p className="stats-report-signature">
          {issuer}
          <br />
          {printDate()}
        </p>
        {failed ? <p className="stats-report-toolbar">部分数据加载失败，请重试后再打印。</p> : null}
      </div>
    </>
  );
}
