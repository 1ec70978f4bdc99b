import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Typography } from "antd";
import { useMemo, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { regionNameIndex } from "../../../../app/regions/regionTree";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { getStatsSummary, statsQueryKeys } from "../../stats/api";
import { getIndicators } from "../api";
import { IndicatorFilters } from "../components/IndicatorFilters";
import { IndicatorGrid, IndicatorGridSkeleton, type PreviousFigures } from "../components/IndicatorGrid";
import { isEmptyYear, scopeNotes } from "../indicatorCards";
import { fallbackReportYear, readIndicatorsUrl, type IndicatorsUrlState } from "../indicatorsUrl";

export function IndicatorsPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readIndicatorsUrl(params), [params]);
  const { data: tree, scope } = useRegionScope();
  const names = useMemo(() => (tree ? regionNameIndex(tree) : null), [tree]);

  const current = useQuery({
    queryKey: ["indicators", state],
    queryFn: ({ signal }) => getIndicators(state, signal),
  });
  // A campaign is a single year's effort, so it has no "last year" to compare with.
  const comparable = state.campaignId === undefined;
  // Last year's figures from the statistics summary: for the current year it counts last year only
  // to the same day (上年同期), so a year so far is not set against a whole year.
  const summaryFilter = { year: state.year, regionCode: state.regionCode };
  const previous = useQuery({
    queryKey: statsQueryKeys.summary(summaryFilter),
    queryFn: ({ signal }) => getStatsSummary(summaryFilter, signal),
    enabled: comparable,
  });

  function update(next: Partial<Record<keyof IndicatorsUrlState, string | number | undefined>>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === "") merged.delete(key);
      else merged.set(key, String(value));
    }
    setParams(merged, { replace: false });
  }

  const previousFigures: PreviousFigures = !comparable
    ? { state: "unavailable", reason: "专项行动不作上年对比" }
    : previous.isPending
      ? { state: "loading" }
      : previous.isError
        ? { state: "unavailable", reason: "上年数据加载失败" }
        : { state: "ready", figures: previous.data.previous, through: previous.data.previousThrough };

  // No region chosen means everything the user may see: the province, their city or their county.
  const regionName = state.regionCode ? (names?.get(state.regionCode) ?? state.regionCode) : (scope?.name ?? "全部辖区");

  let body: ReactNode;
  if (current.isPending) {
    body = <IndicatorGridSkeleton />;
  } else if (current.isError) {
    body = <QueryErrorResult error={current.error} onRetry={() => void current.refetch()} title="统计指标加载失败" />;
  } else if (isEmptyYear(current.data)) {
    const fallbackYear = fallbackReportYear(state.year);
    body = (
      <Card>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            state.campaignId
              ? `该专项行动在${state.year}年还没有服务场次、培训或成效记录`
              : `${state.year}年${regionName}还没有服务场次、培训、解决的难题或成效记录`
          }
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
    body = <IndicatorGrid figures={current.data} previous={previousFigures} />;
  }

  return (
    <>
      <PageHeader
        title="统计指标"
        description="劳模工匠助企行年度指标。每项数字都由系统中的记录统计得出，不经手工填报。"
        // The statistics page reads the same year, region and campaign from the address.
        extra={<Link to={params.size > 0 ? `/stats?${params.toString()}` : "/stats"}>图表、地图与报告 →</Link>}
      />
      <IndicatorFilters state={state} onChange={update} />
      {state.campaignId && current.isSuccess ? (
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
      {body}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        统计范围：{state.year}年 · {regionName}
        {state.campaignId ? " · 限专项行动" : ""}。{scopeNotes.year}
        {scopeNotes.region}
        {scopeNotes.campaign}点击各项的“口径”查看计数方法。
      </Typography.Paragraph>
    </>
  );
}
