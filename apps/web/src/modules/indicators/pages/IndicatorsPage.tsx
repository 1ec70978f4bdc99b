import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from "antd";
import { useMemo, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useIsMobile } from "../../../app/useIsMobile";
import { formatYuanScaled, yuanToFen } from "../../outcomes/yuan";
import { regionNameIndex } from "../../regions/regionTree";
import { useRegionScope } from "../../regions/useRegionScope";
import { getIndicators } from "../api";
import { IndicatorCard } from "../components/IndicatorCard";
import { IndicatorFilters } from "../components/IndicatorFilters";
import { PreviousYearLine, type PreviousYear } from "../components/PreviousYearLine";
import { YuanStatistic } from "../components/YuanStatistic";
import { benefitCard, countCards, isEmptyYear, scopeNotes } from "../indicatorCards";
import { defaultReportYear, readIndicatorsUrl, type IndicatorsUrlState } from "../indicatorsUrl";

const cardCols = { xs: 12, md: 8 } as const;

export function IndicatorsPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readIndicatorsUrl(params), [params]);
  const isMobile = useIsMobile();
  const { data: tree, scope } = useRegionScope();
  const names = useMemo(() => (tree ? regionNameIndex(tree) : null), [tree]);

  const current = useQuery({
    queryKey: ["indicators", state],
    queryFn: ({ signal }) => getIndicators(state, signal),
  });
  // A campaign is a single year's effort, so it has no "last year" to compare with.
  const comparable = state.campaignId === undefined;
  const previousQuery = { year: state.year - 1, regionCode: state.regionCode };
  const previous = useQuery({
    queryKey: ["indicators", previousQuery],
    queryFn: ({ signal }) => getIndicators(previousQuery, signal),
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

  function previousOf(now: bigint, then: (p: NonNullable<typeof previous.data>) => bigint, shown: (p: NonNullable<typeof previous.data>) => ReactNode): PreviousYear {
    if (!comparable) return { state: "unavailable", reason: "专项行动不作上年对比" };
    if (previous.isPending) return { state: "loading" };
    if (previous.isError) return { state: "unavailable", reason: "上年数据加载失败" };
    return { state: "ready", current: now, previous: then(previous.data), shown: shown(previous.data) };
  }

  // No region chosen means everything the user may see: the province, their city or their county.
  const regionName = state.regionCode ? (names?.get(state.regionCode) ?? state.regionCode) : (scope?.name ?? "全部辖区");
  const statSize = isMobile ? 22 : 30;

  let body: ReactNode;
  if (current.isPending) {
    body = (
      <Row gutter={[12, 12]}>
        {Array.from({ length: 6 }, (_, i) => (
          <Col key={i} {...cardCols}>
            <Card styles={{ body: { padding: "14px 16px" } }}>
              <Skeleton active title={{ width: "60%" }} paragraph={{ rows: 2, width: ["80%", "50%"] }} />
            </Card>
          </Col>
        ))}
      </Row>
    );
  } else if (current.isError) {
    body = <QueryErrorResult error={current.error} onRetry={() => void current.refetch()} title="统计指标加载失败" />;
  } else if (isEmptyYear(current.data)) {
    const fallbackYear = defaultReportYear();
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
    const figures = current.data;
    const estimatedFen = yuanToFen(figures.benefitEstimatedYuan) ?? 0n;
    const verifiedFen = yuanToFen(figures.benefitVerifiedYuan) ?? 0n;
    const money = (yuan: string) => {
      const scaled = formatYuanScaled(yuan);
      return `${scaled.value}${scaled.unit}`;
    };
    body = (
      <Row gutter={[12, 12]}>
        {countCards.map((card) => (
          <Col key={card.key} {...cardCols}>
            <IndicatorCard title={card.title} definition={card.definition}>
              <Statistic
                value={figures[card.key]}
                suffix={card.unit}
                styles={{ content: { fontSize: statSize, lineHeight: 1.3 }, suffix: { fontSize: 14 } }}
              />
              <PreviousYearLine
                previous={previousOf(
                  BigInt(figures[card.key]),
                  (p) => BigInt(p[card.key]),
                  (p) => `${p[card.key].toLocaleString("zh-CN")} ${card.unit}`,
                )}
              />
            </IndicatorCard>
          </Col>
        ))}
        <Col {...cardCols}>
          <IndicatorCard title={benefitCard.title} definition={benefitCard.definition}>
            <Flex gap="4px 20px" wrap>
              <div>
                <YuanStatistic title="预估" yuan={figures.benefitEstimatedYuan} size={statSize} />
                <PreviousYearLine
                  previous={previousOf(estimatedFen, (p) => yuanToFen(p.benefitEstimatedYuan) ?? 0n, (p) => money(p.benefitEstimatedYuan))}
                />
              </div>
              <div>
                <YuanStatistic title="已核实" yuan={figures.benefitVerifiedYuan} size={statSize} />
                <PreviousYearLine
                  previous={previousOf(verifiedFen, (p) => yuanToFen(p.benefitVerifiedYuan) ?? 0n, (p) => money(p.benefitVerifiedYuan))}
                />
              </div>
            </Flex>
          </IndicatorCard>
        </Col>
      </Row>
    );
  }

  return (
    <>
      <PageHeader title="统计指标" description="劳模工匠助企行年度指标。每项数字都由系统中的记录统计得出，不经手工填报。" />
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
