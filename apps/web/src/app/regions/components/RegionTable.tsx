import type { RegionNode } from "@jiangxin/domain";
import { Empty, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useIsMobile } from "../../useIsMobile";
import { PriorityTags } from "./PriorityTags";

interface RegionRow {
  key: string;
  node: RegionNode;
  // Leaves must not carry an empty array, or antd draws an expand arrow that opens nothing.
  children?: RegionRow[];
}

const levelLabels: Record<RegionNode["level"], string> = { province: "省", city: "设区市", county: "县(市、区)" };

function toRow(node: RegionNode): RegionRow {
  return { key: node.code, node, children: node.children.length > 0 ? node.children.map(toRow) : undefined };
}

function formatCoordinate(node: RegionNode): string {
  if (node.lng === null || node.lat === null) return "—";
  return `${node.lng.toFixed(4)}, ${node.lat.toFixed(4)}`;
}

interface RegionTableProps {
  tree: RegionNode | null;
  ownCode: string | null;
  expandedKeys: readonly string[];
  onExpandedChange: (keys: string[]) => void;
  loading: boolean;
  emptyText: string;
}

export function RegionTable({ tree, ownCode, expandedKeys, onExpandedChange, loading, emptyText }: RegionTableProps) {
  const isMobile = useIsMobile();

  const columns: TableColumnsType<RegionRow> = [
    {
      title: "名称",
      key: "name",
      render: (_, { node }) => (
        <span className="jx-nowrap">
          {node.name}
          {node.code === ownCode ? (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              本辖区
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: "区划代码",
      key: "code",
      width: 100,
      render: (_, { node }) => <Typography.Text code>{node.code}</Typography.Text>,
    },
    { title: "级别", key: "level", width: 110, responsive: ["sm"], render: (_, { node }) => levelLabels[node.level] },
    {
      title: "驻地坐标（经度, 纬度）",
      key: "coordinates",
      width: 190,
      responsive: ["md"],
      render: (_, { node }) => <span className="jx-nowrap">{formatCoordinate(node)}</span>,
    },
    {
      title: "重点县",
      key: "priority",
      width: isMobile ? 90 : 160,
      render: (_, { node }) => <PriorityTags kinds={node.priority} />,
    },
  ];

  return (
    <Table<RegionRow>
      size={isMobile ? "small" : "middle"}
      columns={columns}
      dataSource={tree ? [toRow(tree)] : []}
      loading={loading}
      pagination={false}
      rowClassName={({ node }) => (node.code === ownCode ? "jx-row-own" : "")}
      expandable={{
        expandedRowKeys: [...expandedKeys],
        onExpandedRowsChange: (keys) => onExpandedChange(keys.map(String)),
        indentSize: isMobile ? 10 : 20,
      }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
    />
  );
}
