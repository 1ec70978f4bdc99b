import { useQuery } from "@tanstack/react-query";
import { Card, Col, Progress, Row, Statistic, Table, type TableColumnsType } from "antd";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { fetchStats, upskillingKeys } from "../api";

type CityRow = { cityCode: string; cityName: string; quota: number; applications: number; pending: number; approved: number; paid: number; failed: number; rejected: number };

/** 双提升 figures: per city against its quota, the year's target, and the median days from submission to payment. */
export function StatsPage() {
  const stats = useQuery({ queryKey: upskillingKeys.stats(undefined), queryFn: ({ signal }) => fetchStats(undefined, signal) });
  if (stats.isError) return <QueryErrorResult error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  const sum = (k: keyof Omit<CityRow, "cityCode" | "cityName">) => (s?.cities ?? []).reduce((a, c) => a + c[k], 0);
  const quota = sum("quota");
  const columns: TableColumnsType<CityRow> = [
    { title: "地市", dataIndex: "cityName", key: "city" },
    { title: "名额", key: "quota", align: "right", render: (_, c) => c.quota.toLocaleString("zh-CN") },
    { title: "申请", dataIndex: "applications", key: "applications", align: "right" },
    { title: "待审核", dataIndex: "pending", key: "pending", align: "right", responsive: ["md"] },
    { title: "已通过", dataIndex: "approved", key: "approved", align: "right" },
    { title: "已发放", dataIndex: "paid", key: "paid", align: "right" },
    { title: "发放失败", dataIndex: "failed", key: "failed", align: "right", responsive: ["md"] },
    { title: "名额使用", key: "use", width: 160, responsive: ["sm"], render: (_, c) => <Progress percent={c.quota > 0 ? Math.min(100, Math.ceil((c.approved / c.quota) * 100)) : 0} size="small" /> },
  ];
  return (
    <>
      <PageHeader title="双提升统计" description={`${s?.year ?? ""}年度：各市申请、审核通过、发放人数对照名额；全省目标 ${(s?.target ?? 0).toLocaleString("zh-CN")} 人。`} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card loading={stats.isPending}><Statistic title="申请人数" value={sum("applications")} /></Card></Col>
        <Col xs={12} md={6}><Card loading={stats.isPending}><Statistic title="审核通过" value={sum("approved")} suffix={`/ ${quota.toLocaleString("zh-CN")}`} /></Card></Col>
        <Col xs={12} md={6}><Card loading={stats.isPending}><Statistic title="已发放" value={sum("paid")} suffix="人" /></Card></Col>
        <Col xs={12} md={6}>
          <Card loading={stats.isPending}>
            <Statistic title="提交到发放(中位数)" value={s?.medianDaysToPayment ?? "—"} suffix={s?.medianDaysToPayment == null ? undefined : "天"} />
          </Card>
        </Col>
      </Row>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<CityRow> rowKey="cityCode" size="middle" loading={stats.isPending} dataSource={s?.cities ?? []} columns={columns} pagination={false} scroll={{ x: "max-content" }} />
      </Card>
    </>
  );
}
