import { PlusOutlined } from "@ant-design/icons";
import type { RecuperationBase, RecuperationRoute, RecuperationSession } from "@jiangxin/domain";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { Button, Empty, Flex, Table, Tabs, type TableProps } from "antd";
import dayjs from "dayjs";
import { useState, type ReactNode } from "react";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { fetchBases, fetchRoutes, fetchSessions, recuperationKeys } from "../api";
import { BaseFormDrawer, RouteFormDrawer, SessionFormDrawer } from "../components/CatalogueForms";

type Editing = { kind: "base"; record?: RecuperationBase } | { kind: "route"; record?: RecuperationRoute } | { kind: "session"; record?: RecuperationSession } | null;

/** A tab's list: its add button (province), the table, 无数据 when empty, the error with a retry. */
function CatalogueTable<T extends { id: string }>({ query, add, ...props }: { query: UseQueryResult<T[]>; add: ReactNode } & TableProps<T>) {
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      size="small"
      loading={query.isPending}
      dataSource={query.data ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无数据" /> }}
      pagination={{ pageSize: 20, size: "small", showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
      title={add ? () => <Flex justify="flex-end">{add}</Flex> : undefined}
      {...props}
    />
  );
}

/** 基地、线路与期次: the province's certified bases, the routes over them and this year's sessions with places taken; the province adds and edits them. */
export function CataloguePage() {
  const year = dayjs().year();
  const can = useCan();
  const manage = can("recuperation.manage");
  const [editing, setEditing] = useState<Editing>(null);
  const bases = useQuery({ queryKey: [...recuperationKeys.all, "bases"], queryFn: ({ signal }) => fetchBases(signal) });
  const routes = useQuery({ queryKey: [...recuperationKeys.all, "routes"], queryFn: ({ signal }) => fetchRoutes(signal) });
  const sessions = useQuery({ queryKey: [...recuperationKeys.all, "sessions", year], queryFn: ({ signal }) => fetchSessions(year, signal) });
  const addButton = (label: string, next: Editing) =>
    manage ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(next)}>
        {label}
      </Button>
    ) : null;
  const editColumn = <T,>(open: (r: T) => void) =>
    manage ? [{ title: "操作", key: "edit", width: 72, fixed: "right" as const, render: (_: unknown, r: T) => <Button type="link" size="small" onClick={() => open(r)}>修改</Button> }] : [];
  const close = () => setEditing(null);
  return (
    <>
      <PageHeader title="疗休养基地、线路与期次" description="省级疗休养基地(认定期内)，线路含路途不超过5天，价格不超过每人每天600元。" />
      <Tabs
        items={[
          {
            key: "bases",
            label: `基地(${bases.data?.length ?? 0})`,
            children: (
              <CatalogueTable<RecuperationBase>
                query={bases}
                add={addButton("新增基地", { kind: "base" })}
                scroll={{ x: 1110 }}
                columns={[
                  { title: "编号", dataIndex: "code", width: 80 },
                  { title: "名称", dataIndex: "name", width: 200 },
                  { title: "地区", key: "r", width: 130, render: (_, b) => `${b.cityName}${b.countyName}` },
                  { title: "类型", dataIndex: "kind", width: 110 },
                  { title: "接待能力", dataIndex: "capacity", align: "right", width: 90 },
                  { title: "元/人/天", dataIndex: "pricePerDay", align: "right", width: 90 },
                  { title: "认定期限", key: "c", width: 200, render: (_, b) => `${b.certifiedFrom} 至 ${b.certifiedUntil}` },
                  { title: `${year}年入住人次`, dataIndex: "staysThisYear", align: "right", width: 110 },
                  { title: `${year}年实际支出(元)`, dataIndex: "spentThisYear", align: "right", width: 140, render: (v: number) => v.toLocaleString("zh-CN") },
                  ...editColumn<RecuperationBase>((record) => setEditing({ kind: "base", record })),
                ]}
              />
            ),
          },
          {
            key: "routes",
            label: `线路(${routes.data?.length ?? 0})`,
            children: (
              <CatalogueTable<RecuperationRoute>
                query={routes}
                add={addButton("新增线路", { kind: "route" })}
                scroll={{ x: 700 }}
                columns={[
                  { title: "线路", dataIndex: "name", width: 180 },
                  { title: "主题", dataIndex: "theme", width: 110 },
                  { title: "天数", dataIndex: "days", align: "right", width: 60 },
                  { title: "基地", key: "b", render: (_, r) => r.bases.map((b) => `${b.baseName}(${b.days}天)`).join(" → ") },
                  ...editColumn<RecuperationRoute>((record) => setEditing({ kind: "route", record })),
                ]}
              />
            ),
          },
          {
            key: "sessions",
            label: `${year}年期次(${sessions.data?.length ?? 0})`,
            children: (
              <CatalogueTable<RecuperationSession>
                query={sessions}
                add={addButton("新增期次", { kind: "session" })}
                scroll={{ x: 720 }}
                columns={[
                  { title: "期次", dataIndex: "code", width: 120 },
                  { title: "线路", dataIndex: "routeName", width: 180 },
                  { title: "日期", key: "d", width: 200, render: (_, s) => `${s.startsOn} 至 ${s.endsOn}` },
                  { title: "名额", dataIndex: "capacity", align: "right", width: 70 },
                  { title: "已分配", dataIndex: "taken", align: "right", width: 70 },
                  ...editColumn<RecuperationSession>((record) => setEditing({ kind: "session", record })),
                ]}
              />
            ),
          },
        ]}
      />
      <BaseFormDrawer open={editing?.kind === "base"} record={editing?.kind === "base" ? editing.record : undefined} onClose={close} />
      <RouteFormDrawer open={editing?.kind === "route"} record={editing?.kind === "route" ? editing.record : undefined} onClose={close} />
      <SessionFormDrawer open={editing?.kind === "session"} record={editing?.kind === "session" ? editing.record : undefined} onClose={close} />
    </>
  );
}
