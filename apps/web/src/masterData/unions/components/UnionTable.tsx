import { unionFormationLabels, unionKindLabels, type Union } from "@jiangxin/domain";
import { Tag, Typography, type TableColumnsType, type TablePaginationConfig } from "antd";
import { ListTable } from "../../../app/components/ListTable";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { useIsMobile } from "../../../app/useIsMobile";

const kindColor: Record<Union["kind"], string> = { provincial: "red", city: "volcano", county: "orange", industry: "purple", grassroots: "blue" };

export function UnionKindTag({ union }: { union: Pick<Union, "kind" | "formation"> }) {
  // "县(市、区)总工会" is too long for a tag; the region column says which county.
  const label = union.formation ? unionFormationLabels[union.formation] : union.kind === "county" ? "县级总工会" : unionKindLabels[union.kind];
  return <Tag color={kindColor[union.kind]}>{label}</Tag>;
}

interface UnionTableProps {
  items: Union[];
  loading: boolean;
  pagination?: TablePaginationConfig | false;
  empty: ReactNode;
}

export function UnionTable({ items, loading, pagination, empty }: UnionTableProps) {
  const isMobile = useIsMobile();
  const columns: TableColumnsType<Union> = [
    {
      title: "工会名称",
      dataIndex: "name",
      key: "name",
      width: isMobile ? 170 : 280,
      render: (name: string, u) => (
        <>
          <Link to={`/unions/${u.id}`}>{name}</Link>
          {isMobile ? (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {u.regionName} · {u.chairName ? `主席 ${u.chairName}` : "主席未填"}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: "类别", key: "kind", width: 96, render: (_, u) => <UnionKindTag union={u} /> },
    { title: "所在区划", dataIndex: "regionName", key: "region", width: 100, responsive: ["md"] },
    { title: "上级工会", dataIndex: "parentName", key: "parent", width: 180, responsive: ["lg"], ellipsis: true, render: (p: string | null) => p ?? "—" },
    { title: "工会主席", dataIndex: "chairName", key: "chair", width: 88, responsive: ["md"], render: (c: string | null) => c ?? "—" },
    { title: "会员", dataIndex: "memberCount", key: "members", width: 80, align: "right", render: (n: number) => n.toLocaleString("zh-CN") },
    { title: "覆盖企业", dataIndex: "enterpriseCount", key: "firms", width: 84, align: "right", responsive: ["md"] },
    {
      title: "下级",
      dataIndex: "childCount",
      key: "children",
      width: 64,
      align: "right",
      responsive: ["md"],
      // One level down the tree, as a list with the same filters and paging.
      render: (n: number, u) => (n > 0 ? <Link to={`/unions?parentId=${u.id}`}>{n.toLocaleString("zh-CN")}</Link> : 0),
    },
  ];
  return (
    <ListTable<Union>
      items={items}
      loading={loading}
      empty={empty}
      pagination={pagination}
      columns={columns}
      scroll={{ x: isMobile ? "max-content" : 960 }}
    />
  );
}
