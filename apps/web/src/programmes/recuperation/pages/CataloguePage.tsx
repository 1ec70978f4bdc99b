import { useQuery } from "@tanstack/react-query";
import { Table, Tabs } from "antd";
import dayjs from "dayjs";
import { PageHeader } from "../../../app/components/PageHeader";
import { fetchBases, fetchRoutes, fetchSessions, recuperationKeys } from "../api";

/** 基地、线路与期次: the province's certified bases, the routes over them and this year's sessions with places taken. */
export function CataloguePage() {
  const year = dayjs().year();
  const bases = useQuery({ queryKey: [...recuperationKeys.all, "bases"], queryFn: ({ signal }) => fetchBases(signal) });
  const routes = useQuery({ queryKey: [...recuperationKeys.all, "routes"], queryFn: ({ signal }) => fetchRoutes(signal) });
  const sessions = useQuery({ queryKey: [...recuperationKeys.all, "sessions", year], queryFn: ({ signal }) => fetchSessions(year, signal) });
  return (
    <>
      <PageHeader title="疗休养基地、线路与期次" description="省级疗休养基地(认定期内)，线路含路途不超过5天，价格不超过每人每天600元。" />
      <Tabs
        items={[
          {
            key: "bases",
            label: `基地(${bases.data?.length ?? 0})`,
            children: (
              <Table
                rowKey="id"
                size="small"
                loading={bases.isPending}
                scroll={{ x: 760 }}
                dataSource={bases.data ?? []}
                columns={[
                  { title: "编号", dataIndex: "code", width: 80 },
                  { title: "名称", dataIndex: "name" },
                  { title: "地区", key: "r", render: (_, b) => `${b.cityName}${b.countyName}` },
                  { title: "类型", dataIndex: "kind" },
                  { title: "接待能力", dataIndex: "capacity", align: "right" },
                  { title: "元/人/天", dataIndex: "pricePerDay", align: "right" },
                  { title: "认定期限", key: "c", render: (_, b) => `${b.certifiedFrom} 至 ${b.certifiedUntil}` },
                ]}
              />
            ),
          },
          {
            key: "routes",
            label: `线路(${routes.data?.length ?? 0})`,
            children: (
              <Table
                rowKey="id"
                size="small"
                loading={routes.isPending}
                scroll={{ x: 600 }}
                dataSource={routes.data ?? []}
                columns={[
                  { title: "线路", dataIndex: "name" },
                  { title: "主题", dataIndex: "theme" },
                  { title: "天数", dataIndex: "days", align: "right" },
                  { title: "基地", key: "b", render: (_, r) => r.bases.map((b) => `${b.baseName}(${b.days}天)`).join(" → ") },
                ]}
              />
            ),
          },
          {
            key: "sessions",
            label: `${year}年期次(${sessions.data?.length ?? 0})`,
            children: (
              <Table
                rowKey="id"
                size="small"
                loading={sessions.isPending}
                scroll={{ x: 640 }}
                dataSource={sessions.data ?? []}
                columns={[
                  { title: "期次", dataIndex: "code", width: 110 },
                  { title: "线路", dataIndex: "routeName" },
                  { title: "日期", key: "d", render: (_, s) => `${s.startsOn} 至 ${s.endsOn}` },
                  { title: "名额", dataIndex: "capacity", align: "right" },
                  { title: "已分配", dataIndex: "taken", align: "right" },
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}
