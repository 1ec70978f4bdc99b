import { EditOutlined, PrinterOutlined, WarningOutlined } from "@ant-design/icons";
import { panelDutyLabels, prizeLabels, resultStatuses, resultStatusLabels, type EventResults, type Registration, type ResultRow } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Popconfirm, Steps, Table, Tabs, Tag, Tooltip, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { PageLoading } from "../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { ExportButton } from "../../../modules/imports/components/ExportButton";
import { competitionKeys, competitionsApi, type EventView } from "../api";
import { AppealsPanel } from "../components/AppealsPanel";
import { PanelTab } from "../components/PanelTab";
import { ResultStatusTag } from "../components/labels";

/** 赛项: its state from draft to final, the organiser's and the panel's next steps, results, registrations, appeals, panel. */
export function EventPage() {
  const { id = "" } = useParams();
  const can = useCan();
  const client = useQueryClient();
  const { message } = App.useApp();
  const view = useQuery({ queryKey: competitionKeys.event(id), queryFn: () => competitionsApi.event(id) });
  const act = useMutation({
    mutationFn: async (step: "draw" | "open" | "verify" | "sign" | "publish" | "finalise") => {
      if (step === "draw") await competitionsApi.draw(id);
      else if (step === "open") await competitionsApi.openJudging(id);
      else await competitionsApi.move(id, step);
      return step;
    },
    onSuccess: (step) => {
      void client.invalidateQueries({ queryKey: competitionKeys.all });
      void message.success({ draw: "已抽签，参赛号已生成", open: "评分已开始，评分标准已锁定", verify: "核分完成", sign: "已签字", publish: "成绩已公示，申诉期开始", finalise: "成绩已确定" }[step]);
    },
    onError: (err) => void message.error(err instanceof ApiError ? err.message : "操作失败"),
  });
  if (view.isPending) return <PageLoading />;
  if (view.isError) return <QueryErrorResult error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;
  const e = v.event;
  const lead = v.organiser || v.duties.includes("chief") || v.duties.includes("supervisor");
  const chief = v.duties.includes("chief");
  const supervisor = v.duties.includes("supervisor");
  const buttons = [
    v.organiser && !e.entryNumbersDrawn ? { key: "draw", label: "抽签(截止报名)" } : null,
    v.organiser && e.entryNumbersDrawn && !e.judgingOpenedAt ? { key: "open", label: "开始评分" } : null,
    chief && e.status === "draft" && e.judgingOpenedAt ? { key: "verify", label: "核分完成" } : null,
    chief && e.status === "verified" && !e.chiefSignedAt ? { key: "sign", label: "裁判长签字" } : null,
    supervisor && e.status === "verified" && !e.supervisorSignedAt ? { key: "sign", label: "监督仲裁签字" } : null,
    (v.organiser || chief) && e.status === "signed" ? { key: "publish", label: "公示成绩" } : null,
    (v.organiser || chief) && e.status === "published" ? { key: "finalise", label: "成绩确定" } : null,
  ].filter((b): b is { key: "draw" | "open" | "verify" | "sign" | "publish" | "finalise"; label: string } => b !== null);
  const seeResults = lead || e.status === "published" || e.status === "final" || (v.duties.length > 0 && e.status !== "draft");
  return (
    <>
      <PageHeader
        title={`${e.name}`}
        description={
          <Flex gap={8} wrap align="center">
            <Link to={`/competitions/${v.competitionId}`}>{v.competitionName}</Link>
            {e.judgingOpenedAt ? <ResultStatusTag status={e.status} /> : <Tag color={e.entryNumbersDrawn ? "default" : "green"}>{e.entryNumbersDrawn ? "已抽签" : "报名中"}</Tag>}
            {v.duties.map((d) => (
              <Tag key={d} color="purple">
                我是{panelDutyLabels[d]}
              </Tag>
            ))}
          </Flex>
        }
        extra={
          <>
            {v.duties.length > 0 && e.judgingOpenedAt ? (
              <Link to={`/competition-events/${e.id}/scoring`}>
                <Button type="primary" icon={<EditOutlined />}>
                  评分与复核
                </Button>
              </Link>
            ) : null}
            {buttons.map((b) => (
              <Button key={b.key + b.label} type="primary" loading={act.isPending && act.variables === b.key} onClick={() => act.mutate(b.key)}>
                {b.label}
              </Button>
            ))}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { overflowX: "auto" } }}>
        <Steps
          size="small"
          current={resultStatuses.indexOf(e.status)}
          items={resultStatuses.map((s) => ({
            title: resultStatusLabels[s],
            description:
              s === "signed" && e.status === "verified"
                ? `裁判长${e.chiefSignedAt ? "已签" : "未签"}，监督${e.supervisorSignedAt ? "已签" : "未签"}`
                : s === "published" && e.publishedAt
                  ? `申诉期${e.appealWindowMinutes / 60}小时`
                  : undefined,
          }))}
        />
      </Card>
      <Tabs
        items={[
          seeResults ? { key: "results", label: "成绩", children: <ResultsTab id={id} view={v} /> } : null,
          { key: "registrations", label: "报名名单", children: <RegistrationsTab id={id} canWithdraw={can("competition.register") && !e.entryNumbersDrawn} /> },
          { key: "appeals", label: "申诉", children: <AppealsPanel view={v} canLodge={can("competition.appeal")} /> },
          lead ? { key: "panel", label: "裁判组与回避", children: <PanelTab view={v} /> } : null,
        ].filter((x) => x !== null)}
      />
    </>
  );
}

