import type { DashboardBreakdown } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Breadcrumb, Drawer, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useIsMobile } from "../../../app/useIsMobile";
import { getBreakdown, leadershipKeys } from "../api";
import { formatFigure, formatShare, recordsLink, statusColors, statusLabel } from "../figureText";

type Row = DashboardBreakdown["rows"][number];

/** One figure by the regions under the reader, a city's row opening its counties (drill-down). */
export function BreakdownDrawer({ figure, year, rootCode, onClose }: { figure: { key: string; label: string; recordsPath: string | null } | null; year: number; rootCode: string; onClose: () => void }) {
  const mobile = useIsMobile();
  const [path, setPath] = useState<{ code: string; name: string }[]>([]);
  const regionCode = path.at(-1)?.code ?? rootCode;
  const query = useQuery({
    queryKey: leadershipKeys.breakdown(figure?.key ?? "", year, regionCode),
    queryFn: ({ signal }) => getBreakdown(figure?.key ?? "", year, regionCode, signal),
    enabled: figure !== null,
  });
  const d = query.data;
  const unit = d?.unit ?? "";
  const columns = [
    {
      title: "地区",
      dataIndex: "name",
      key: "name",
      render: (name: string, r: Row) =>
        r.level === "city" ? (
          <Typography.Link onClick={() => setPath((p) => [...p, { code: r.code, name: r.name }])}>{name}</Typography.Link>
        ) : (
          name
        ),
    },
    { title: "完成", dataIndex: "value", key: "value", align: "right" as const, render: (v: number) => formatFigure(v, unit, "table") },
    { title: "目标", dataIndex: "target", key: "target", align: "right" as const, render: (v: number | null) => (v === null ? "—" : formatFigure(v, unit, "table")) },
    { title: "完成率", dataIndex: "share", key: "share", align: "right" as const, render: (v: number | null) => (v === null ? "—" : formatShare(v)) },
    { title: "状态", dataIndex: "status", key: "status", render: (s: Row["status"]) => <Tag color={statusColors[s]}>{statusLabel(s)}</Tag> },
    ...(figure?.recordsPath
      ? [{ title: "记录", key: "records", render: (_: unknown, r: Row) => <Link to={recordsLink(figure.recordsPath ?? "", r.code)}>查看</Link> }]
      : []),
  ];
  return (
    <Drawer
      open={figure !== null}
      onClose={() => {
        setPath([]);
        onClose();
      }}
      width={mobile ? "100%" : 640}
      title={figure ? `${figure.label} · 分地区` : ""}
    >
      {path.length > 0 ? (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[{ code: rootCode, name: "全部" }, ...path].map((p, i) => ({
            key: p.code,
            title: i === path.length ? p.name : <Typography.Link onClick={() => setPath(path.slice(0, i))}>{p.name}</Typography.Link>,
          }))}
        />
      ) : null}
      {query.isError ? <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} /> : null}
      {d ? (
        <Typography.Paragraph type="secondary">
          {d.region.name}：{formatFigure(d.total.value, unit)}
          {d.total.target !== null ? `，目标 ${formatFigure(d.total.target, unit)}，完成 ${formatShare(d.total.share ?? 0)}` : "，未设目标"}；时间进度 {formatShare(d.expected)}。
          滞后：完成率低于应达进度10个百分点以上。
        </Typography.Paragraph>
      ) : null}
      <Table<Row> size="small" rowKey="code" loading={query.isPending} dataSource={d?.rows ?? []} columns={columns} pagination={false} scroll={{ x: 480 }} />
    </Drawer>
  );
}
