import { PlusOutlined } from "@ant-design/icons";
import { stationStatuses, stationStatusLabels, type Station, type StationStatus } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { RegionFilterSelect } from "../../../app/regions/components/RegionFilterSelect";
import { useCan } from "../../../app/session";
import { ExportButton } from "../../../modules/imports/components/ExportButton";
import { daysAgoText, stationKeys, stationsApi } from "../api";

/** 服务站: the stations of the reader's counties, searchable, with how fresh each one's checks are. */
export function StationListPage() {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const q = params.get("q") ?? undefined;
  const countyCode = params.get("countyCode") ?? undefined;
  const status = (params.get("status") ?? undefined) as StationStatus | undefined;
  const page = Number(params.get("page") ?? 1);
  const query = { q, countyCode, status, page, pageSize: 20 };
  const list = useQuery({ queryKey: [...stationKeys.all, "list", query], queryFn: ({ signal }) => stationsApi.list(query, signal), placeholderData: keepPreviousData });
  const set = (k: string, v: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined || v === "") next.delete(k);
    else next.set(k, String(v));
    if (k !== "page") next.delete("page");
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        title="户外劳动者服务站"
        description="本辖区的服务站：开放时间、设施及其最近核实日期、提升改造申报。"
        extra={
          <>
            <ExportButton url="/api/stations/export" query={query} />
            {can("station.write") ? (
              <Link to="/stations/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  登记服务站
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap>
          <Input.Search allowClear placeholder="站点名称、地址、依托单位" defaultValue={q} onSearch={(v) => set("q", v)} style={{ width: 260 }} aria-label="搜索" />
          <RegionFilterSelect value={countyCode} onChange={(v) => set("countyCode", v)} width={200} aria-label="区域" />
          <Select aria-label="状态" allowClear placeholder="全部状态" value={status} style={{ width: 140 }} onChange={(v) => set("status", v)} options={stationStatuses.map((s) => ({ value: s, label: stationStatusLabels[s] }))} />
        </Flex>
      </Card>
      {list.isError ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<Station>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: "max-content" }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 个`, onChange: (p) => set("page", p) }}
            columns={[
              {
                title: "站点",
                key: "name",
                render: (_, s) => (
                  <div style={{ maxWidth: 360, whiteSpace: "normal" }}>
                    <Link to={`/stations/${s.id}`}>{s.name}</Link>
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {s.countyName} · {s.address}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: "状态", key: "status", width: 100, render: (_, s) => <Tag color={s.status === "open" ? "green" : s.status === "closed" ? "orange" : "default"}>{stationStatusLabels[s.status]}</Tag> },
              { title: "开放时间", key: "hours", width: 200, responsive: ["md"], render: (_, s) => (s.is24h ? <Tag color="blue">24小时</Tag> : s.openingHours || <Typography.Text type="warning">未登记</Typography.Text>) },
              { title: "设施", key: "amenities", width: 70, align: "right", render: (_, s) => `${s.amenities.length}/10` },
              {
                title: "最近核实",
                key: "checked",
                width: 130,
                responsive: ["md"],
                render: (_, s) => daysAgoText(s.amenities.map((a) => a.verifiedAt).filter((v): v is string => Boolean(v)).sort().at(-1) ?? null),
              },
              { title: "申报提升", key: "claimed", width: 90, responsive: ["lg"], render: (_, s) => (s.upgradeClaimedYear ? `${s.upgradeClaimedYear}年` : "—") },
            ]}
          />
        </Card>
      )}
    </>
  );
}