function ResultsTab({ id, view }: { id: string; view: EventView }) {
  const q = useQuery({ queryKey: [...competitionKeys.event(id), "results"], queryFn: () => competitionsApi.results(id) });
  if (q.isPending) return <PageLoading rows={4} />;
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const r: EventResults = q.data;
  const aspects = r.event.scheme.aspects;
  const divergent = r.rows.filter((x) => x.divergentAspects.length > 0).length;
  return (
    <Card
      title={`评分进度 ${r.marksEntered}/${r.marksExpected}，已复核 ${r.marksConfirmed}`}
      extra={
        <Flex gap={8} wrap>
          <Flex gap={4} align="center">
            <Typography.Text type="secondary">成绩</Typography.Text>
            <ExportButton url={`/api/competition-events/${id}/results/export`} query={{}} />
          </Flex>
          {view.organiser || view.duties.includes("chief") || view.duties.includes("supervisor") ? (
            <Flex gap={4} align="center">
              <Typography.Text type="secondary">评分明细</Typography.Text>
              <ExportButton url={`/api/competition-events/${id}/marks/export`} query={{}} />
            </Flex>
          ) : null}
          <Link to={`/competition-events/${id}/sheet`}>
            <Button icon={<PrinterOutlined />}>成绩单(签字用)</Button>
          </Link>
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
    >
      {divergent > 0 ? <Alert type="warning" showIcon style={{ margin: 12 }} message={`${divergent}名选手有评价分差超过${r.event.scheme.divergenceGap}分的评分项，请裁判长核查`} /> : null}
      <Table<ResultRow>
        rowKey="registrationId"
        dataSource={r.rows}
        pagination={false}
        size="small"
        scroll={{ x: "max-content" }}
        columns={[
          { title: "名次", key: "place", width: 70, render: (_, x) => (x.place === null ? "—" : x.shared ? `并列${x.place}` : x.place) },
          { title: "参赛号", dataIndex: "entryNumber", key: "entry", width: 80 },
          { title: "姓名", dataIndex: "personName", key: "name", width: 90 },
          ...aspects.map((a, i) => ({
            title: `${a.name}(${a.weight})`,
            key: a.key,
            width: 110,
            render: (_: unknown, x: ResultRow) => {
              const s = x.aspects[i];
              if (!s || s.weighted === null) return "—";
              return (
                <Tooltip title={s.counted.length > 1 || s.dropped.length ? `计入：${s.counted.join("、")}${s.dropped.length ? `；去掉：${s.dropped.join("、")}` : ""}` : undefined}>
                  <span>
                    {s.weighted}
                    {s.divergent ? (
                      <Tag color="orange" icon={<WarningOutlined />} style={{ marginLeft: 4 }}>
                        分差{s.spread}
                      </Tag>
                    ) : null}
                  </span>
                </Tooltip>
              );
            },
          })),
          { title: "总分", dataIndex: "total", key: "total", width: 80, render: (t: number | null) => (t === null ? "—" : <Typography.Text strong>{t}</Typography.Text>) },
          { title: "奖项", key: "prize", width: 80, render: (_, x) => (x.prize ? <Tag color={x.prize === "first" ? "gold" : "blue"}>{prizeLabels[x.prize]}</Tag> : null) },
        ]}
      />
    </Card>
  );
}

/** 报名名单 within the reader's reach; before the draw, whoever registered someone (or the worker) may withdraw it. */
function RegistrationsTab({ id, canWithdraw }: { id: string; canWithdraw: boolean }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: [...competitionKeys.event(id), "registrations"], queryFn: () => competitionsApi.registrations(id) });
  const withdraw = useMutation({
    mutationFn: (registrationId: string) => competitionsApi.withdraw(registrationId),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: competitionKeys.all });
      void message.success(`${r.personName}的报名已撤回`);
    },
    onError: (err) => void message.error(err instanceof ApiError ? err.message : "撤回失败"),
  });
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Card extra={<ExportButton url={`/api/competition-events/${id}/registrations/export`} query={{}} />} title={`共 ${q.data?.filter((r) => r.status === "registered").length ?? 0} 人`} styles={{ body: { padding: 0 } }}>
      <Table
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data ?? []}
        size="small"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: "max-content" }}
        columns={[
          { title: "参赛号", dataIndex: "entryNumber", key: "entry", width: 80, render: (n: string | null) => n ?? "待抽签" },
          { title: "姓名", dataIndex: "personName", key: "name", width: 90 },
          { title: "工作单位", dataIndex: "employerName", key: "employer" },
          { title: "报名方式", dataIndex: "registeredBy", key: "by", width: 90, render: (b: "self" | "union" | "staff") => ({ self: "本人", union: "工会", staff: "工作人员" })[b] },
          { title: "状态", dataIndex: "status", key: "status", width: 80, render: (s: string) => (s === "registered" ? <Tag color="green">已报名</Tag> : <Tag>已撤回</Tag>) },
          ...(canWithdraw
            ? [
                {
                  title: "操作",
                  key: "withdraw",
                  width: 90,
                  render: (_: unknown, r: Registration) =>
                    r.status === "registered" ? (
                      <Popconfirm title={`撤回${r.personName}的报名？`} okText="撤回" cancelText="取消" onConfirm={() => withdraw.mutate(r.id)}>
                        <Button size="small" type="link" danger loading={withdraw.isPending && withdraw.variables === r.id}>
                          撤回报名
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
