import { priorityKindLabels, trades, type PlanUnassigned, type TradeCode } from "@jiangxin/domain";
import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";

const tradeName = (code: string) => (code in trades ? trades[code as TradeCode] : code);

/** "缺2人(需3人)": how much of the team is missing; a team partly filled has its experts in the plan. */
const missingText = (r: PlanUnassigned) => (r.teamSize > 1 ? `缺${r.missing}人(需${r.teamSize}人)` : "缺1人");

/** Problems the plan leaves without an expert, or with a team short of its size, each with why. */
export function PlanUnassignedList({ rows, compact }: { rows: readonly PlanUnassigned[]; compact: boolean }) {
  const columns: ColumnsType<PlanUnassigned> = [
    {
      title: "难题",
      key: "problem",
      width: 220,
      render: (_, r) => (
        <div>
          <Link to={`/problems/${r.problemId}`}>{r.problemTitle}</Link>
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {r.problemCode} · {tradeName(r.trade)}
          </Typography.Text>
        </div>
      ),
    },
    { title: "企业", dataIndex: "enterpriseName", width: 180, ellipsis: true },
    {
      title: "县(市、区)",
      key: "county",
      width: 130,
      render: (_, r) => (
        <>
          {r.countyName}{" "}
          {r.priority.map((k) => (
            <Tag key={k} color={k === "island" ? "blue" : "green"}>
              {priorityKindLabels[k]}
            </Tag>
          ))}
        </>
      ),
    },
    {
      title: "缺额",
      key: "missing",
      width: 110,
      render: (_, r) => <Tag color={r.missing === r.teamSize ? "red" : "gold"}>{missingText(r)}</Tag>,
    },
    { title: "未安排原因", dataIndex: "reasonText", width: 260, render: (text: string) => <Tag color="orange">{text}</Tag> },
  ];
  const compactColumns: ColumnsType<PlanUnassigned> = [
    {
      title: "难题",
      key: "problem",
      render: (_, r) => (
        <div>
          <Link to={`/problems/${r.problemId}`}>{r.problemTitle}</Link>
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {r.enterpriseName} · {r.countyName} {r.priority.map((k) => priorityKindLabels[k]).join(" ")}
          </Typography.Text>
          <Tag color={r.missing === r.teamSize ? "red" : "gold"} style={{ marginTop: 4 }}>
            {missingText(r)}
          </Tag>
          <Tag color="orange" style={{ marginTop: 4, whiteSpace: "normal" }}>
            {r.reasonText}
          </Tag>
        </div>
      ),
    },
  ];
  return (
    <Table<PlanUnassigned>
      rowKey="problemId"
      size={compact ? "small" : "middle"}
      columns={compact ? compactColumns : columns}
      dataSource={rows}
      scroll={compact ? undefined : { x: 900 }}
      pagination={{ defaultPageSize: 20, showTotal: (n) => `共 ${n} 项`, size: compact ? "small" : undefined }}
      locale={{ emptyText: "所有难题都已安排专家" }}
    />
  );
}
