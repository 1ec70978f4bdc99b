import { targetStatusLabels, type TargetSplit, type TargetSplitInput } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { approveSplit, getIndicatorCatalog, getSplit, leadershipKeys, saveSplit } from "../api";
import { formatFigure } from "../figureText";
import { chinaYear, yearOptions } from "../years";

type Quarter = "q1" | "q2" | "q3";
type RowValues = { value?: number | null; q1?: number | null; q2?: number | null; q3?: number | null };
type FormValues = { parent?: RowValues; rows?: Record<string, RowValues>; reason?: string };
type SplitRow = TargetSplit["rows"][number];

const quarters: { key: Quarter; label: string }[] = [
  { key: "q1", label: "一季度末" },
  { key: "q2", label: "二季度末" },
  { key: "q3", label: "三季度末" },
];

function valuesOf(split: TargetSplit): FormValues {
  const of = (t: SplitRow["target"]): RowValues => ({ value: t?.value ?? null, q1: t?.q1 ?? null, q2: t?.q2 ?? null, q3: t?.q3 ?? null });
  return { parent: of(split.parent.target), rows: Object.fromEntries(split.rows.map((r) => [r.code, of(r.target)])), reason: "" };
}

const rowInput = (code: string, v: RowValues | undefined) =>
  v && typeof v.value === "number" ? { regionCode: code, value: v.value, q1: v.q1 ?? null, q2: v.q2 ?? null, q3: v.q3 ?? null } : null;

/**
 * 年度目标: one indicator's target for a region and its split to the region's children. Staff enter
 * their children's targets as drafts; the province approves; the sum of the children stands against
 * the parent's target as they type (over or under is a warning, docs/targets.md).
 */
