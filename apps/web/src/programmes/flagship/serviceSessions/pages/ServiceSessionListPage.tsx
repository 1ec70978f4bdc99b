import { PlusOutlined } from "@ant-design/icons";
import { serviceSessionListQuerySchema, type ServiceSession } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Flex, Tag, Typography, type TableColumnsType, Space } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { ListCard } from "../../../../app/components/ListCard";
import { ListTable } from "../../../../app/components/ListTable";
import { PageHeader } from "../../../../app/components/PageHeader";
import { ListSearchInput } from "../../../../app/components/ListSearchInput";
import { useCan } from "../../../../app/session";
import { DateRangeFilter } from "../../../../app/components/DateRangeFilter";
import { useIsMobile } from "../../../../app/useIsMobile";
import { useUrlListState } from "../../../../app/useUrlListState";
import { RegionFilterSelect } from "../../../../app/regions/components/RegionFilterSelect";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { ShowVoidedCheckbox } from "../../corrections/components/ShowVoidedCheckbox";
import { listServiceSessions } from "../api";
import { ServiceSessionFormDrawer } from "../components/ServiceSessionFormDrawer";
import { serviceSessionQueryKeys } from "../serviceSessionQueryKeys";
import { ExportButton } from "../../../../modules/imports/components/ExportButton";

export function ServiceSessionListPage() {
  const { query, update } = useUrlListState(serviceSessionListQuerySchema);
  const can = useCan();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const { scope } = useRegionScope();
  const canWrite = can("serviceSession.write");

  const list = useQuery({
    queryKey: serviceSessionQueryKeys.list(query),
    queryFn: ({ signal }) => listServiceSessions(query, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ServiceSession> = [
    { title: "日期", dataIndex: "date", key: "date", width: isMobile ? 96 : 110, render: (d: string) => <span className="jx-nowrap">{d}</span> },
    {
      title: "场次",
      key: "title",
      render: (_, s) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/service-sessions/${s.id}`}>{s.title}</Link>
          {s.voided ? <Tag style={{ marginInlineStart: 6 }}>已作废</Tag> : null}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12, maxWidth: "100%" }} ellipsis={{ tooltip: true }}>
            {s.enterprises.map((e) => e.name).join("、")}
          </Typography.Text>
        </div>
      ),
    },
    { title: "县(市、区)", dataIndex: "countyName", key: "county", width: 100, responsive: ["md"] },
    { title: "专家", key: "team", width: 64, align: "right", render: (_, s) => `${s.experts.length}人` },
    { title: "难题", dataIndex: "problemCount", key: "problems", width: 64, align: "right", responsive: ["sm"] },
    { title: "提出方案", dataIndex: "solutionsProposed", key: "solutions", width: 88, align: "right", responsive: ["md"] },
    {
      title: "",
      key: "onSite",
      width: 96,
      responsive: ["md"],
      render: (_, s) => <Link to={`/service-sessions/${s.id}/on-site`}>三张清单</Link>,
    },
  ];

  const filtered = Boolean(query.q || query.regionCode || query.from || query.to);
  const emptyText =
    filtered ? "没有符合条件的服务场次" : canWrite ? "还没有服务场次，点击右上角“安排服务场次”" : "还没有服务场次";

  return (
    <>
      <PageHeader
        title="服务场次"
        description="劳模工匠助企行：每次到企业的现场服务，以及现场的难题—专家—进度三张清单。"
        extra={
          <Space wrap>
            <ExportButton url="/api/service-sessions/export" query={query} />
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                安排服务场次
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <ListSearchInput value={query.q} placeholder="场次名称" width={280} onSearch={(q) => update({ q })} />
          <RegionFilterSelect value={query.regionCode} width={200} onChange={(code) => update({ regionCode: code })} />
          <DateRangeFilter from={query.from} to={query.to} onChange={update} />
          <ShowVoidedCheckbox value={query.showVoided} onChange={(showVoided) => update({ showVoided })} />
        </Flex>
      </Card>
      <ListCard list={list} paging={query} onPageChange={update} showTotal={(total) => `共 ${total} 场`} emptyText={emptyText}>
        {(table) => (
          <ListTable<ServiceSession>
            {...table}
            // Fixed layout keeps long enterprise lists from widening the table past a phone's screen.
            tableLayout="fixed"
            columns={columns}
            onRow={(s) => (isMobile ? { onClick: () => void navigate(`/service-sessions/${s.id}`), style: { cursor: "pointer" } } : {})}
          />
        )}
      </ListCard>
      {canWrite ? (
        <ServiceSessionFormDrawer
          open={creating}
          scope={scope}
          onClose={() => setCreating(false)}
          onCreated={(session) => {
            setCreating(false);
            void message.success(`已安排服务场次“${session.title}”`);
            void navigate(`/service-sessions/${session.id}`);
          }}
        />
      ) : null}
    </>
  );
}
