import type { DashboardFigure } from "@jiangxin/domain";
import { Button, Card, Flex, Progress, Switch, Tag, Tooltip, Typography } from "antd";
import { Link } from "react-router-dom";
import { formatFigure, formatShare, recordsLink, statusColors, statusLabel } from "../figureText";
import { DefinitionPopover } from "./DefinitionPopover";

interface FigureCardProps {
  figure: DashboardFigure;
  regionCode: string;
  onBreakdown: () => void;
  /** Present for the province: publish the figure on the public page or take it off. */
  publish?: { onChange: (published: boolean) => void; pending: boolean };
}

const shownLagging = 6;

/**
 * One figure on the 驾驶舱: its value against the approved target, the share done beside the share of
 * the year gone, a status, and the regions below the reader that are behind, by name.
 */
export function FigureCard({ figure: f, regionCode, onBreakdown, publish }: FigureCardProps) {
  const noData = f.status === "noData";
  const more = f.lagging.length - shownLagging;
  return (
    <Card style={{ height: "100%" }} styles={{ body: { padding: "14px 16px" } }} data-figure={f.key}>
      <Flex justify="space-between" align="flex-start" gap={4}>
        <Flex gap={6} align="center" wrap style={{ minWidth: 0 }}>
          <Typography.Text strong>{f.label}</Typography.Text>
          <Tag color={statusColors[f.status]} style={{ marginInlineEnd: 0 }}>
            {statusLabel(f.status)}
          </Tag>
        </Flex>
        <DefinitionPopover title={f.label} definition={f.definition} />
      </Flex>
      <div style={{ fontSize: 26, fontWeight: 600, margin: "6px 0 2px", color: noData ? "rgba(0,0,0,0.35)" : undefined }}>{noData ? "无数据" : formatFigure(f.value, f.unit)}</div>
      {f.target !== null && f.share !== null ? (
        <>
          <Typography.Text type="secondary">
            目标 {formatFigure(f.target, f.unit)} · 完成 {formatShare(f.share)} · 时间进度 {formatShare(f.expected)}
          </Typography.Text>
          <Tooltip title={`完成 ${formatShare(f.share)}，应达 ${formatShare(f.expected)}`}>
            <Progress
              percent={Math.min(100, Math.round(f.share * 1000) / 10)}
              strokeColor={f.status === "lagging" ? "#ff4d4f" : f.status === "ahead" ? "#52c41a" : undefined}
              showInfo={false}
              aria-label={`${f.label}完成${formatShare(f.share)}`}
            />
          </Tooltip>
        </>
      ) : (
        <Typography.Text type="secondary">{noData ? "无记录，未设目标" : "未设年度目标"}</Typography.Text>
      )}
      {f.lagging.length > 0 ? (
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="danger" style={{ marginInlineEnd: 4 }}>
            滞后地区
          </Typography.Text>
          {f.lagging.slice(0, shownLagging).map((l) => (
            <Tooltip key={l.code} title={`${formatFigure(l.value, f.unit)} / 目标 ${formatFigure(l.target, f.unit)}，完成 ${formatShare(l.share)}`}>
              <Tag color="red" style={{ marginTop: 4 }}>
                {l.name}
              </Tag>
            </Tooltip>
          ))}
          {more > 0 ? <Typography.Text type="secondary">等 {f.lagging.length} 个</Typography.Text> : null}
        </div>
      ) : null}
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 8 }}>
        <Flex gap={12}>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={onBreakdown}>
            分地区
          </Button>
          {f.recordsPath ? (
            <Link to={recordsLink(f.recordsPath, regionCode)} style={{ fontSize: 14 }}>
              查看记录
            </Link>
          ) : null}
        </Flex>
        {publish ? (
          <Flex gap={6} align="center">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              公开
            </Typography.Text>
            <Switch size="small" checked={f.published} loading={publish.pending} onChange={publish.onChange} aria-label={`公开${f.label}`} />
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
