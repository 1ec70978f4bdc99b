import { todayInChina } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Select, Table } from "antd";
import { useState } from "react";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { request, type Parser } from "../../../app/request";

type Count = { contestants: number; winners: number };
type Stats = {
  year: number;
  byCity: ({ code: string; name: string } & Count)[];
  byTrade: ({ tradeName: string } & Count)[];
  bySex: ({ sex: "male" | "female" | "unknown" } & Count)[];
  goldBlueCollarByYear: { year: number; approved: number }[];
};
const stats: Parser<Stats> = { parse: (d) => d as Stats };
const sexLabels = { male: "男", female: "女", unknown: "未知" } as const;
const countColumns = [
  { title: "参赛选手(人次)", dataIndex: "contestants", key: "c", align: "right" as const, width: 130 },
  { title: "获奖(人次)", dataIndex: "winners", key: "w", align: "right" as const, width: 110 },
];

/** 竞赛统计: a year's contestants and prize-winners by city, trade and sex, and 金蓝领 per year, within the reader's region. */
export function CompetitionStatsPage() {
  const thisYear = Number(todayInChina(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear - 1);
  const q = useQuery({ queryKey: ["competitions", "stats", year], queryFn: () => request("/api/competitions/stats", { query: { year }, schema: stats }) });
  return (
    <>
      <PageHeader
        title="竞赛统计"
        description="选手按工作所在地计；获奖指成绩确定后获一、二、三等奖及优胜奖。竞赛场次对照年度目标见驾驶舱。"
        extra={<Select aria-label="年度" value={year} onChange={setYear} style={{ width: 120 }} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} />}
      />
      {q.isError ? (
        <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title="按设区市" styles={{ body: { padding: 0 } }}>
              <Table rowKey="code" size="small" loading={q.isPending} pagination={false} dataSource={q.data?.byCity ?? []} columns={[{ title: "市", dataIndex: "name", key: "n" }, ...countColumns]} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="按职业(工种)" styles={{ body: { padding: 0 } }}>
              <Table rowKey="tradeName" size="small" loading={q.isPending} pagination={false} dataSource={q.data?.byTrade ?? []} columns={[{ title: "职业", dataIndex: "tradeName", key: "n" }, ...countColumns]} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="按性别" styles={{ body: { padding: 0 } }}>
              <Table rowKey="sex" size="small" loading={q.isPending} pagination={false} dataSource={q.data?.bySex ?? []} columns={[{ title: "性别", dataIndex: "sex", key: "n", render: (s: keyof typeof sexLabels) => sexLabels[s] }, ...countColumns]} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="浙江金蓝领(已认定，按年度)" styles={{ body: { padding: 0 } }}>
              <Table rowKey="year" size="small" loading={q.isPending} pagination={false} dataSource={q.data?.goldBlueCollarByYear ?? []} columns={[{ title: "年度", dataIndex: "year", key: "y" }, { title: "人数", dataIndex: "approved", key: "a", align: "right" as const }]} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
