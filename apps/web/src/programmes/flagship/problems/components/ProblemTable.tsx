import { trades, urgencyLabels, type Problem } from "@jiangxin/domain";
import { Tag, Typography, type TableColumnsType, type TablePaginationConfig } from "antd";
import { ResponsiveTable } from "../../../../app/components/ResponsiveTable";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { useIsMobile } from "../../../../app/useIsMobile";
import { ExpertName } from "../../experts/ExpertName";
import { urgencyColors } from "../problemLabels";
import { ProblemStatusTag } from "./ProblemStatusTag";

type Row = Problem & { idleDays?: number; lastActivityAt?: string };

interface ProblemTableProps {
  items: Row[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  empty: ReactNode;
  /** The overdue list shows how long each has been idle and when anyone last moved it or noted progress. */
  showIdle?: boolean;
  /** Inside a demand list the enterprise is the list's own and is left out. */
  hideEnterprise?: boolean;
  /** A last column of row actions (催办 on the overdue list). */
  action?: { title: string; width: number; render: (p: Row) => ReactNode };
  /** Checkboxes for batch actions (批量受理 on the list). */
  selection?: { selected: string[]; onChange: (ids: string[]) => void };
}

export function ProblemTable({ items, loading, pagination, empty, showIdle = false, hideEnterprise = false, action, selection }: ProblemTableProps) {
  const isMobile = useIsMobile();
  // The overdue list at 1366 px: with 停滞, 最近动态 and the fixed 催办 column the row was 1,230 px in
  // 1,100, and the fixed column covered 负责专家 (the one name 催办 goes to). There the trade moves under
  // the problem's number and 最近动态 drops the time, so every column is in view.
  const compactIdle = showIdle && !isMobile;
  // On a phone the overdue list (停滞 and 催办 beside the problem) has no room for a status column: the
  // title was squeezed to four characters a line. The status tag goes under the number instead.
  const statusInTitle = showIdle && isMobile;
  const columns: TableColumnsType<Row> = [
    {
      title: "难题",
      key: "title",
      width: isMobile ? 170 : compactIdle ? 220 : 240,
      render: (_, p) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/problems/${p.id}`}>{p.title}</Link>
          {/* Shown only behind 显示已作废 or on its demand list: on record, counted nowhere. */}
          {p.voided ? <Tag style={{ marginInlineStart: 6 }}>已作废</Tag> : null}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {p.code}
            {isMobile && !hideEnterprise ? ` · ${p.enterpriseName}` : ""}
            {compactIdle ? ` · ${trades[p.trade]}` : ""}
          </Typography.Text>
          {statusInTitle ? <ProblemStatusTag status={p.status} /> : null}
        </div>
      ),
    },
    ...(statusInTitle ? [] : [{ title: "状态", key: "status", width: 104, render: (_: unknown, p: Row) => <ProblemStatusTag status={p.status} /> }]),
    ...(showIdle
      ? [
          {
            title: "停滞",
            key: "idle",
            width: isMobile ? 84 : 72,
            render: (_: unknown, p: Row) => (
              <>
                <Typography.Text type="danger" className="jx-nowrap">
                  {p.idleDays ?? 0} 天
                </Typography.Text>
                {/* On a phone the 最近动态 column is hidden: its date goes under the days. */}
                {isMobile && p.lastActivityAt ? (
                  <Typography.Text type="secondary" className="jx-nowrap" style={{ display: "block", fontSize: 12 }}>
                    {dayjs(p.lastActivityAt).format("YY-MM-DD")}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: "最近动态",
            key: "lastActivity",
            width: 104,
            responsive: ["md" as const],
            render: (_: unknown, p: Row) => <span className="jx-nowrap">{p.lastActivityAt ? dayjs(p.lastActivityAt).format("YYYY-MM-DD") : "—"}</span>,
          },
        ]
      : []),
    // With the idle and 最近动态 columns the firm gives up 20 px so the row fits 1366 px without scrolling.
    ...(hideEnterprise
      ? []
      : [{ title: "企业", dataIndex: "enterpriseName", key: "enterprise", width: showIdle ? 160 : 180, responsive: ["md" as const], ellipsis: true }]),
    { title: "县区", dataIndex: "countyName", key: "county", width: 90, responsive: ["md"] },
    ...(compactIdle ? [] : [{ title: "工种", key: "trade", width: 110, responsive: ["lg" as const], render: (_: unknown, p: Row) => trades[p.trade] }]),
    {
      title: "紧急程度",
      key: "urgency",
      width: 84,
      responsive: ["md"],
      render: (_, p) => <Tag color={urgencyColors[p.urgency]}>{urgencyLabels[p.urgency]}</Tag>,
    },
    // Name with work unit · county · level under it: 2×郭红英 in the pool are told apart in the list too.
    {
      title: "负责专家",
      key: "owner",
      width: 150,
      responsive: ["md"],
      render: (_, p) => (p.ownerExpertName ? <ExpertName name={p.ownerExpertName} detail={p.ownerExpertDetail} block /> : <Typography.Text type="secondary">未指派</Typography.Text>),
    },
    // On the overdue list 最近动态 says more (a status change is one kind of activity) and the table fits 1366 px.
    ...(showIdle
      ? []
      : [
          {
            title: "状态更新",
            key: "changed",
            width: 110,
            responsive: ["md" as const],
            render: (_: unknown, p: Row) => <span className="jx-nowrap">{dayjs(p.statusChangedAt).format("YYYY-MM-DD")}</span>,
          },
        ]),
    // Fixed to the right edge: on the overdue list the columns are wider than 1366 px and the button must stay in view.
    ...(action ? [{ title: action.title, key: "action", width: action.width, fixed: "right" as const, render: (_: unknown, p: Row) => action.render(p) }] : []),
  ];

  return (
    <ResponsiveTable<Row>
      rowKey="id"
      size={isMobile ? "small" : "middle"}
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={{ x: isMobile ? undefined : 1000 }}
      locale={{ emptyText: empty }}
      rowSelection={selection ? { selectedRowKeys: selection.selected, onChange: (keys) => selection.onChange(keys.map(String)), preserveSelectedRowKeys: true } : undefined}
    />
  );
}
