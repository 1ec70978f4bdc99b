import { occupationLabels, todayInChina, upgradeRuleDefinition, type StationCountyStats } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Flex, Row, Select, Statistic, Table, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { ExportButton } from "../../../modules/imports/components/ExportButton";
import { stationKeys, stationsApi } from "../api";

/** Counts with thousands separators (12,345), as 统计 pages show them. */
const thousands = (n: number) => n.toLocaleString("zh-CN");

/** 统计: per county — stations, 24 h, upgrades claimed vs counted by the rule, reports and response times, visits. */
export function StationStatsPage() {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInChina(new Date()).slice(0, 4));
  const year = Number(params.get("year") ?? thisYear);
  const stats = useQuery({ queryKey: [...stationKeys.all, "stats", year], queryFn: ({ signal }) => stationsApi.stats(year, signal) });
  const sum = (f: (c: StationCountyStats) => number) => (stats.data?.counties ?? []).reduce((s, c) => s + f(c), 0);
  return (
    <>
      <PageHeader
        title="服务站统计"
        description="提升改造“认定数”按规则从记录算出，与县级“申报数”对照；年度目标与完成率见驾驶舱。"
        extra={
          <>
            <Select aria-label="年度" value={year} style={{ width: 110 }} onChange={(v) => setParams({ year: String(v) })} options={[thisYear, thisYear - 1].map((y) => ({ value: y, label: `${y}年` }))} />
            <ExportButton url="/api/stations/stats/export" query={{ year }} />
          </>
        }
      />
      {stats.isError ? (
        <QueryErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            {[
              ["服务站", sum((c) => c.stations)],
              ["24小时站点", sum((c) => c.stations24h)],
              ["提升改造申报", sum((c) => c.claimed)],
              ["提升改造认定", sum((c) => c.counted)],
              ["问题报告", sum((c) => c.reports)],
              ["签到人次", sum((c) => c.visits)],
            ].map(([label, value]) => (
              <Col key={label} xs={12} md={8} lg={4}>
                <Card size="small" loading={stats.isPending}>
                  <Statistic title={label} value={value} data-testid={`stat-${label}`} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title="认定规则">
            <Typography.Paragraph style={{ margin: 0 }}>{upgradeRuleDefinition}</Typography.Paragraph>
          </Card>
          <Card styles={{ body: { padding: 0 } }}>
            <Table<StationCountyStats>
              rowKey="countyCode"
              size="small"
              loading={stats.isPending}
              dataSource={stats.data?.counties ?? []}
              scroll={{ x: "max-content" }}
              pagination={{ pageSize: 30, showSizeChanger: false }}
              columns={[
                { title: "设区市", dataIndex: "cityName", key: "city", width: 90 },
                { title: "县(市、区)", dataIndex: "countyName", key: "county", width: 100 },
                { title: "站点", dataIndex: "stations", key: "stations", align: "right", sorter: (a, b) => a.stations - b.stations, render: (v: number) => thousands(v) },
                { title: "24小时", dataIndex: "stations24h", key: "h24", align: "right" },
                { title: "申报", dataIndex: "claimed", key: "claimed", align: "right" },
                { title: "认定", dataIndex: "counted", key: "counted", align: "right", render: (v: number, c) => (v < c.claimed ? <Typography.Text type="warning">{v}</Typography.Text> : v) },
                { title: "报告", dataIndex: "reports", key: "reports", align: "right" },
                { title: "待答复", dataIndex: "reportsOpen", key: "open", align: "right", render: (v: number, c) => (c.reportsOverdue > 0 ? <Typography.Text type="danger">{v}(逾期{c.reportsOverdue})</Typography.Text> : v) },
                { title: "平均答复(小时)", dataIndex: "meanResponseHours", key: "mean", align: "right", render: (v: number | null) => v ?? "—" },
                { title: "签到", dataIndex: "visits", key: "visits", align: "right", sorter: (a, b) => a.visits - b.visits, render: (v: number) => thousands(v) },
              ]}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Card size="small" title="签到人次·按职业">
                {(stats.data?.visitsByOccupation ?? []).map((v) => (
                  <Flex key={v.occupation} justify="space-between"><span>{occupationLabels[v.occupation]}</span><span>{thousands(v.visits)}</span></Flex>
                ))}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title="签到人次·按时段">
                {(stats.data?.visitsByHour ?? []).map((v) => (
                  <Flex key={v.hour} justify="space-between"><span>{v.hour}:00–{v.hour + 1}:00</span><span>{thousands(v.visits)}</span></Flex>
                ))}
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </>
  );
}
