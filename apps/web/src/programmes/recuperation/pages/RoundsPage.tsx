import { recuperationOutcomeTexts, recuperationRoundStatusLabels, type RecuperationApplicationRow, type RecuperationRound, type RecuperationShare } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Form, Input, InputNumber, Modal, Progress, Skeleton, Statistic, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { createRound, fetchApplications, fetchReport, fetchRounds, recuperationKeys, roundAction } from "../api";

const pct = (n: number, d: number) => (d > 0 ? `${((n / d) * 100).toFixed(1)}%` : "—");

function ShareTable({ title, rows, testId }: { title: string; rows: RecuperationShare[]; testId?: string }) {
  const eligible = rows.reduce((s, r) => s + r.eligible, 0);
  const placed = rows.reduce((s, r) => s + r.placed, 0);
  return (
    <Table
      data-testid={testId}
      size="small"
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      rowKey="key"
      pagination={rows.length > 10 ? { pageSize: 10, size: "small" } : false}
      // Widths keep the two-character headers on one line on a phone (the table scrolls instead).
      scroll={{ x: 600 }}
      dataSource={rows}
      locale={{ emptyText: "无数据" }}
      columns={[
        { title: "类别", dataIndex: "label", width: 140 },
        { title: "申请", dataIndex: "applicants", align: "right", width: 70 },
        { title: "参加摇号", dataIndex: "eligible", align: "right", width: 90 },
        { title: "获得名额", dataIndex: "placed", align: "right", width: 90 },
        { title: "摇号人数占比", key: "es", align: "right", width: 110, render: (_, r) => pct(r.eligible, eligible) },
        { title: "名额占比", key: "ps", align: "right", width: 90, render: (_, r) => pct(r.placed, placed) },
      ]}
    />
  );
}

function ReportDrawer({ round, onClose }: { round: RecuperationRound; onClose: () => void }) {
  const report = useQuery({ queryKey: [...recuperationKeys.rounds, round.id, "report"], queryFn: ({ signal }) => fetchReport(round.id, signal) });
  const [page, setPage] = useState(1);
  const apps = useQuery({ queryKey: [...recuperationKeys.rounds, round.id, "apps", page], queryFn: ({ signal }) => fetchApplications(round.id, page, signal) });
  return (
    <Drawer open title={`公平性报告：${round.name}`} size="large" onClose={onClose}>
      {report.isPending ? (
        <Skeleton active />
      ) : report.isError ? (
        <QueryErrorResult error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Flex vertical gap={16} data-testid="fairness-report">
          <Flex gap={24} wrap>
            <Statistic title="申请" value={report.data.applicants} />
            <Statistic title="参加摇号" value={report.data.eligible} />
            <Statistic title="获得名额" value={report.data.placed} />
            <Statistic title={`近${round.noRepeatYears}年已参加(不摇号)`} value={report.data.repeatApplicants} suffix={`人，获名额 ${report.data.repeatPlaced}`} />
            <Statistic title="获名额者中往年参加过" value={pct(report.data.placedBefore, report.data.placed)} />
          </Flex>
          <ShareTable title="优先分组：名额占比对照摇号人数占比" rows={report.data.groups} testId="report-groups" />
          <ShareTable title="性别" rows={report.data.sex} />
          <ShareTable title="职业" rows={report.data.occupation} />
          <ShareTable title="县(市、区)" rows={report.data.county} />
          <Table
            size="small"
            title={() => (
              <Typography.Text strong>
                工会名额使用：{report.data.unionTotals.unions} 个工会，名额 {report.data.unionTotals.quota}，分配 {report.data.unionTotals.placed}，用满 {report.data.unionTotals.fullyUsed} 个(下表为使用率最低者)
              </Typography.Text>
            )}
            rowKey="unionId"
            pagination={{ pageSize: 10, size: "small" }}
            scroll={{ x: 420 }}
            dataSource={report.data.unions}
            columns={[
              { title: "工会", dataIndex: "unionName" },
              { title: "名额", dataIndex: "quota", align: "right" },
              { title: "分配", dataIndex: "placed", align: "right" },
              { title: "使用率", key: "u", align: "right", render: (_, u) => pct(u.placed, u.quota) },
            ]}
          />
          <Typography.Text type="secondary">摇号计算用时 {report.data.drawMs} 毫秒。</Typography.Text>
        </Flex>
      )}
      <Table<RecuperationApplicationRow>
        style={{ marginTop: 16 }}
        size="small"
        title={() => <Typography.Text strong>申请(按摇号顺序)</Typography.Text>}
        rowKey="id"
        loading={apps.isPending}
        scroll={{ x: 640 }}
        dataSource={apps.data?.items ?? []}
        pagination={{ current: page, total: apps.data?.total ?? 0, pageSize: 20, onChange: setPage, size: "small", showSizeChanger: false }}
        columns={[
          { title: "顺序", dataIndex: "position", width: 70, render: (p: number | null) => p ?? "—" },
          { title: "姓名", dataIndex: "personName" },
          { title: "工会", dataIndex: "unionName" },
          { title: "组", dataIndex: "groupRank", width: 50 },
          { title: "志愿", dataIndex: "choices", render: (c: string[]) => c.join("、") },
          { title: "结果", key: "r", render: (_, r) => (r.sessionCode ? `${r.sessionCode} ${r.offerStatus ?? ""}` : r.outcome !== null ? recuperationOutcomeTexts[r.outcome].split("；")[0] : "—") },
        ]}
      />
    </Drawer>
  );
}

