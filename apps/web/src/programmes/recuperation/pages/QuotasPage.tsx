import type { RecuperationQuotaRow } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { request, type Parser } from "../../../app/request";
import { useCan } from "../../../app/session";
import { enterApplication, fetchQuotas, fetchRounds, fetchSessions, recuperationKeys, setQuota } from "../api";

type PersonOption = { id: string; name: string; residentIdMasked: string };
const people: Parser<{ items: PersonOption[] }> = { parse: (d) => d as { items: PersonOption[] } };

/** A union enters an application for one of its members (found by name or ID number within its scope). */
function EnterCard() {
  const year = dayjs().year();
  const rounds = useQuery({ queryKey: recuperationKeys.rounds, queryFn: ({ signal }) => fetchRounds(signal) });
  const sessions = useQuery({ queryKey: [...recuperationKeys.all, "sessions", year], queryFn: ({ signal }) => fetchSessions(year, signal) });
  const [q, setQ] = useState("");
  const found = useQuery({ queryKey: ["people", "search", q], queryFn: ({ signal }) => request("/api/people", { query: { q, pageSize: 20 }, schema: people, signal }), enabled: q.length > 0 });
  const [roundId, setRoundId] = useState<string>();
  const [personId, setPersonId] = useState<string>();
  const [choices, setChoices] = useState<string[]>([]);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const enter = useMutation({
    mutationFn: () => enterApplication({ roundId: roundId!, personId: personId!, choices, lastYear: null }),
    onSuccess: async () => {
      void message.success("已代为申请");
      setPersonId(undefined);
      setChoices([]);
      await queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
    },
  });
  const open = (rounds.data ?? []).filter((r) => r.status === "open" || r.status === "committed");
  const today = dayjs().format("YYYY-MM-DD");
  return (
    <Card title="代会员申请" style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        <Select placeholder="轮次" value={roundId} onChange={setRoundId} options={open.map((r) => ({ value: r.id, label: r.name }))} />
        <Select
          showSearch
          placeholder="输入会员姓名或身份证号查找"
          filterOption={false}
          onSearch={setQ}
          value={personId}
          onChange={setPersonId}
          options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.residentIdMasked}` }))}
        />
        <Select
          mode="multiple"
          maxCount={3}
          placeholder="按志愿顺序选择最多3个期次"
          value={choices}
          onChange={setChoices}
          optionFilterProp="label"
          options={(sessions.data ?? []).filter((s) => s.startsOn > today).map((s) => ({ value: s.id, label: `${s.startsOn} ${s.routeName}` }))}
        />
        {enter.isError ? <Alert type="error" showIcon title={errorMessage(enter.error)} /> : null}
        <Button type="primary" disabled={!roundId || !personId || choices.length === 0} loading={enter.isPending} onClick={() => enter.mutate()}>
          提交申请
        </Button>
      </Flex>
    </Card>
  );
}

function QuotaInput({ row, year }: { row: RecuperationQuotaRow; year: number }) {
  const [value, setValue] = useState<number | null>(row.quota);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => setQuota(year, row.unionId, value ?? 0),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recuperationKeys.all }),
  });
  return (
    <Space.Compact>
      <InputNumber min={0} value={value} onChange={setValue} style={{ width: 90 }} aria-label={`${row.unionName}名额`} />
      <Button loading={save.isPending} disabled={value === row.quota} onClick={() => save.mutate()}>
        保存
      </Button>
    </Space.Compact>
  );
}

/** 工会名额: each union's places for the year and their use; the province sets them (a raise is offered to the waitlist at once); a union enters applications. */
export function QuotasPage() {
  const year = dayjs().year();
  const can = useCan();
  const [q, setQ] = useState("");
  const quotas = useQuery({ queryKey: [...recuperationKeys.all, "quotas", year, q], queryFn: ({ signal }) => fetchQuotas(year, q, signal) });
  return (
    <>
      <PageHeader title="疗休养名额" description={`${year}年各工会名额及使用(已分配/已接受)。增加名额后，候补按摇号顺序即时递补。`} />
      {can("recuperation.enter") ? <EnterCard /> : null}
      {quotas.isError ? (
        <QueryErrorResult error={quotas.error} onRetry={() => void quotas.refetch()} />
      ) : (
        <Table<RecuperationQuotaRow>
          rowKey="unionId"
          size="small"
          loading={quotas.isPending}
          scroll={{ x: 520 }}
          dataSource={quotas.data ?? []}
          title={() => (
            <Flex gap={8} align="center" wrap>
              <Input.Search placeholder="工会名称" allowClear onSearch={setQ} style={{ maxWidth: 280 }} aria-label="工会名称" />
              <Typography.Text type="secondary">最多显示500个工会</Typography.Text>
            </Flex>
          )}
          columns={[
            { title: "工会", dataIndex: "unionName" },
            { title: "名额", key: "quota", render: (_, r) => (can("recuperation.manage") ? <QuotaInput row={r} year={year} /> : r.quota) },
            { title: "已分配", dataIndex: "offered", align: "right" },
            { title: "已接受", dataIndex: "accepted", align: "right" },
          ]}
        />
      )}
    </>
  );
}
