import { campaignRegionStatusLabels, priorityKindLabels, type Campaign, type CampaignRegionRow } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, Flex, Progress, Skeleton, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { ResponsiveTable } from "../../../../app/components/ResponsiveTable";
import { useIsMobile } from "../../../../app/useIsMobile";
import { ExportButton } from "../../../../modules/imports/components/ExportButton";
import { getCampaignRegions } from "../api";
import { campaignQueryKeys } from "../campaignQueryKeys";
import { campaignRegionsCaption, percentOf } from "../campaignRegionsCaption";
import { shareText } from "../shareText";
import { campaignTargetFields } from "../targetProgress";

const count = (n: number) => n.toLocaleString("zh-CN");

function StatusTag({ row }: { row: CampaignRegionRow }) {
  if (!row.status) return null;
  return (
    <Tag color={row.status === "ahead" ? "success" : "error"} style={{ marginInlineEnd: 0 }}>
      {campaignRegionStatusLabels[row.status]}
    </Tag>
  );
}

function RatioCell({ row, pace }: { row: CampaignRegionRow; pace: number }) {
  if (row.ratio === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const percent = percentOf(row.ratio);
  return (
    <Flex align="center" gap={8} style={{ minWidth: 120 }}>
      <Progress
        percent={Math.min(100, percent)}
        size="small"
        showInfo={false}
        status={row.status === "behind" ? "exception" : "success"}
        style={{ flex: 1, margin: 0 }}
        aria-label={`完成率${percent}%，时间进度${percentOf(pace)}%`}
      />
      <Typography.Text strong style={{ minWidth: 40, textAlign: "right" }}>
        {percent}%
      </Typography.Text>
      <StatusTag row={row} />
    </Flex>
  );
}

function RegionName({ row }: { row: CampaignRegionRow }) {
  return (
    <Flex vertical gap={0}>
      <span>
        {row.name}
        {row.priority.map((kind) => (
          <Tag key={kind} color={kind === "mountainous" ? "green" : "orange"} style={{ marginLeft: 4, marginInlineEnd: 0, fontSize: 11, lineHeight: "16px", paddingInline: 4 }}>
            {priorityKindLabels[kind].replace("县", "")}
          </Tag>
        ))}
      </span>
      {row.cityName ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {row.cityName}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** Done, and against its share when the campaign set that target. */
function FigureCell({ done, share }: { done: number; share: number | undefined }) {
  if (share === undefined) return <>{count(done)}</>;
  return (
    <span>
      <Typography.Text type={done >= share ? "success" : undefined}>{count(done)}</Typography.Text>
      <Typography.Text type="secondary"> / {shareText(share)}</Typography.Text>
    </span>
  );
}

/**
 * The campaign's counties against an even share of its targets, behind first, with the Excel file
 * of the same rows. A phone keeps the county and its rating, the targeted figures under the name, and
 * every figure column (服务企业 and 解决问题 too) in the row's ⊕ fold.
 */
export function CampaignRegionsCard({ campaign }: { campaign: Campaign }) {
  const isMobile = useIsMobile();
  const regions = useQuery({ queryKey: campaignQueryKeys.regions(campaign.id), queryFn: ({ signal }) => getCampaignRegions(campaign.id, signal) });
  const hasTargets = campaignTargetFields.some((f) => campaign.targets[f.key] !== undefined);
  const title = "各地进度：领先与落后";
  const exportButton = <ExportButton url={`/api/campaigns/${encodeURIComponent(campaign.id)}/regions/export`} query={{}} />;

  if (regions.isPending) {
    return (
      <Card title={title}>
        <Skeleton active paragraph={{ rows: 5 }} />
      </Card>
    );
  }
  if (regions.isError) {
    return (
      <Card title={title}>
        <QueryErrorResult error={regions.error} onRetry={() => void regions.refetch()} />
      </Card>
    );
  }
  const data = regions.data;
  const figureColumns: ColumnsType<CampaignRegionRow> = campaignTargetFields.map((f) => ({
    key: f.key,
    title: campaign.targets[f.key] === undefined ? `${f.label}(${f.unit})` : `${f.label}(${f.unit}) 完成/应完成`,
    align: "right",
    responsive: ["md"],
    sorter: (a, b) => a.progress[f.key] - b.progress[f.key],
    render: (_: unknown, row) => <FigureCell done={row.progress[f.key]} share={row.share[f.key]} />,
  }));
  const columns: ColumnsType<CampaignRegionRow> = [
    {
      key: "name",
      title: "县(市、区)",
      render: (_: unknown, row) =>
        isMobile ? (
          <Flex vertical gap={2}>
            <RegionName row={row} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {campaignTargetFields
                .filter((f) => row.share[f.key] !== undefined)
                .map((f) => `${f.label} ${count(row.progress[f.key])}/${shareText(row.share[f.key] ?? 0)}`)
                .join(" · ")}
            </Typography.Text>
          </Flex>
        ) : (
          <RegionName row={row} />
        ),
    },
    ...figureColumns,
    ...(hasTargets
      ? [
          {
            key: "ratio",
            title: "完成率",
            width: isMobile ? 150 : 220,
            sorter: (a: CampaignRegionRow, b: CampaignRegionRow) => (a.ratio ?? 0) - (b.ratio ?? 0),
            render: (_: unknown, row: CampaignRegionRow) => <RatioCell row={row} pace={data.pace} />,
          },
        ]
      : []),
  ];
  const behind = data.rows.filter((r) => r.status === "behind").length;
  const ahead = data.rows.filter((r) => r.status === "ahead").length;

  return (
    <Card title={title} extra={data.rows.length > 0 ? exportButton : null}>
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        {behind + ahead > 0 ? (
          <Flex gap={8} wrap>
            <Tag color="error">落后 {behind} 个县</Tag>
            <Tag color="success">领先 {ahead} 个县</Tag>
            {data.rows.length < data.counties ? <Typography.Text type="secondary">您的辖区内 {data.rows.length} 个县，行动共覆盖 {data.counties} 个县</Typography.Text> : null}
          </Flex>
        ) : null}
        <Typography.Text type="secondary">{campaignRegionsCaption(data, hasTargets)}</Typography.Text>
      </Flex>
      <ResponsiveTable<CampaignRegionRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={data.rows}
        pagination={data.rows.length > 30 ? { pageSize: 30, showSizeChanger: false, size: "small" } : false}
        scroll={isMobile ? undefined : { x: 900 }}
        locale={{ emptyText: "该行动在您的辖区内没有覆盖的县" }}
      />
    </Card>
  );
}
