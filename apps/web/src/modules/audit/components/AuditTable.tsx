import { auditActionLabel, roleLabels, type AuditEntry } from "@jiangxin/domain";
import { Table, Tag, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { useIsMobile } from "../../../app/useIsMobile";
import { auditObjectOf } from "../auditObjects";

interface AuditTableProps {
  items: AuditEntry[];
  loading: boolean;
  pagination: TablePaginationConfig;
  regionNames: ReadonlyMap<string, string>;
  empty: ReactNode;
}

/**
 * The object by its type in Chinese, opening its page where it has one, with the full id beside it
 * to copy (a fragment cannot be searched for or told apart from another's).
 */
function ObjectCell({ entry }: { entry: AuditEntry }) {
  if (!entry.objectType) return <>—</>;
  const { label, href } = auditObjectOf(entry.objectType, entry.objectId);
  if (!entry.objectId) return <>{label}</>;
  return (
    <span style={{ display: "block", lineHeight: 1.4 }}>
      {href ? <Link to={href}>{label}</Link> : label}
      {entry.objectName ? ` · ${entry.objectName}` : null}
      <br />
      <Typography.Text type="secondary" copyable={{ text: entry.objectId, tooltips: ["复制编号", "已复制"] }} style={{ fontSize: 12, wordBreak: "break-all" }}>
        {entry.objectId}
      </Typography.Text>
    </span>
  );
}

export function AuditTable({ items, loading, pagination, regionNames, empty }: AuditTableProps) {
  const isMobile = useIsMobile();

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: "时间",
      dataIndex: "at",
      key: "at",
      width: isMobile ? 90 : 170,
      render: (at: string) =>
        isMobile ? (
          // Two short lines instead of one long one keeps the action and result on a phone's screen.
          <span style={{ lineHeight: 1.3, display: "block" }}>
            {dayjs(at).format("YYYY-MM-DD")}
            <br />
            <Typography.Text type="secondary">{dayjs(at).format("HH:mm:ss")}</Typography.Text>
          </span>
        ) : (
          <span className="jx-nowrap">{dayjs(at).format("YYYY-MM-DD HH:mm:ss")}</span>
        ),
    },
    {
      title: "用户",
      dataIndex: "username",
      key: "username",
      width: isMobile ? 80 : 110,
      ellipsis: true,
      render: (username: string | null) => username ?? "—",
    },
    {
      title: "操作",
      dataIndex: "action",
      key: "action",
      width: isMobile ? 84 : 150,
      render: (action: string) => (
        <Tooltip title={action}>
          {/* Wrapping on a phone keeps the result column on screen without scrolling. */}
          <span className={isMobile ? undefined : "jx-nowrap"}>{auditActionLabel(action)}</span>
        </Tooltip>
      ),
    },
    {
      title: "结果",
      dataIndex: "result",
      key: "result",
      width: isMobile ? 56 : 70,
      render: (result: AuditEntry["result"]) => (result === "success" ? <Tag color="success">成功</Tag> : <Tag color="error">失败</Tag>),
    },
    { title: "对象", key: "object", width: 200, responsive: ["sm"], render: (_, entry) => <ObjectCell entry={entry} /> },
    {
      title: "角色",
      dataIndex: "role",
      key: "role",
      width: 130,
      responsive: ["md"],
      render: (role: AuditEntry["role"]) => (role ? roleLabels[role] : "—"),
    },
    {
      title: "区划",
      dataIndex: "regionCode",
      key: "regionCode",
      width: 100,
      responsive: ["md"],
      render: (code: string | null) => (code ? (regionNames.get(code) ?? code) : "—"),
    },
    { title: "IP", dataIndex: "ip", key: "ip", width: 130, responsive: ["lg"], render: (ip: string | null) => ip ?? "—" },
  ];

  return (
    <Table<AuditEntry>
      rowKey="id"
      size={isMobile ? "small" : "middle"}
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: empty }}
      expandable={{
        columnWidth: isMobile ? 32 : undefined,
        // Details are small structured notes (e.g. why a login failed); raw JSON keeps every key visible.
        rowExpandable: (entry) => entry.detail !== null && Object.keys(entry.detail).length > 0,
        expandedRowRender: (entry) => (
          <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>
            {JSON.stringify(entry.detail, null, 2)}
          </pre>
        ),
      }}
    />
  );
}
