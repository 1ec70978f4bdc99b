import { QuestionCircleOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Card, Checkbox, Flex, Progress, Segmented, Skeleton, Statistic, Table, Tooltip, Typography } from "antd";
import { useState } from "react";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useIsMobile } from "../../../app/useIsMobile";
import { getUnionCoverage } from "../api";
import { unionQueryKeys } from "../unionQueryKeys";

const sizeChoices = [
  { value: "large", label: "大型" },
  { value: "large,medium", label: "大中型" },
  { value: "large,medium,small,micro", label: "全部" },
];
const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`);

/** 建会率: the share of the chosen firms covered by a grassroots union, counted from records, with its definition. */
export function CoverageCard({ regionCode }: { regionCode?: string | undefined }) {
  const isMobile = useIsMobile();
  const [sizes, setSizes] = useState("large,medium");
  const [nonPublicOnly, setNonPublicOnly] = useState(false);
  const query = { sizes, nonPublicOnly, regionCode };
  const coverage = useQuery({ queryKey: unionQueryKeys.coverage(query), queryFn: ({ signal }) => getUnionCoverage(query, signal) });
  const data = coverage.data;
  return (
    <Card
      title={
        <span>
          建会率{" "}
          {data ? (
            <Tooltip title={data.definition}>
              <QuestionCircleOutlined aria-label="口径" style={{ color: "rgba(0,0,0,0.45)" }} />
            </Tooltip>
          ) : null}
        </span>
      }
      extra={
        <Flex gap={8} wrap align="center">
          <Segmented size="small" options={sizeChoices} value={sizes} onChange={(v) => setSizes(v)} />
          <Checkbox checked={nonPublicOnly} onChange={(e) => setNonPublicOnly(e.target.checked)}>
            仅非公
          </Checkbox>
        </Flex>
      }
      style={{ marginBottom: 16 }}
      styles={{ header: { flexWrap: "wrap", gap: 8, paddingBlock: 8 } }}
    >
      {coverage.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : coverage.isError ? (
        <QueryErrorResult error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : data ? (
        <Flex gap={isMobile ? 12 : 24} vertical={isMobile} align={isMobile ? "stretch" : "flex-start"}>
          <div style={{ minWidth: 180 }}>
            <Statistic title="已建会企业占比" value={percent(data.total.share)} />
            <Progress percent={Math.round((data.total.share ?? 0) * 1000) / 10} showInfo={false} />
            <Typography.Text type="secondary">
              {data.total.covered.toLocaleString("zh-CN")} / {data.total.enterprises.toLocaleString("zh-CN")} 家
            </Typography.Text>
          </div>
          <div style={{ flex: 1, minWidth: 0, width: "100%" }}>
            <Table
              rowKey="countyCode"
              size="small"
              dataSource={data.rows}
              pagination={data.rows.length > 8 ? { pageSize: 8, size: "small", showSizeChanger: false } : false}
              locale={{ emptyText: "辖区内没有所选规模的企业" }}
              columns={[
                { title: "县(市、区)", key: "county", render: (_, r) => (isMobile ? r.countyName : `${r.cityName} ${r.countyName}`) },
                { title: "企业", dataIndex: "enterprises", align: "right", width: isMobile ? 56 : 70 },
                { title: "已建会", dataIndex: "covered", align: "right", width: isMobile ? 64 : 70 },
                { title: "建会率", key: "share", align: "right", width: isMobile ? 76 : 80, sorter: (a, b) => (a.share ?? 0) - (b.share ?? 0), render: (_, r) => percent(r.share) },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
              {data.definition}
            </Typography.Paragraph>
          </div>
        </Flex>
      ) : null}
    </Card>
  );
}
