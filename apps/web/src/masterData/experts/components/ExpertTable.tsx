import { expertAvailabilityLabels, skillLevelLabels, type Expert } from "@jiangxin/domain";
import { Tag, Typography, type TableColumnsType } from "antd";
import type { ListTableProps } from "../../../app/components/ListCard";
import { ListTable } from "../../../app/components/ListTable";
import { Link } from "react-router-dom";
import { useIsMobile } from "../../../app/useIsMobile";
import { availabilityColors, tradeName } from "../expertLabels";
import { HonourTags } from "./HonourTags";

type ExpertTableProps = ListTableProps<Expert>;

export function ExpertTable({ items, loading, pagination, empty }: ExpertTableProps) {
  const isMobile = useIsMobile();

  const columns: TableColumnsType<Expert> = [
    {
      title: "姓名",
      dataIndex: "name",
      key: "name",
      width: isMobile ? 84 : 110,
      fixed: isMobile ? undefined : "left",
      render: (name: string, record) => (
        <span className="jx-nowrap">
          <Link to={`/experts/${record.id}`}>{name}</Link>
          {record.active ? null : (
            <Tag style={{ marginInlineStart: 4 }} color="default">
              已停用
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: "荣誉",
      dataIndex: "honours",
      key: "honours",
      width: 200,
      render: (honours: Expert["honours"]) => <HonourTags honours={honours} max={isMobile ? 1 : 2} />,
    },
    {
      title: "技能等级",
      dataIndex: "skillLevel",
      key: "skillLevel",
      width: 120,
      responsive: ["md"],
      render: (level: Expert["skillLevel"]) => <span className="jx-nowrap">{skillLevelLabels[level]}</span>,
    },
    {
      title: "工种",
      dataIndex: "trades",
      key: "trades",
      width: 160,
      responsive: ["md"],
      render: (codes: Expert["trades"]) => codes.map((code) => <Tag key={code} style={{ marginInlineEnd: 4, marginBottom: 2 }}>{tradeName(code)}</Tag>),
    },
    {
      title: "所在地",
      key: "home",
      width: isMobile ? 72 : 120,
      render: (_, record) => (
        <span className="jx-nowrap">
          {record.homeCountyName}
          {isMobile ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
              {record.homeCityName}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: "工作单位", dataIndex: "employer", key: "employer", width: 110, responsive: ["xl"], ellipsis: true },
    {
      title: "状态",
      key: "availability",
      width: 96,
      responsive: ["md"],
      render: (_, record) => (
        <div className="jx-nowrap">
          <Tag color={availabilityColors[record.availability]}>{expertAvailabilityLabels[record.availability]}</Tag>
          <div>
            <Typography.Text type={record.openProblems >= record.maxOpenProblems ? "danger" : "secondary"} style={{ fontSize: 12 }}>
              在办 {record.openProblems}/{record.maxOpenProblems}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: "手机",
      dataIndex: "phoneMasked",
      key: "phoneMasked",
      width: 120,
      responsive: ["sm"],
      render: (phone: string) => <span className="jx-nowrap">{phone}</span>,
    },
    {
      title: "操作",
      key: "actions",
      width: 60,
      fixed: isMobile ? undefined : "right",
      render: (_, record) => <Link to={`/experts/${record.id}`}>详情</Link>,
    },
  ];

  return (
    <ListTable<Expert>
      items={items}
      loading={loading}
      empty={empty}
      pagination={pagination}
      columns={columns}
      // The columns add up to 1096 px, what the content area has at 1366 px, so no column hides under 操作 there.
      scroll={{ x: isMobile ? "max-content" : 1096 }}
    />
  );
}
