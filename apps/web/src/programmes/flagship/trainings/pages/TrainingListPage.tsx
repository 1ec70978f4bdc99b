import { PlusOutlined } from "@ant-design/icons";
import { trainingListQuerySchema, type Training } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Flex, Tag, Typography, type TableColumnsType, Space } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ListCard } from "../../../../app/components/ListCard";
import { ListTable } from "../../../../app/components/ListTable";
import { PageHeader } from "../../../../app/components/PageHeader";
import { ListSearchInput } from "../../../../app/components/ListSearchInput";
import { useCan } from "../../../../app/session";
import { DateRangeFilter } from "../../../../app/components/DateRangeFilter";
import { useUrlListState } from "../../../../app/useUrlListState";
import { useIsMobile } from "../../../../app/useIsMobile";
import { RegionFilterSelect } from "../../../../app/regions/components/RegionFilterSelect";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { ShowVoidedCheckbox } from "../../corrections/components/ShowVoidedCheckbox";
import { listTrainings } from "../api";
import { TrainingFormDrawer } from "../components/TrainingFormDrawer";
import { TrainingCorrectActions } from "../components/TrainingCorrectActions";
import { ExpertName } from "../../experts/ExpertName";
import { trainingQueryKeys } from "../trainingQueryKeys";
import { ExportButton } from "../../../../modules/imports/components/ExportButton";

export function TrainingListPage() {
  const { query, update } = useUrlListState(trainingListQuerySchema);
  const can = useCan();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const { scope } = useRegionScope();
  const canWrite = can("training.write");
  const isMobile = useIsMobile();
  const list = useQuery({ queryKey: trainingQueryKeys.list(query), queryFn: ({ signal }) => listTrainings(query, signal), placeholderData: keepPreviousData });
  // Voided trainings stay listed (marked) but count in no total.
  const pageTrainees = (list.data?.items ?? []).reduce((sum, t) => sum + (t.voided ? 0 : t.trainees), 0);

  // On a phone the date, 人次 and the 更正/作废 buttons took 320 of 360 px and the topic stood one
  // character a line: there the date goes under the topic and the buttons stack in a narrow column.
  const columns: TableColumnsType<Training> = [
    ...(isMobile ? [] : [{ title: "日期", dataIndex: "date", key: "date", width: 110 }]),
    {
      title: "培训主题",
      key: "topic",
      render: (_, t) => (
        <div>
          {t.topic}
          {t.voided ? <Tag style={{ marginInlineStart: 6 }}>已作废</Tag> : null}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {isMobile ? `${t.date} · ` : ""}
            {t.enterpriseName ?? "面向全县"}
            {t.sessionId ? (
              <>
                {" · "}
                <Link to={`/service-sessions/${t.sessionId}`}>所属场次</Link>
              </>
            ) : null}
          </Typography.Text>
        </div>
      ),
    },
    { title: "县(市、区)", dataIndex: "countyName", key: "county", width: 100, responsive: ["md"] },
    { title: "授课专家", key: "trainers", width: 200, responsive: ["md"], render: (_, t) => t.trainers.map((x) => <ExpertName key={x.id} name={x.name} detail={x.detail} block />) },
    { title: "人次", dataIndex: "trainees", key: "trainees", width: isMobile ? 56 : 80, align: "right", render: (n: number, t) => (t.voided ? <Typography.Text delete>{n}</Typography.Text> : n) },
    ...(canWrite ? [{ title: "操作", key: "actions", width: isMobile ? 76 : 130, render: (_: unknown, t: Training) => <TrainingCorrectActions training={t} /> }] : []),
  ];

  return (
    <>
      <PageHeader
        title="培训"
        description="劳模工匠培训技术工人：每次培训的主题、授课专家与培训人次。"
        extra={
          <Space wrap>
            <ExportButton url="/api/trainings/export" query={query} />
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                登记培训
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <ListSearchInput value={query.q} placeholder="培训主题" width={260} onSearch={(q) => update({ q })} />
          <RegionFilterSelect value={query.regionCode} width={200} onChange={(code) => update({ regionCode: code })} />
          <DateRangeFilter from={query.from} to={query.to} onChange={update} />
          <ShowVoidedCheckbox value={query.showVoided} onChange={(showVoided) => update({ showVoided })} />
        </Flex>
      </Card>
      <ListCard
        list={list}
        paging={query}
        onPageChange={update}
        showTotal={(total) => `共 ${total} 次，本页 ${pageTrainees} 人次`}
        emptyText="没有符合条件的培训"
      >
        {(table) => <ListTable<Training> {...table} columns={columns} />}
      </ListCard>
      {canWrite ? (
        <TrainingFormDrawer
          open={creating}
          scope={scope}
          onClose={() => setCreating(false)}
          onCreated={(t) => {
            setCreating(false);
            void message.success(`已登记培训“${t.topic}”，${t.trainees}人次`);
          }}
        />
      ) : null}
    </>
  );
}
