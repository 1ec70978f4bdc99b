import { enterpriseSizeLabels, enterpriseSizes, type StatsEnterpriseRow, type StatsSessionRow } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { ResponsiveTable } from "../../../../app/components/ResponsiveTable";
import { ExportButton } from "../../../../modules/imports/components/ExportButton";
import { getCountyEnterprises, getCountySessions, statsQueryKeys } from "../api";
import { YuanText } from "./YuanText";

export const countyPageSize = 10;

interface CountyDrillDownProps {
  code: string;
  name: string;
  year: number;
  enterprisePage: number;
  sessionPage: number;
  compact: boolean;
  onPage: (table: "enterprisePage" | "sessionPage", page: number) => void;
}

const sizeLabel = (size: string) => ((enterpriseSizes as readonly string[]).includes(size) ? enterpriseSizeLabels[size as (typeof enterpriseSizes)[number]] : size);

/**
 * A county's year in detail: the enterprises its sessions served and the sessions themselves, each
 * pageable and exportable. A phone folds the money, size, last-visit and per-session columns into each
 * row's ⊕ (ResponsiveTable) rather than dropping them.
 */
export function CountyDrillDown({ code, name, year, enterprisePage, sessionPage, compact, onPage }: CountyDrillDownProps) {
  const enterpriseQuery = { year, page: enterprisePage, pageSize: countyPageSize };
  const sessionQuery = { year, page: sessionPage, pageSize: countyPageSize };
  const enterprises = useQuery({
    queryKey: statsQueryKeys.countyEnterprises(code, enterpriseQuery),
    queryFn: ({ signal }) => getCountyEnterprises(code, enterpriseQuery, signal),
    placeholderData: keepPreviousData,
  });
  const sessions = useQuery({
    queryKey: statsQueryKeys.countySessions(code, sessionQuery),
    queryFn: ({ signal }) => getCountySessions(code, sessionQuery, signal),
    placeholderData: keepPreviousData,
  });

  const enterpriseColumns: ColumnsType<StatsEnterpriseRow> = [
    { key: "name", title: "企业", dataIndex: "name", render: (text: string, row) => <Link to={`/enterprises/${encodeURIComponent(row.id)}`}>{text}</Link> },
    { key: "size", title: "规模", dataIndex: "size", width: 70, responsive: ["md"], render: sizeLabel },
    { key: "sessions", title: "服务场次", dataIndex: "sessions", align: "right", width: compact ? 56 : 90 },
    { key: "problemsSolved", title: compact ? "解决难题" : "解决问题(个)", dataIndex: "problemsSolved", align: "right", width: compact ? 56 : 110 },
    { key: "est", title: "效益·预估(万元)", dataIndex: "benefitEstimatedYuan", align: "right", responsive: ["md"], render: (yuan: string) => <YuanText yuan={yuan} /> },
    { key: "ver", title: "效益·已核实(万元)", dataIndex: "benefitVerifiedYuan", align: "right", responsive: ["md"], render: (yuan: string) => <YuanText yuan={yuan} /> },
    { key: "lastVisit", title: "最近走访", dataIndex: "lastVisit", width: 110, responsive: ["md"] },
  ];
  const sessionColumns: ColumnsType<StatsSessionRow> = [
    { key: "date", title: "日期", dataIndex: "date", width: compact ? 92 : 110 },
    {
      key: "title",
      title: "场次",
      dataIndex: "title",
      render: (text: string, row) => (
        <>
          <Link to={`/service-sessions/${encodeURIComponent(row.id)}`}>{text}</Link>
          {row.campaignId && !compact ? (
            <Tag color="blue" style={{ marginLeft: 6 }}>
              专项行动
            </Tag>
          ) : null}
        </>
      ),
    },
    { key: "teamSize", title: compact ? "专家" : "专家(人次)", dataIndex: "teamSize", align: "right", width: compact ? 48 : 96 },
    { key: "enterprises", title: "企业(家)", dataIndex: "enterprises", align: "right", width: 86, responsive: ["md"] },
    { key: "problems", title: "难题 已解决/记录", align: "right", width: 130, responsive: ["md"], render: (_: unknown, row: StatsSessionRow) => `${row.problemsSolved} / ${row.problems}` },
    { key: "trainees", title: "培训(人次)", dataIndex: "trainees", align: "right", width: 96, responsive: ["md"] },
  ];

  const pager = (page: number, total: number, table: "enterprisePage" | "sessionPage") => ({
    current: page,
    pageSize: countyPageSize,
    total,
    showSizeChanger: false,
    size: "small" as const,
    showTotal: (n: number) => `共 ${n.toLocaleString("zh-CN")} 条`,
    onChange: (next: number) => onPage(table, next),
  });

  return (
    <>
      <Card
        title={`${year}年${name}服务企业`}
        extra={<ExportButton url={`/api/stats/county/${encodeURIComponent(code)}/enterprises/export`} query={{ year }} />}
        style={{ marginBottom: 16 }}
        styles={{ body: { padding: compact ? 0 : undefined }, header: { flexWrap: "wrap" } }}
      >
        {enterprises.isError ? (
          <QueryErrorResult error={enterprises.error} onRetry={() => void enterprises.refetch()} title="服务企业加载失败" />
        ) : (
          <ResponsiveTable<StatsEnterpriseRow>
            rowKey="id"
            size="small"
            columns={enterpriseColumns}
            dataSource={enterprises.data?.items}
            loading={enterprises.isFetching}
            pagination={pager(enterprisePage, enterprises.data?.total ?? 0, "enterprisePage")}
            locale={{ emptyText: `${year}年${name}的服务场次还没有走访企业` }}
          />
        )}
      </Card>
      <Card
        title={`${year}年${name}服务场次`}
        extra={<ExportButton url={`/api/stats/county/${encodeURIComponent(code)}/sessions/export`} query={{ year }} />}
        styles={{ body: { padding: compact ? 0 : undefined } }}
      >
        {sessions.isError ? (
          <QueryErrorResult error={sessions.error} onRetry={() => void sessions.refetch()} title="服务场次加载失败" />
        ) : (
          <ResponsiveTable<StatsSessionRow>
            rowKey="id"
            size="small"
            columns={sessionColumns}
            dataSource={sessions.data?.items}
            loading={sessions.isFetching}
            pagination={pager(sessionPage, sessions.data?.total ?? 0, "sessionPage")}
            locale={{ emptyText: `${year}年${name}还没有服务场次` }}
          />
        )}
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        服务企业为该县当年服务场次走访过的企业，条数即该县的“服务企业”数；场次按日期由近及远排列。
      </Typography.Paragraph>
    </>
  );
}