function RoundCard({ round, manage, onReport }: { round: RecuperationRound; manage: boolean; onReport: () => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [commitOpen, setCommitOpen] = useState(false);
  const [seed, setSeed] = useState("");
  const act = useMutation({
    mutationFn: ({ action, body }: { action: "commit" | "run" | "publish"; body?: unknown }) => roundAction(round.id, action, body),
    onSuccess: async (_r, v) => {
      void message.success({ commit: "种子已承诺，其SHA-256已公开", run: "摇号已开始", publish: "种子和结果已公布" }[v.action]);
      setCommitOpen(false);
      await queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
    },
  });
  const s = round.status;
  return (
    <Card
      title={round.name}
      data-testid={`round-${round.name}`}
      extra={<Tag color={s === "published" ? "green" : s === "failed" ? "red" : "blue"} data-testid="round-status">{recuperationRoundStatusLabels[s]}</Tag>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: "apps", label: "申请", children: `${round.applications} 份` },
          { key: "rule", label: "规则", children: `近${round.noRepeatYears}年参加过的不参加摇号；名额确认时限${round.offerHours}小时` },
          { key: "hash", label: "种子SHA-256", children: round.seedHash ? <Typography.Text code copyable style={{ wordBreak: "break-all", fontSize: 12 }}>{round.seedHash}</Typography.Text> : "未承诺" },
          { key: "seed", label: "种子", children: round.seed ? <Typography.Text code copyable data-testid="round-seed">{round.seed}</Typography.Text> : "公布结果时公开" },
          ...(round.publishedAt ? [{ key: "pub", label: "公布时间", children: dayjs(round.publishedAt).format("YYYY-MM-DD HH:mm") }] : []),
        ]}
      />
      {s === "running" ? <Progress percent={round.progress.total ? Math.floor((round.progress.done / round.progress.total) * 100) : 0} format={() => round.progress.step ?? ""} /> : null}
      {round.failure ? <Alert type="error" showIcon title={round.failure} /> : null}
      {act.isError ? <Alert type="error" showIcon title={errorMessage(act.error)} style={{ marginTop: 8 }} /> : null}
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {manage && s === "open" ? <Button onClick={() => setCommitOpen(true)}>承诺种子</Button> : null}
        {manage && (s === "committed" || s === "failed") ? (
          <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ action: "run" })}>
            摇号
          </Button>
        ) : null}
        {manage && s === "drawn" ? (
          <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ action: "publish" })}>
            公布种子和结果
          </Button>
        ) : null}
        {s === "drawn" || s === "published" ? <Button onClick={onReport}>公平性报告</Button> : null}
      </Flex>
      <Modal open={commitOpen} title="承诺种子" okText="承诺" confirmLoading={act.isPending} onCancel={() => setCommitOpen(false)} onOk={() => act.mutate({ action: "commit", body: seed ? { seed } : {} })}>
        <Typography.Paragraph>承诺后立即公开种子的SHA-256，种子本身在公布结果时公开，任何人可据此核验摇号未被重抽。种子一经承诺不能更换，每轮只能摇号一次。</Typography.Paragraph>
        <Input placeholder="留空则由系统随机生成；也可填入公开抽取的数字" value={seed} onChange={(e) => setSeed(e.target.value)} />
      </Modal>
    </Card>
  );
}

/** 分配轮次 (province): create a round, commit the seed, run the draw as a job with progress, publish, and read each round's fairness report. */
export function RoundsPage() {
  const manage = useCan()("recuperation.manage");
  const rounds = useQuery({
    queryKey: recuperationKeys.rounds,
    queryFn: ({ signal }) => fetchRounds(signal),
    refetchInterval: (q) => (q.state.data?.some((r) => r.status === "running") ? 1000 : false),
  });
  const [report, setReport] = useState<RecuperationRound | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ name: string; noRepeatYears: number; offerHours: number }>();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (v: { name: string; noRepeatYears: number; offerHours: number }) => createRound({ ...v, year: dayjs().year() }),
    onSuccess: async () => {
      setCreating(false);
      await queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
    },
  });
  return (
    <>
      <PageHeader title="疗休养分配轮次" description="按优先分组和公开摇号号码排序，依次分配第一个仍有名额的志愿(工会名额内)；种子事先承诺、事后公布。" extra={manage ? <Button type="primary" onClick={() => setCreating(true)}>新建轮次</Button> : null} />
      {rounds.isPending ? (
        <Skeleton active />
      ) : rounds.isError ? (
        <QueryErrorResult error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          {rounds.data.map((r) => (
            <RoundCard key={r.id} round={r} manage={manage} onReport={() => setReport(r)} />
          ))}
        </Flex>
      )}
      {report ? <ReportDrawer round={report} onClose={() => setReport(null)} /> : null}
      <Modal open={creating} title="新建轮次" okText="新建" confirmLoading={create.isPending} onCancel={() => setCreating(false)} onOk={() => void form.validateFields().then((v) => create.mutate(v))}>
        <Form form={form} layout="vertical" initialValues={{ noRepeatYears: 3, offerHours: 48 }}>
          <Form.Item name="name" label="轮次名称" rules={[{ required: true, message: "请填写轮次名称" }]}>
            <Input placeholder={`${dayjs().year()}年第三批`} />
          </Form.Item>
          <Form.Item name="noRepeatYears" label="近几年参加过的不参加摇号">
            <InputNumber addonAfter="年" />
          </Form.Item>
          <Form.Item name="offerHours" label="名额确认时限">
            <InputNumber addonAfter="小时" />
          </Form.Item>
          {create.isError ? <Alert type="error" showIcon title={errorMessage(create.error)} /> : null}
        </Form>
      </Modal>
    </>
  );
}
