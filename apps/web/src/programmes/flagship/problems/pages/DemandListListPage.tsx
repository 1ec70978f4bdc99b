import { useState } from "react";
import { PlusOutlined } from "@ant-design/icons";
import { demandListQuerySchema, demandListSourceLabels, demandListStatusLabels, demandListStatuses, isStaffRole, type DemandList, type DemandListStatus } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Progress, Segmented, Space, Tag, Typography, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router-dom";
import { ListCard } from "../../../../app/components/ListCard";
import { ListSearchInput } from "../../../../app/components/ListSearchInput";
import { ListTable } from "../../../../app/components/ListTable";
import { PageHeader } from "../../../../app/components/PageHeader";
import { useCan, useSession } from "../../../../app/session";
import { useIsMobile } from "../../../../app/useIsMobile";
import { useUrlListState } from "../../../../app/useUrlListState";
import { listDemandLists } from "../api";
import { RegionFilterSelect } from "../../../../app/regions/components/RegionFilterSelect";
import { problemQueryKeys } from "../problemQueryKeys";
import { ExportButton } from "../../../../modules/imports/components/ExportButton";
import { ImportDrawer } from "../../../../modules/imports/components/ImportDrawer";
import { UploadOutlined } from "@ant-design/icons";

const statusColors: Record<DemandListStatus, string> = { pending: "red", inProgress: "processing", done: "success", withdrawn: "default" };

/** 待受理 with how many problems wait, so a county sees at a glance which lists need accepting. */
function StatusTag({ l }: { l: DemandList }) {
  return (
    <Tag color={statusColors[l.status]} style={{ marginInlineEnd: 0 }}>
      {demandListStatusLabels[l.status]}
      {l.status === "pending" && l.pendingCount > 0 ? ` ${l.pendingCount}项` : ""}
    </Tag>
  );
}

export function DemandListListPage() {
  const { query, update } = useUrlListState(demandListQuerySchema);
  const [importing, setImporting] = useState(false);
  const { user } = useSession();
  const can = useCan();
  const isMobile = useIsMobile();
  const list = useQuery({
    queryKey: problemQueryKeys.demandLists(query),
    queryFn: ({ signal }) => listDemandLists(query, signal),
    placeholderData: keepPreviousData,
  });
  // The 待受理 count of the same region and search, whatever status tab is open: one row's worth of paging.
  const pendingQuery = { ...query, status: "pending" as const, page: 1, pageSize: 1 };
  const pending = useQuery({
    queryKey: problemQueryKeys.demandLists(pendingQuery),
    queryFn: ({ signal }) => listDemandLists(pendingQuery, signal),
    placeholderData: keepPreviousData,
  });
  const pendingTotal = pending.data?.total ?? 0;

  const columns: TableColumnsType<DemandList> = [
    {
      title: "企业",
      key: "enterprise",
      width: isMobile ? 150 : 220,
      render: (_, l) => (
        <div>
          <Link to={`/demand-lists/${l.id}`}>{l.enterpriseName}</Link>
          {isMobile ? <StatusTag l={l} /> : null}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {dayjs(l.submittedAt).format("YYYY-MM-DD")}
            {isMobile ? ` · ${l.countyName}` : ""}
          </Typography.Text>
        </div>
      ),
    },
    // On a phone both already stand in the first cell: left out there, not folded (the fold's hint named them as hidden).
    ...(isMobile
      ? []
      : [
          { title: "状态", key: "status", width: 120, render: (_: unknown, l: DemandList) => <StatusTag l={l} /> },
          { title: "县区", dataIndex: "countyName", key: "county", width: 90 },
        ]),
    {
      title: "难题",
      key: "problems",
      width: isMobile ? 110 : 170,
      render: (_, l) =>
        l.problemCount === 0 ? (
          "—"
        ) : (
          <Flex vertical gap={0}>
            <span className="jx-nowrap">
              已解决 {l.solvedCount}/{l.problemCount}
            </span>
            <Progress percent={Math.round((l.solvedCount / l.problemCount) * 100)} size="small" showInfo={false} />
          </Flex>
        ),
    },
    {
      title: "培训需求",
      key: "training",
      width: 110,
      responsive: ["md"],
      render: (_, l) => (l.trainingNeedCount === 0 ? "—" : `${l.trainingNeedCount} 项 / ${l.trainingWorkers} 人`),
    },
    {
      title: "来源",
      key: "source",
      width: 120,
      responsive: ["md"],
      render: (_, l) => <Tag color={l.source === "enterprise" ? "blue" : "purple"}>{demandListSourceLabels[l.source]}</Tag>,
    },
    { title: "提交人", dataIndex: "submittedByName", key: "by", width: 110, responsive: ["lg"] },
  ];

  return (
    <>
      <PageHeader
        title="需求清单"
        description={user.role === "enterprise" ? "本企业提交的需求清单。" : "辖区企业提交或由工会代为录入的需求清单。"}
        extra={
          <Space wrap>
            <ExportButton url="/api/demand-lists/export" query={query} />
            {can("data.import") ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                批量导入
              </Button>
            ) : null}
            {can("demand.submit") ? (
              <Link to="/demand-lists/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  提交需求清单
                </Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      {can("data.import") ? <ImportDrawer kind="demandLists" open={importing} onClose={() => setImporting(false)} onDone={() => void list.refetch()} /> : null}
      {isStaffRole(user.role) ? (
        <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
          <Flex wrap gap={12} align="center">
            <RegionFilterSelect value={query.regionCode} width={220} onChange={(code) => update({ regionCode: code })} />
            <ListSearchInput value={query.q} width={300} placeholder="企业名称、信用代码或难题标题" onSearch={(q) => update({ q: q || undefined })} />
          </Flex>
        </Card>
      ) : null}
      <div style={{ marginBottom: 12, overflowX: "auto" }}>
        <Segmented<DemandListStatus | "all">
          value={query.status ?? "all"}
          onChange={(v) => update({ status: v === "all" ? undefined : v })}
          options={[
            { value: "all", label: "全部" },
            ...demandListStatuses.map((s) => ({
              value: s,
              label:
                // The count inline: a Badge's corner number is clipped by the segmented control.
                s === "pending" ? (
                  <span>
                    {demandListStatusLabels[s]}
                    {pendingTotal > 0 ? (
                      <Typography.Text type="danger" strong style={{ marginInlineStart: 4 }}>
                        {pendingTotal}
                      </Typography.Text>
                    ) : null}
                  </span>
                ) : (
                  demandListStatusLabels[s]
                ),
            })),
          ]}
        />
      </div>
      <ListCard
        list={list}
        paging={query}
        onPageChange={update}
        emptyText="暂无需求清单"
      >
        {(table) => <ListTable<DemandList> {...table} columns={columns} />}
      </ListCard>
    </>
  );
}
