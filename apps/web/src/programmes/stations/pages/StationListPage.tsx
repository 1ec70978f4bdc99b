import { PlusOutlined } from "@ant-design/icons";
import { stationListQuerySchema, stationStatuses, stationStatusLabels, type Station } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Select, Tag, Typography, type TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import { ListCard } from "../../../app/components/ListCard";
import { ListFilterBar } from "../../../app/components/ListFilterBar";
import { ListSearchInput } from "../../../app/components/ListSearchInput";
import { ListTable } from "../../../app/components/ListTable";
import { PageHeader } from "../../../app/components/PageHeader";
import { RegionFilterSelect } from "../../../app/regions/components/RegionFilterSelect";
import { useCan } from "../../../app/session";
import { useIsMobile } from "../../../app/useIsMobile";
import { useUrlListState } from "../../../app/useUrlListState";
import { ExportButton } from "../../../modules/imports/components/ExportButton";
import { daysAgoText, stationKeys, stationsApi } from "../api";

const columns: TableColumnsType<Station> = [
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
];

/** 服务站: the stations of the reader's counties, searchable, with how fresh each one's checks are. */
export function StationListPage() {
  const { query, update } = useUrlListState(stationListQuerySchema);
  const can = useCan();
  const isMobile = useIsMobile();
  const list = useQuery({ queryKey: [...stationKeys.all, "list", query], queryFn: ({ signal }) => stationsApi.list(query, signal), placeholderData: keepPreviousData });
  const filtered = Boolean(query.q || query.countyCode || query.status);
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
      <ListFilterBar>
        <ListSearchInput value={query.q} placeholder="站点名称、地址、依托单位" width={260} onSearch={(q) => update({ q })} />
        <RegionFilterSelect value={query.countyCode} onChange={(countyCode) => update({ countyCode })} width={200} aria-label="区域" />
        <Select aria-label="状态" allowClear placeholder="全部状态" value={query.status} style={{ width: isMobile ? "100%" : 140 }} onChange={(status) => update({ status })} options={stationStatuses.map((s) => ({ value: s, label: stationStatusLabels[s] }))} />
      </ListFilterBar>
      <ListCard list={list} paging={query} onPageChange={update} showTotal={(t) => `共 ${t} 个`} emptyText={filtered ? "没有符合条件的服务站" : "本辖区还没有登记服务站"}>
        {(table) => <ListTable<Station> {...table} scroll={{ x: "max-content" }} columns={columns} />}
      </ListCard>
    </>
  );
}
