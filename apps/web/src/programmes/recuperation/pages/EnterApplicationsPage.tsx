import { FileExcelOutlined } from "@ant-design/icons";
import { recuperationOutcomeTexts, type RecuperationApplicationRow } from "@jiangxin/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Flex, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { ImportDrawer } from "../../../modules/imports/components/ImportDrawer";
import { EnterCard } from "../components/EnterCard";
import { fetchApplications, fetchRounds, recuperationKeys } from "../api";

const channelLabels: Record<RecuperationApplicationRow["channel"], string> = { self: "本人申请", union: "工会代报", import: "Excel代报" };

/**
 * 代会员申请: a union enters its members' applications — many at once from the Excel template (the
 * person by ID number from the people registry, up to three ranked sessions, the priority group as a
 * check; every bad cell named), or one by one — and sees the round's applications within its scope.
 */
export function EnterApplicationsPage() {
  const can = useCan();
  const queryClient = useQueryClient();
  const [importing, setImporting] = useState(false);
  const rounds = useQuery({ queryKey: recuperationKeys.rounds, queryFn: ({ signal }) => fetchRounds(signal) });
  const open = (rounds.data ?? []).filter((r) => r.status === "open" || r.status === "committed");
  const [chosen, setChosen] = useState<string>();
  const roundId = chosen ?? open[0]?.id;
  const [page, setPage] = useState(1);
  const apps = useQuery({
    queryKey: [...recuperationKeys.rounds, roundId, "apps", page],
    queryFn: ({ signal }) => fetchApplications(roundId!, page, signal),
    enabled: roundId !== undefined,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
  return (
    <>
      <PageHeader title="代会员申请疗休养" description="工会为本会已确认的会员代为申请：用Excel模板批量代报，或逐个录入。分组按职工库中的职工类别确定，名额计入会员所在工会。" />
      {rounds.isError ? <QueryErrorResult error={rounds.error} onRetry={() => void rounds.refetch()} /> : null}
      {rounds.isSuccess && open.length === 0 ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title="目前没有接受申请的轮次，省总工会新建轮次后即可代报。" /> : null}
      {can("data.import") ? (
        <Card title="Excel批量代报" style={{ marginBottom: 16 }} data-testid="import-card">
          <Flex vertical gap={8}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              下载模板，每行一名会员：身份证号、姓名、轮次、最多3个志愿期次(按志愿顺序，从下拉列表选择)、优先分组(选填，用于核对)、上次疗休养年份(选填)。
              只能为本会会员代报；有错误的行逐格说明原因，可选择“全部正确才导入”或“只导入正确的行”。
            </Typography.Paragraph>
            <div>
              <Button type="primary" icon={<FileExcelOutlined />} onClick={() => setImporting(true)} disabled={open.length === 0}>
                批量代报
              </Button>
            </div>
          </Flex>
        </Card>
      ) : null}
      <EnterCard />
      <Card title="本轮申请" data-testid="entered-applications">
        {open.length > 1 ? (
          <Select style={{ width: "100%", maxWidth: 320, marginBottom: 12 }} value={roundId} onChange={(v) => (setChosen(v), setPage(1))} options={open.map((r) => ({ value: r.id, label: r.name }))} aria-label="轮次" />
        ) : null}
        {roundId === undefined ? (
          <Empty description="无数据" />
        ) : apps.isError ? (
          <QueryErrorResult error={apps.error} onRetry={() => void apps.refetch()} />
        ) : (
          <Table<RecuperationApplicationRow>
            rowKey="id"
            size="small"
            loading={apps.isPending}
            scroll={{ x: 640 }}
            dataSource={apps.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无数据" /> }}
            pagination={{ current: page, pageSize: 20, total: apps.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 条`, size: "small" }}
            columns={[
              { title: "姓名", dataIndex: "personName", width: 90 },
              { title: "工会", dataIndex: "unionName", ellipsis: true },
              { title: "分组", dataIndex: "groupRank", width: 70, render: (g: number) => `第${g}组` },
              { title: "志愿期次", key: "c", render: (_, a) => a.choices.join("、") },
              { title: "方式", dataIndex: "channel", width: 90, render: (c: RecuperationApplicationRow["channel"]) => <Tag>{channelLabels[c]}</Tag> },
              { title: "结果", key: "o", width: 140, render: (_, a) => (a.outcome !== null ? recuperationOutcomeTexts[a.outcome] : "待摇号") },
            ]}
          />
        )}
      </Card>
      {can("data.import") ? <ImportDrawer kind="recuperationApplications" open={importing} onClose={() => setImporting(false)} onDone={refresh} /> : null}
    </>
  );
}
