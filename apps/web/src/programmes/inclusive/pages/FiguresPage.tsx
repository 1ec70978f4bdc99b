import { gigPlatformLabels, unionFormationLabels, type GigPlatform } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Flex, Progress, Row, Skeleton, Statistic, Table, Typography } from "antd";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { fetchFigures, inclusiveKeys } from "../api";

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const kindLabel = (k: string) => (unionFormationLabels as Record<string, string>)[k] ?? ({ county: "县级总工会直属", grassroots: "基层工会" } as Record<string, string>)[k] ?? k;

/**
 * 9+X 统计 for staff: members now (by county, occupation, platform, union kind), new members per
 * month, and participation — members with at least one benefit this year — per county and per item,
 * against the target share (湖州's 95%). Counted from records at the time of asking.
 */
export function FiguresPage() {
  const year = new Date().getFullYear();
  const figures = useQuery({ queryKey: inclusiveKeys.figures(year, undefined), queryFn: ({ signal }) => fetchFigures(year, undefined, signal) });
  if (figures.isPending) return <Skeleton active />;
  if (figures.isError) return <QueryErrorResult error={figures.error} onRetry={() => void figures.refetch()} />;
  const f = figures.data;
  const small = (title: string, rows: { key: string; count: number }[], label: (k: string) => string = (k) => k) => (
    <Card title={title} size="small">
      <Table size="small" rowKey="key" pagination={false} dataSource={rows} columns={[{ title: "", dataIndex: "key", render: label }, { title: "会员", dataIndex: "count", align: "right" }]} />
    </Card>
  );
  return (
    <>
      <PageHeader title="普惠服务统计" description={`${f.year}年：会员、新入会与各项普惠服务参与率(享受过至少一项服务的会员占会员数)，对照目标${pct(f.participationTarget)}。`} />
      <Flex vertical gap={16}>
        <Flex gap={16} wrap>
          <Card size="small"><Statistic title="在会会员" value={f.members} suffix="人" /></Card>
          <Card size="small"><Statistic title="本年新入会" value={f.newMembersByMonth.reduce((n, m) => n + m.count, 0)} suffix="人" /></Card>
          <Card size="small"><Statistic title="享受服务会员" value={f.participants} suffix="人" /></Card>
          <Card size="small" style={{ minWidth: 220 }}>
            <Statistic title={`参与率(目标${pct(f.participationTarget)})`} value={pct(f.participationRate)} />
            <Progress percent={Math.round(f.participationRate * 100)} success={{ percent: Math.round(f.participationTarget * 100) }} showInfo={false} />
          </Card>
        </Flex>
        <Card title="各项目参与情况">
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={f.byItem}
            columns={[
              { title: "服务项目", dataIndex: "name" },
              { title: "人次", dataIndex: "rows", align: "right" },
              { title: "人数", dataIndex: "participants", align: "right" },
              { title: "占会员", dataIndex: "rate", align: "right", render: pct },
            ]}
          />
        </Card>
        <Card title="各县(市、区)参与率">
          <Table
            size="small"
            rowKey="code"
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            dataSource={f.byCounty}
            columns={[
              { title: "县(市、区)", dataIndex: "name" },
              { title: "会员", dataIndex: "members", align: "right", sorter: (a, b) => a.members - b.members },
              { title: "享受服务", dataIndex: "participants", align: "right" },
              {
                title: "参与率",
                dataIndex: "rate",
                align: "right",
                sorter: (a, b) => a.rate - b.rate,
                render: (v: number) => <Typography.Text type={v >= f.participationTarget ? "success" : undefined}>{pct(v)}</Typography.Text>,
              },
            ]}
          />
        </Card>
        <Card title="新入会(按月)">
          <Table size="small" rowKey="month" pagination={false} scroll={{ x: "max-content" }} dataSource={f.newMembersByMonth} columns={[{ title: "月份", dataIndex: "month" }, { title: "新入会", dataIndex: "count", align: "right" }]} />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>{small("按职业", f.byOccupation)}</Col>
          <Col xs={24} md={8}>{small("按平台", f.byPlatform, (k) => gigPlatformLabels[k as GigPlatform] ?? k)}</Col>
          <Col xs={24} md={8}>{small("按建会方式", f.byUnionKind, kindLabel)}</Col>
        </Row>
      </Flex>
    </>
  );
}
