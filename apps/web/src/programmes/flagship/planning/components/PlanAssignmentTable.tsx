import { LockOutlined, StopOutlined, UnlockOutlined } from "@ant-design/icons";
import { planTeamRoleLabels, priorityKindLabels, trades, type PlanAssignment, type TradeCode } from "@jiangxin/domain";
import { Button, Flex, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import { compareChinese } from "../../../../app/chineseOrder";
import { planPairKey } from "../planPairKey";

interface PlanAssignmentTableProps {
  rows: readonly PlanAssignment[];
  /** Pinned pairs, as planPairKey(row). */
  pinned: ReadonlySet<string>;
  onPin: (row: PlanAssignment) => void;
  onForbid: (row: PlanAssignment) => void;
  compact: boolean;
}

const tradeName = (code: string) => (code in trades ? trades[code as TradeCode] : code);
/** A team's rows are one per expert, so the key is the pair. */

/** 负责专家 / 协助专家 for a team of two or three; a team of one needs no tag. */
function RoleTag({ row }: { row: PlanAssignment }) {
  if (row.teamSize <= 1) return null;
  return (
    <Tooltip title={`需要专家人数 ${row.teamSize} 人；综合匹配最好（工种对口、路近、负荷轻）的一位为负责专家`}>
      <Tag color={row.role === "owner" ? "red" : "blue"} style={{ marginInlineEnd: 0 }}>
        {planTeamRoleLabels[row.role]}
      </Tag>
    </Tooltip>
  );
}

/**
 * Why the pair was chosen, every reason whole: a tag wraps inside the column instead of running past
 * its edge (a tag does not wrap by default, which clipped long reasons at 1366 px).
 */
function Reasons({ reasons }: { reasons: readonly string[] }) {
  return (
    <Space size={[4, 4]} wrap>
      {reasons.map((reason) => (
        <Tag key={reason} color={reason === "人工锁定" ? "gold" : reason.endsWith("优先") ? "green" : undefined} style={{ marginInlineEnd: 0, whiteSpace: "normal", height: "auto" }}>
          {reason}
        </Tag>
      ))}
    </Space>
  );
}

/** The plan's pairs (a team of three is three rows, its 负责专家 first): who goes where, why, and per row 锁定 / 排除 for the next run. */
export function PlanAssignmentTable({ rows, pinned, onPin, onForbid, compact }: PlanAssignmentTableProps) {
  const columns: ColumnsType<PlanAssignment> = [
    {
      title: "难题 · 企业",
      key: "problem",
      width: 220,
      sorter: (a, b) => compareChinese(a.enterpriseName, b.enterpriseName),
      // The enterprise under the problem (sortable by it) leaves the width to the reasons, so at 1366 px
      // every column is on screen without scrolling sideways.
      render: (_, r) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/problems/${r.problemId}`}>{r.problemTitle}</Link>
          <Typography.Text style={{ display: "block", fontSize: 12 }}>{r.enterpriseName}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {r.problemCode} · {tradeName(r.trade)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: "县(市、区)",
      key: "county",
      width: 110,
      sorter: (a, b) => compareChinese(a.countyName, b.countyName),
      render: (_, r) => (
        <Space size={4} wrap>
          {r.countyName}
          {r.priority.map((k) => (
            <Tag key={k} color={k === "island" ? "blue" : "green"} style={{ marginInlineEnd: 0 }}>
              {priorityKindLabels[k]}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: "指派专家",
      key: "expert",
      width: 170,
      sorter: (a, b) => compareChinese(a.expertName, b.expertName),
      render: (_, r) => (
        <div>
          <Space size={4} wrap>
            <Link to={`/experts/${r.expertId}`}>{r.expertName}</Link>
            <RoleTag row={r} />
          </Space>
          {/* Work unit · home county · level: namesakes in the pool (2×郭红英) are told apart. */}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12, overflowWrap: "anywhere" }}>
            {r.expertDetail}
          </Typography.Text>
        </div>
      ),
    },
    { title: "距离", dataIndex: "distanceKm", width: 76, align: "right", render: (km: number) => (km === 0 ? "本县" : `${km} 公里`) },
    {
      title: "理由",
      key: "reasons",
      // No fixed width: the reasons take what the other columns leave (about 370 px at 1366).
      minWidth: 240,
      render: (_, r) => <Reasons reasons={r.reasons} />,
    },
    {
      title: "调整",
      key: "actions",
      width: 164,
      fixed: "right",
      render: (_, r) => actions(r),
    },
  ];
  const actions = (r: PlanAssignment) => {
    const isPinned = pinned.has(planPairKey(r));
    return (
      <Space size={4}>
        <Button size="small" icon={isPinned ? <UnlockOutlined /> : <LockOutlined />} onClick={() => onPin(r)}>
          {isPinned ? "解锁" : "锁定"}
        </Button>
        <Button size="small" danger icon={<StopOutlined />} onClick={() => onForbid(r)}>
          排除
        </Button>
      </Space>
    );
  };
  // At phone width one column holds the whole pair, so the expert is seen without scrolling sideways.
  const compactColumns: ColumnsType<PlanAssignment> = [
    {
      title: "难题 → 专家",
      key: "pair",
      render: (_, r) => (
        <Flex vertical gap={4}>
          <Link to={`/problems/${r.problemId}`}>{r.problemTitle}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.enterpriseName} · {r.countyName}
          </Typography.Text>
          <div>
            → <Link to={`/experts/${r.expertId}`}>{r.expertName}</Link> <RoleTag row={r} />（{r.expertDetail}，{r.distanceKm === 0 ? "本县" : `${r.distanceKm} 公里`}）
          </div>
          <Reasons reasons={r.reasons} />
          {actions(r)}
        </Flex>
      ),
    },
  ];
  return (
    <Table<PlanAssignment>
      rowKey={planPairKey}
      size={compact ? "small" : "middle"}
      columns={compact ? compactColumns : columns}
      dataSource={rows}
      scroll={compact ? undefined : { x: 1000 }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${n} 项`, size: compact ? "small" : undefined }}
      locale={{ emptyText: "没有指派：所选范围内的难题都没有可用的专家" }}
    />
  );
}
