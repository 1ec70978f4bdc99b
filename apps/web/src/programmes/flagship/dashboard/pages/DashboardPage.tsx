import { FlagOutlined, RightOutlined, ToolOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { useCan } from "../../../../app/session";
import { listCampaigns } from "../../campaigns/api";
import { campaignQueryKeys } from "../../campaigns/campaignQueryKeys";
import { IndicatorGrid, IndicatorGridSkeleton } from "../../indicators/components/IndicatorGrid";
import { isEmptyYear } from "../../indicators/indicatorCards";
import { defaultReportYear, reportYears } from "../../indicators/indicatorsUrl";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { getStatsSummary, statsQueryKeys } from "../../stats/api";
import { CampaignProgressTile } from "../components/CampaignProgressTile";
import { dashboardYear, readDashboardYear } from "../dashboardYear";

function Section({ icon, title, words, link, children }: { icon: ReactNode; title: string; words?: ReactNode; link?: ReactNode; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 24 }}>
      <Flex justify="space-between" align="baseline" gap={8} wrap style={{ marginBottom: 12 }}>
        <Flex align="baseline" gap={8} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {icon} {title}
          </Typography.Title>
          {words ? <Typography.Text type="secondary">{words}</Typography.Text> : null}
        </Flex>
        {link}
      </Flex>
      {children}
    </section>
  );
}

/**
 * 助企行概览 (the flagship's page under its menu group; the platform's 驾驶舱 compares every programme
 * with its targets): the programme's headline figures against its year, on one screen, for the user's
 * region. Today 劳模工匠助企行 (six figures against last year) and the year's campaigns against their
 * targets. This year's figures come first and decide the year when none is asked for.
 */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const { scope } = useRegionScope();
  const thisYear = defaultReportYear();
  const asked = readDashboardYear(params);

  const probeFilter = { year: thisYear };
  const probe = useQuery({ queryKey: statsQueryKeys.summary(probeFilter), queryFn: ({ signal }) => getStatsSummary(probeFilter, signal), enabled: asked === undefined });
  const chosen = dashboardYear(asked, thisYear, probe.data);
  const year = chosen.year;
  const filter = { year: year ?? thisYear };
  const summary = useQuery({ queryKey: statsQueryKeys.summary(filter), queryFn: ({ signal }) => getStatsSummary(filter, signal), enabled: year !== null });
  const canCampaigns = can("campaign.read");
  const campaigns = useQuery({
    queryKey: campaignQueryKeys.list(year ?? undefined),
    queryFn: ({ signal }) => listCampaigns(year ?? undefined, signal),
    enabled: year !== null && canCampaigns,
  });

  const regionName = scope?.name ?? "本辖区";
  const setYear = (y: number) => setParams((current) => {
    const next = new URLSearchParams(current);
    next.set("year", String(y));
    return next;
  });

  let cards: ReactNode;
  if (probe.isError && year === null) cards = <QueryErrorResult error={probe.error} onRetry={() => void probe.refetch()} title="统计数据加载失败" />;
  else if (year === null || summary.isPending) cards = <IndicatorGridSkeleton />;
  else if (summary.isError) cards = <QueryErrorResult error={summary.error} onRetry={() => void summary.refetch()} title="统计数据加载失败" />;
  else if (isEmptyYear(summary.data.current)) {
    cards = (
      <Card>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年${regionName}还没有服务场次、培训、解决的难题或成效记录`}>
          {year === thisYear ? (
            <Button type="primary" onClick={() => setYear(thisYear - 1)}>
              查看{thisYear - 1}年
            </Button>
          ) : null}
        </Empty>
      </Card>
    );
  } else cards = <IndicatorGrid figures={summary.data.current} previous={{ state: "ready", figures: summary.data.previous, through: summary.data.previousThrough }} />;

  let campaignTiles: ReactNode = null;
  if (canCampaigns) {
    if (year === null || campaigns.isPending) {
      campaignTiles = (
        <Row gutter={[12, 12]}>
          {[0, 1].map((i) => (
            <Col key={i} xs={24} md={12} xl={8}>
              <Card>
                <Skeleton active avatar={{ size: 76, shape: "circle" }} paragraph={{ rows: 3 }} />
              </Card>
            </Col>
          ))}
        </Row>
      );
    } else if (campaigns.isError) {
      campaignTiles = <QueryErrorResult error={campaigns.error} onRetry={() => void campaigns.refetch()} title="专项行动加载失败" />;
    } else if (campaigns.data.length === 0) {
      campaignTiles = (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年没有涉及${regionName}的专项行动`} />
        </Card>
      );
    } else {
      campaignTiles = (
        <Row gutter={[12, 12]}>
          {campaigns.data.map((c) => (
            <Col key={c.id} xs={24} md={12} xl={8}>
              <CampaignProgressTile campaign={c} />
            </Col>
          ))}
        </Row>
      );
    }
  }

  // A campaign's target is for all its regions, so its bars are the whole campaign's; a city or county
  // finds its own part against its share on the campaign's page.
  const wholeCampaign = scope !== null && scope.level !== "province" ? "，进度为行动全域合计，本地份额见行动详情" : "";
  const campaignWords = campaigns.data && campaigns.data.length > 0 ? `${campaigns.data.length} 项行动${wholeCampaign}` : undefined;
  return (
    <>
      <PageHeader
        title="助企行概览"
        description={year === null ? regionName : `${regionName} · ${year}年 · 各项工作对照年度目标`}
        extra={
          <Select
            aria-label="年度"
            value={year ?? undefined}
            placeholder="年度"
            style={{ width: 110 }}
            onChange={setYear}
            options={reportYears().map((y) => ({ value: y, label: `${y}年` }))}
          />
        }
      />
      {chosen.year !== null && "fellBack" in chosen && chosen.fellBack ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${thisYear}年${regionName}尚无服务场次记录，以下为${thisYear - 1}年数据。`}
          action={
            <Button size="small" type="link" onClick={() => setYear(thisYear)}>
              看{thisYear}年
            </Button>
          }
        />
      ) : null}
      <Section
        icon={<ToolOutlined />}
        title="劳模工匠助企行"
        words={year === null ? undefined : `${year}年六项指标，与${year - 1}年${summary.data?.previousThrough ? "同期" : ""}对比`}
        link={
          <Link to={year === null ? "/stats" : `/stats?year=${year}`}>
            统计分析 <RightOutlined />
          </Link>
        }
      >
        {cards}
      </Section>
      {canCampaigns ? (
        <Section
          icon={<FlagOutlined />}
          title="专项行动"
          words={campaignWords}
          link={
            <Link to={year === null ? "/campaigns" : `/campaigns?year=${year}`}>
              全部行动 <RightOutlined />
            </Link>
          }
        >
          {campaignTiles}
        </Section>
      ) : null}
    </>
  );
}
