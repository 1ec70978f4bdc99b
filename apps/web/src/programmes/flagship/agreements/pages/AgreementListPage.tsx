import { PlusOutlined } from "@ant-design/icons";
import { agreementListQuerySchema, agreementScopeLabels, agreementStatusLabels, agreementStatuses, type Agreement } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Flex, Select, Tag, Typography, type TableColumnsType, Space } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { ListCard } from "../../../../app/components/ListCard";
import { ListTable } from "../../../../app/components/ListTable";
import { PageHeader } from "../../../../app/components/PageHeader";
import { ListSearchInput } from "../../../../app/components/ListSearchInput";
import { useCan } from "../../../../app/session";
import { useIsMobile } from "../../../../app/useIsMobile";
import { useUrlListState } from "../../../../app/useUrlListState";
import { RegionFilterSelect } from "../../../../app/regions/components/RegionFilterSelect";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { ShowVoidedCheckbox } from "../../corrections/components/ShowVoidedCheckbox";
import { listAgreements } from "../api";
import { agreementQueryKeys } from "../agreementQueryKeys";
import { agreementStatusColors } from "../agreementLabels";
import { AgreementFormDrawer } from "../components/AgreementFormDrawer";
import { ExportButton } from "../../../../modules/imports/components/ExportButton";

export function AgreementListPage() {
  const { query, update } = useUrlListState(agreementListQuerySchema);
  const can = useCan();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const { scope } = useRegionScope();
  const canWrite = can("agreement.write");
  const list = useQuery({ queryKey: agreementQueryKeys.list(query), queryFn: ({ signal }) => listAgreements(query, signal), placeholderData: keepPreviousData });

  const columns: TableColumnsType<Agreement> = [
    {
      title: "协议",
      key: "title",
      render: (_, a) => (
        <div>
          <Link to={`/agreements/${a.id}`}>{a.title}</Link>
          {a.voided ? <Tag style={{ marginInlineStart: 6 }}>已作废</Tag> : null}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {a.enterpriseName}
          </Typography.Text>
        </div>
      ),
    },
    { title: "范围", key: "scopes", width: 170, responsive: ["md"], render: (_, a) => a.scopes.map((s) => <Tag key={s}>{agreementScopeLabels[s]}</Tag>) },
    { title: "期限", key: "term", width: 190, responsive: ["lg"], render: (_, a) => `${a.startDate} 至 ${a.endDate}` },
    { title: "专家", key: "team", width: 64, align: "right", responsive: ["sm"], render: (_, a) => `${a.experts.length}人` },
    {
      title: "里程碑",
      key: "milestones",
      width: 110,
      render: (_, a) => {
        const done = a.milestones.filter((m) => m.doneOn).length;
        const overdue = a.milestones.filter((m) => m.overdue).length;
        return (
          <span className="jx-nowrap">
            {done}/{a.milestones.length}
            {overdue > 0 ? (
              <Tag color="red" style={{ marginInlineStart: 6 }}>
                逾期{overdue}
              </Tag>
            ) : null}
          </span>
        );
      },
    },
    { title: "状态", key: "status", width: 84, render: (_, a) => <Tag color={agreementStatusColors[a.status]}>{agreementStatusLabels[a.status]}</Tag> },
  ];

  return (
    <>
      <PageHeader
        title="一对一协议"
        description="一对一技术支持协议：设备改造、人才培养等长期帮扶，含里程碑与回访。"
        extra={
          <Space wrap>
            <ExportButton url="/api/agreements/export" query={query} />
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                签订协议
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <ListSearchInput value={query.q} placeholder="协议名称" width={280} onSearch={(q) => update({ q })} />
          <RegionFilterSelect value={query.regionCode} width={200} onChange={(code) => update({ regionCode: code })} />
          <Select
            value={query.status}
            allowClear
            placeholder="全部状态"
            style={{ width: isMobile ? "100%" : 140 }}
            options={agreementStatuses.map((s) => ({ value: s, label: agreementStatusLabels[s] }))}
            onChange={(value: string | undefined) => update({ status: value })}
          />
          <ShowVoidedCheckbox value={query.showVoided} onChange={(showVoided) => update({ showVoided })} />
        </Flex>
      </Card>
      <ListCard
        list={list}
        paging={query}
        onPageChange={update}
        showTotal={(total) => `共 ${total} 份`}
        emptyText="没有符合条件的协议"
      >
        {(table) => <ListTable<Agreement> {...table} columns={columns} />}
      </ListCard>
      {canWrite ? (
        <AgreementFormDrawer
          open={creating}
          scope={scope}
          onClose={() => setCreating(false)}
          onCreated={(a) => {
            setCreating(false);
            void message.success(`已签订“${a.title}”`);
            void navigate(`/agreements/${a.id}`);
          }}
        />
      ) : null}
    </>
  );
}
