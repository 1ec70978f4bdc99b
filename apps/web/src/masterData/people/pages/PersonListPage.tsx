import { PlusOutlined } from "@ant-design/icons";
import {
  membershipStatusLabels,
  membershipStatuses,
  personCategories,
  personCategoryLabels,
  personListQuerySchema,
  type Person,
} from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { App, Button, Select, Space, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { ListCard } from "../../../app/components/ListCard";
import { ListFilterBar } from "../../../app/components/ListFilterBar";
import { ListSearchInput } from "../../../app/components/ListSearchInput";
import { ListTable } from "../../../app/components/ListTable";
import { PageHeader } from "../../../app/components/PageHeader";
import { RegionFilterSelect } from "../../../app/regions/components/RegionFilterSelect";
import { useRegionScope } from "../../../app/regions/useRegionScope";
import { useCan, useSession } from "../../../app/session";
import { useIsMobile } from "../../../app/useIsMobile";
import { useUrlListState } from "../../../app/useUrlListState";
import { ImportButton } from "../../../modules/imports/components/ImportButton";
import { listPeople, peopleQueryKeys } from "../api";
import { MembershipStatusTag } from "../components/MembershipStatusTag";
import { PersonFormDrawer } from "../components/PersonFormDrawer";

const categoryOptions = personCategories.map((c) => ({ value: c, label: personCategoryLabels[c] }));
const statusOptions = membershipStatuses.map((s) => ({ value: s, label: membershipStatusLabels[s] }));

export function PersonListPage() {
  const { query, update } = useUrlListState(personListQuerySchema);
  const can = useCan();
  const session = useSession();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { scope } = useRegionScope();
  const [creating, setCreating] = useState(false);
  const isUnion = session.user.role === "union";

  const list = useQuery({ queryKey: peopleQueryKeys.list(query), queryFn: ({ signal }) => listPeople(query, signal), placeholderData: keepPreviousData });
  const filtered = Boolean(query.q || query.regionCode || query.category || query.membershipStatus);
  const emptyText = filtered ? "没有符合条件的职工，请换个条件再试" : isUnion ? "本会还没有会员或入会申请" : "辖区内还没有登记职工";

  const columns: TableColumnsType<Person> = [
    { title: "姓名", dataIndex: "name", key: "name", width: 90, render: (name: string, p) => <Link to={`/people/${p.id}`}>{name}</Link> },
    { title: "身份证号", dataIndex: "residentIdMasked", key: "id", width: 180, responsive: ["md"], render: (v: string) => <span style={{ fontFamily: "monospace" }}>{v}</span> },
    { title: "手机", dataIndex: "phoneMasked", key: "phone", width: 120, responsive: ["lg"], render: (v: string | null) => v ?? "—" },
    {
      title: "工作单位",
      key: "employer",
      width: 200,
      ellipsis: true,
      render: (_, p) => (
        <span>
          {p.employerName ?? "—"}
          {isMobile ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
              {p.countyName}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: "类别",
      key: "categories",
      width: 150,
      responsive: ["md"],
      render: (_, p) => p.categories.map((c) => <Tag key={c}>{personCategoryLabels[c]}</Tag>),
    },
    {
      title: "会籍",
      key: "membership",
      width: 200,
      render: (_, p) => (
        <Space size={4} wrap>
          <MembershipStatusTag status={p.membership?.status} />
          {p.membership && !isMobile ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.membership.unionName}</Typography.Text> : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="职工"
        description={isUnion ? "本会会员与入会申请；身份证号、手机号已脱敏显示。" : "辖区内的职工与会籍；身份证号、手机号已脱敏显示，可用完整身份证号查找。"}
        extra={
          <Space wrap>
            <Button onClick={() => update({ membershipStatus: "pending" })}>待确认入会申请</Button>
            <ImportButton kind="people" allowed={can("person.write")} onDone={() => void list.refetch()} />
            {can("person.write") ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                登记职工
              </Button>
            ) : null}
          </Space>
        }
      />
      <ListFilterBar>
        <ListSearchInput value={query.q} placeholder="姓名、工作单位、职业，或完整身份证号" width={340} onSearch={(q) => update({ q })} />
        {isUnion ? null : <RegionFilterSelect value={query.regionCode} width={200} onChange={(code) => update({ regionCode: code })} />}
        <Select allowClear placeholder="职工类别" options={categoryOptions} value={query.category} style={{ width: 170 }} onChange={(v) => update({ category: v })} />
        <Select allowClear placeholder="会籍状态" options={statusOptions} value={query.membershipStatus} style={{ width: 150 }} onChange={(v) => update({ membershipStatus: v })} />
      </ListFilterBar>
      <ListCard list={list} paging={query} onPageChange={update} emptyText={emptyText}>
        {(table) => <ListTable<Person> {...table} columns={columns} scroll={{ x: isMobile ? "max-content" : 960 }} />}
      </ListCard>
      {can("person.write") ? (
        <PersonFormDrawer
          open={creating}
          scope={scope}
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            void message.success(`已登记职工“${p.name}”`);
            void navigate(`/people/${p.id}`);
          }}
          onFound={(id) => {
            setCreating(false);
            void navigate(`/people/${id}`);
          }}
        />
      ) : null}
    </>
  );
}
