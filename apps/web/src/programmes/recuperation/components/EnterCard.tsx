import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Select } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { request, type Parser } from "../../../app/request";
import { enterApplication, fetchRounds, fetchSessions, recuperationKeys } from "../api";

type PersonOption = { id: string; name: string; residentIdMasked: string };
const people: Parser<{ items: PersonOption[] }> = { parse: (d) => d as { items: PersonOption[] } };

/** A union enters an application for one of its members (found by name or ID number within its scope). */
export function EnterCard() {
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
    <Card title="逐个代报" style={{ marginBottom: 16 }}>
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
