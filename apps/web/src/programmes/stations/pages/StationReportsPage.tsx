import { reportKindLabels, reportOutcomeLabels, reportOutcomes, todayInChina, type StationReport } from "@jiangxin/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Grid, Input, Radio, Segmented, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { formErrorOf } from "../../../app/applyFieldErrors";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { stationKeys, stationsApi } from "../api";

const time = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/** 问题报告: workers' reports about the county's stations, unanswered first; the to-do opens one to answer. */
export function StationReportsPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") ?? "open") as "open" | "answered" | "all";
  const page = Number(params.get("page") ?? 1);
  const query = { status: status === "all" ? undefined : status, page, pageSize: 20 };
  const list = useQuery({ queryKey: [...stationKeys.all, "reports", query], queryFn: ({ signal }) => stationsApi.reports(query, signal), placeholderData: keepPreviousData });
  const today = todayInChina(new Date());
  const narrow = !Grid.useBreakpoint().md;
  return (
    <>
      <PageHeader title="服务站问题报告" description="工人扫码或在站点页面报告的问题：在答复期限前核实并答复，报告人凭回执码可见答复。" />
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => setParams({ status: String(v) }, { replace: true })}
        options={[{ value: "open", label: "待答复" }, { value: "answered", label: "已答复" }, { value: "all", label: "全部" }]}
      />
      {list.isError ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<StationReport>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: "max-content" }}
            onRow={(r) => ({ onClick: () => void navigate(`/stations/reports/${r.id}?${params.toString()}`), style: { cursor: "pointer" } })}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 条`, onChange: (p) => setParams({ status, page: String(p) }, { replace: true }) }}
            columns={[
              {
                title: "站点",
                key: "station",
                render: (_, r) => (
                  <div style={{ maxWidth: 280, whiteSpace: "normal" }}>
                    {r.stationName}
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>{r.countyName}</Typography.Text>
                    {/* On a phone the deadline and state columns are hidden: they show here instead of off-screen. */}
                    {narrow ? <Typography.Text type={!r.answeredAt && r.dueDate < today ? "danger" : "secondary"} style={{ display: "block", fontSize: 12 }}>{r.answeredAt ? "已答复" : `待答复 · ${r.dueDate} 前${r.dueDate < today ? "(逾期)" : ""}`}</Typography.Text> : null}
                  </div>
                ),
              },
              { title: "问题", key: "kind", width: 140, render: (_, r) => <Tag color={r.kind === "locked" ? "red" : "default"}>{reportKindLabels[r.kind]}</Tag> },
              { title: "报告时间", key: "at", width: 170, responsive: ["md"], render: (_, r) => time(r.reportedAt) },
              { title: "答复期限", key: "due", width: 120, responsive: ["md"], render: (_, r) => (!r.answeredAt && r.dueDate < today ? <Typography.Text type="danger">{r.dueDate} 逾期</Typography.Text> : r.dueDate) },
              { title: "状态", key: "status", width: 100, responsive: ["md"], render: (_, r) => (r.answeredAt ? <Tag color="green">{r.outcome ? reportOutcomeLabels[r.outcome] : "已答复"}</Tag> : <Tag color="orange">待答复</Tag>) },
            ]}
          />
        </Card>
      )}
      {id ? <ReportDrawer id={id} onClose={() => void navigate(`/stations/reports?${params.toString()}`)} /> : null}
    </>
  );
}

function ReportDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ outcome: "resolved" | "unfounded"; answer: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const r = useQuery({ queryKey: [...stationKeys.all, "report", id], queryFn: ({ signal }) => stationsApi.reportOf(id, signal) });
  const answer = useMutation({
    mutationFn: (v: { outcome: string; answer: string }) => stationsApi.answer(id, v),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: stationKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["inbox"] });
      void message.success("已答复，报告人凭回执码可见");
    },
    onError: (e) => setFormError(formErrorOf(form, e, ["outcome", "answer"])),
  });
  return (
    <Drawer open title="报告详情" onClose={onClose} width={Math.min(520, window.innerWidth)} destroyOnHidden>
      {r.isPending ? null : r.isError ? (
        <QueryErrorResult error={r.error} onRetry={() => void r.refetch()} />
      ) : (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="站点"><Link to={`/stations/${r.data.stationId}`}>{r.data.stationName}</Link></Descriptions.Item>
            <Descriptions.Item label="问题">{reportKindLabels[r.data.kind]}</Descriptions.Item>
            <Descriptions.Item label="说明">{r.data.note || "—"}</Descriptions.Item>
            <Descriptions.Item label="发现时间">{time(r.data.observedAt)}</Descriptions.Item>
            <Descriptions.Item label="报告时间">{time(r.data.reportedAt)}</Descriptions.Item>
            <Descriptions.Item label="答复期限">{r.data.dueDate}</Descriptions.Item>
            <Descriptions.Item label="回执码">{r.data.receiptCode}</Descriptions.Item>
            {r.data.answer ? <Descriptions.Item label="答复">{r.data.outcome ? `【${reportOutcomeLabels[r.data.outcome]}】` : ""}{r.data.answer}</Descriptions.Item> : null}
          </Descriptions>
          {!r.data.answeredAt && can("stationReport.answer") ? (
            <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => answer.mutate(v)}>
              <Form.Item name="outcome" label="核实结果" rules={[{ required: true, message: "请选择核实结果" }]}>
                <Radio.Group options={reportOutcomes.map((o) => ({ value: o, label: reportOutcomeLabels[o] }))} />
              </Form.Item>
              <Form.Item name="answer" label="答复(报告人可见)" rules={[{ required: true, message: "请填写答复" }]}>
                <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
              </Form.Item>
              {formError ? <Alert type="error" message={formError} style={{ marginBottom: 12 }} /> : null}
              <Button type="primary" htmlType="submit" loading={answer.isPending}>提交答复</Button>
            </Form>
          ) : null}
        </>
      )}
    </Drawer>
  );
}
