import { enterpriseSizeLabels, industrySections, type Enterprise } from "@jiangxin/domain";
import { Tag, Tooltip, Typography, type TableColumnsType } from "antd";
import type { ListTableProps } from "../../../app/components/ListCard";
import { ListTable } from "../../../app/components/ListTable";
import { Link } from "react-router-dom";
import { useIsMobile } from "../../../app/useIsMobile";

type EnterpriseTableProps = ListTableProps<Enterprise>;

export function EnterpriseTable({ items, loading, pagination, empty }: EnterpriseTableProps) {
  const isMobile = useIsMobile();

  const columns: TableColumnsType<Enterprise> = [
    {
      title: "名称",
      dataIndex: "name",
      key: "name",
      width: isMobile ? 140 : 200,
      fixed: isMobile ? undefined : "left",
      render: (name: string, record) => <Link to={`/enterprises/${record.id}`}>{name}</Link>,
    },
    {
      title: "统一社会信用代码",
      dataIndex: "uscc",
      key: "uscc",
      width: 175,
      responsive: ["md"],
      render: (uscc: string) => <span style={{ fontFamily: "monospace" }}>{uscc}</span>,
    },
    {
      title: "行业",
      dataIndex: "industry",
      key: "industry",
      width: 150,
      responsive: ["md"],
      ellipsis: { showTitle: false },
      render: (industry: Enterprise["industry"]) => (
        <Tooltip title={`${industry} ${industrySections[industry]}`}>{industrySections[industry]}</Tooltip>
      ),
    },
    {
      title: "所在县区",
      key: "county",
      width: isMobile ? 80 : 130,
      render: (_, record) => (
        <span className="jx-nowrap">
          {record.countyName}
          {/* On a phone the city is implied by the user's own scope and costs a column's width. */}
          {isMobile ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
              {record.cityName}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: "规模",
      dataIndex: "size",
      key: "size",
      width: 56,
      responsive: ["md"],
      render: (size: Enterprise["size"]) => enterpriseSizeLabels[size],
    },
    {
      title: "非公",
      dataIndex: "nonPublic",
      key: "nonPublic",
      width: 64,
      responsive: ["md"],
      render: (nonPublic: boolean) => (nonPublic ? <Tag color="orange">非公</Tag> : <Tag>公有</Tag>),
    },
    { title: "联系人", dataIndex: "contactName", key: "contactName", width: 88 },
    {
      title: "联系电话",
      dataIndex: "contactPhoneMasked",
      key: "contactPhoneMasked",
      width: 120,
      render: (phone: string) => <span className="jx-nowrap">{phone}</span>,
    },
    {
      title: "操作",
      key: "actions",
      width: 60,
      fixed: isMobile ? undefined : "right",
      render: (_, record) => <Link to={`/enterprises/${record.id}`}>详情</Link>,
    },
  ];

  return (
    <ListTable<Enterprise>
      items={items}
      loading={loading}
      empty={empty}
      pagination={pagination}
      columns={columns}
      // A fixed minimum width keeps the declared column widths (and the industry ellipsis) on a
      // desktop; phones show fewer columns and simply scroll what does not fit.
      scroll={{ x: isMobile ? "max-content" : 1040 }}
    />
  );
}