export function TargetsPage() {
  const [params, setParams] = useSearchParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // Untyped: field names carry region codes, which a typed form cannot spell as paths.
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const thisYear = chinaYear();
  const asked = Number(params.get("year"));
  const year = Number.isInteger(asked) && asked >= 2015 && asked <= thisYear + 1 ? asked : thisYear;
  const catalog = useQuery({ queryKey: leadershipKeys.catalog, queryFn: ({ signal }) => getIndicatorCatalog(signal) });
  const indicators = useMemo(() => catalog.data?.flatMap((p) => p.indicators.map((i) => ({ ...i, programmeName: p.programmeName }))) ?? [], [catalog.data]);
  const key = params.get("key") ?? indicators[0]?.key ?? "";
  const indicator = indicators.find((i) => i.key === key);
  const parentCode = params.get("parent") ?? undefined;
  const set = (name: string, value: string) => {
    setFormError(null);
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(name, value);
      return next;
    });
  };

  // The reader's own region and, for the province, its cities: the regions whose split can be opened.
  const root = useQuery({ queryKey: leadershipKeys.split(key, year, undefined), queryFn: ({ signal }) => getSplit(key, year, undefined, signal), enabled: key !== "" });
  const split = useQuery({ queryKey: leadershipKeys.split(key, year, parentCode), queryFn: ({ signal }) => getSplit(key, year, parentCode, signal), enabled: key !== "" });
  const parents = root.data ? [{ value: root.data.parent.code, label: root.data.parent.name }, ...(root.data.parent.level === "province" ? root.data.rows.map((r) => ({ value: r.code, label: r.name })) : [])] : [];

  const s = split.data;
  useEffect(() => {
    if (s) {
      form.resetFields();
      form.setFieldsValue(valuesOf(s));
    }
  }, [s, form]);

  const watched = Form.useWatch([], form) as FormValues | undefined;
  const typedSum = s ? s.rows.reduce((sum, r) => sum + (watched?.rows?.[r.code]?.value ?? 0), 0) : 0;
  const typedParent = watched?.parent?.value ?? s?.parent.target?.value ?? null;

  // The rows of the last save, in the order sent: the server names a bad row by its index.
  const sent = useRef<NonNullable<ReturnType<typeof rowInput>>[]>([]);
  const done = (next: TargetSplit, words: string) => {
    setFormError(null);
    queryClient.setQueryData(leadershipKeys.split(key, year, parentCode), next);
    void queryClient.invalidateQueries({ queryKey: ["targets"] });
    void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
    void message.success(words);
  };
  const save = useMutation({
    mutationFn: saveSplit,
    onSuccess: (next) => done(next, "已保存"),
    onError: (e) => {
      if (!(e instanceof ApiError) || !s) return setFormError(errorMessage(e));
      const placed: { name: (string | number)[]; errors: string[] }[] = [];
      const left: string[] = [];
      for (const [path, text] of Object.entries(e.fields)) {
        const m = /^rows\.(\d+)\.(\w+)$/.exec(path);
        const code = m ? sent.current[Number(m[1])]?.regionCode : undefined;
        if (m && code) placed.push({ name: ["rows", code, m[2] === "regionCode" ? "value" : (m[2] ?? "value")], errors: [text] });
        else if (/^parent\.(value|q[123])$/.test(path)) placed.push({ name: path.split("."), errors: [text] });
        else if (path === "reason") placed.push({ name: ["reason"], errors: [text] });
        else left.push(text);
      }
      form.setFields(placed);
      setFormError(left.length > 0 ? left.join("；") : placed.length === 0 ? e.message : null);
    },
  });
  const approve = useMutation({
    mutationFn: approveSplit,
    onSuccess: (next) => done(next, "已批准"),
    onError: (e) => setFormError(errorMessage(e)),
  });

  const submit = (v: FormValues) => {
    if (!s) return;
    setFormError(null);
    sent.current = s.mayWriteRows ? s.rows.flatMap((r) => rowInput(r.code, v.rows?.[r.code]) ?? []) : [];
    const parent = s.mayWriteParent ? rowInput(s.parent.code, v.parent) : null;
    const input: TargetSplitInput = { indicatorKey: key, year, parentCode: s.parent.code, rows: sent.current, ...(parent ? { parent } : {}), ...(v.reason ? { reason: v.reason } : {}) };
    save.mutate(input);
  };

  const unit = indicator?.unit ?? "";
  const numberCell = (name: (string | number)[], editable: boolean, label: string) =>
    editable ? (
      <Form.Item name={name} style={{ margin: 0 }}>
        <InputNumber aria-label={label} style={{ width: "100%", minWidth: 90 }} />
      </Form.Item>
    ) : (
      <Form.Item noStyle shouldUpdate>
        {() => {
          const v = form.getFieldValue(name) as number | null | undefined;
          return typeof v === "number" ? v.toLocaleString("zh-CN") : "—";
        }}
      </Form.Item>
    );

  const columns = [
    { title: "地区", dataIndex: "name", key: "name", fixed: "left" as const, width: 100 },
    { title: `全年目标(${unit})`, key: "value", width: 140, render: (_: unknown, r: SplitRow) => numberCell(["rows", r.code, "value"], Boolean(s?.mayWriteRows), `${r.name}全年目标`) },
    ...quarters.map((q) => ({ title: q.label, key: q.key, width: 120, render: (_: unknown, r: SplitRow) => numberCell(["rows", r.code, q.key], Boolean(s?.mayWriteRows), `${r.name}${q.label}`) })),
    { title: "状态", key: "status", width: 80, render: (_: unknown, r: SplitRow) => (r.target ? <Tag color={r.target.status === "approved" ? "green" : "gold"}>{targetStatusLabels[r.target.status]}</Tag> : <Tag>未设</Tag>) },
  ];

  const diff = typedParent === null ? null : typedSum - typedParent;
  return (
    <>
      <PageHeader
        title="年度目标"
        description="按指标、年度设定目标并逐级分解；下级目标为草案，经省总工会批准后计入驾驶舱"
        extra={<Link to={`/dashboard?year=${year}`}>驾驶舱</Link>}
      />
      <Card style={{ marginBottom: 12 }} styles={{ body: { padding: 12 } }}>
        <Flex gap={8} wrap>
          <Select aria-label="年度" value={year} style={{ width: 110 }} onChange={(y) => set("year", String(y))} options={yearOptions(thisYear)} />
          <Select
            aria-label="指标"
            showSearch
            optionFilterProp="label"
            value={key || undefined}
            loading={catalog.isPending}
            style={{ width: 260, maxWidth: "100%" }}
            onChange={(k) => set("key", k)}
            options={catalog.data?.map((p) => ({ label: p.programmeName, options: p.indicators.map((i) => ({ value: i.key, label: `${i.label}(${i.unit})` })) }))}
          />
          <Select aria-label="分解地区" showSearch optionFilterProp="label" value={s?.parent.code} style={{ width: 140 }} onChange={(c) => set("parent", c)} options={parents} />
        </Flex>
        {indicator ? (
          <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
            {indicator.programmeName} · {indicator.label}：{indicator.definition}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {catalog.isError ? <QueryErrorResult error={catalog.error} onRetry={() => void catalog.refetch()} /> : null}
      {split.isError ? <QueryErrorResult error={split.error} onRetry={() => void split.refetch()} /> : null}
      {s ? (
        <Form form={form} layout="vertical" onFinish={submit} disabled={save.isPending || approve.isPending}>
          <Card title={`${s.parent.name}${year}年目标`} style={{ marginBottom: 12 }} extra={s.parent.target ? <Tag color={s.parent.target.status === "approved" ? "green" : "gold"}>{targetStatusLabels[s.parent.target.status]}</Tag> : <Tag>未设</Tag>}>
            <Flex gap={12} wrap>
              <Form.Item label={`全年目标(${unit})`} name={["parent", "value"]} style={{ marginBottom: 0 }}>
                {s.mayWriteParent ? <InputNumber aria-label={`${s.parent.name}全年目标`} style={{ width: 160 }} /> : <ReadOnlyNumber />}
              </Form.Item>
              {quarters.map((q) => (
                <Form.Item key={q.key} label={q.label} name={["parent", q.key]} style={{ marginBottom: 0 }}>
                  {s.mayWriteParent ? <InputNumber aria-label={`${s.parent.name}${q.label}`} style={{ width: 120 }} /> : <ReadOnlyNumber />}
                </Form.Item>
              ))}
            </Flex>
          </Card>
          {s.rows.length > 0 ? (
            <Card
              title="下级分解"
              style={{ marginBottom: 12 }}
              extra={
                <Typography.Text type={diff !== null && diff > 0 ? "warning" : "secondary"} aria-label="下级合计">
                  下级合计 {formatFigure(typedSum, unit)}
                  {typedParent !== null ? ` / ${s.parent.name} ${formatFigure(typedParent, unit)}` : ""}
                  {diff !== null && diff !== 0 ? (diff > 0 ? `，超出 ${formatFigure(diff, unit)}` : `，尚有 ${formatFigure(-diff, unit)} 未分解`) : ""}
                </Typography.Text>
              }
              styles={{ body: { padding: 0 } }}
            >
              <Table<SplitRow> size="small" rowKey="code" dataSource={s.rows} columns={columns} pagination={false} scroll={{ x: 640 }} />
            </Card>
          ) : (
            <Card style={{ marginBottom: 12 }}>
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="县级目标不再向下分解" />
            </Card>
          )}
          {s.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} />
          ))}
          {formError ? <Alert type="error" showIcon message={formError} style={{ marginBottom: 8 }} /> : null}
          {s.mayWriteParent || s.mayWriteRows ? (
            <Form.Item label="调整原因" name="reason" extra="修改已批准的目标时必填，记入审计日志" style={{ maxWidth: 560 }}>
              <Input.TextArea rows={2} count={{ show: true, max: 200 }} />
            </Form.Item>
          ) : null}
          <Flex gap={8} wrap>
            {s.mayWriteParent || s.mayWriteRows ? (
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                保存
              </Button>
            ) : null}
            {s.mayApprove ? (
              <Button disabled={s.drafts === 0} loading={approve.isPending} onClick={() => approve.mutate({ indicatorKey: key, year, parentCode: s.parent.code })}>
                批准草案{s.drafts > 0 ? `(${s.drafts})` : ""}
              </Button>
            ) : null}
            {!s.mayWriteParent && !s.mayWriteRows && !s.mayApprove ? <Typography.Text type="secondary">目标由上级设定，本账号只可查看</Typography.Text> : null}
          </Flex>
        </Form>
      ) : null}
    </>
  );
}

/** A form value shown, not edited (a region whose target the reader may not set). */
function ReadOnlyNumber({ value }: { value?: number | null }) {
  return <Typography.Text>{typeof value === "number" ? value.toLocaleString("zh-CN") : "—"}</Typography.Text>;
}
