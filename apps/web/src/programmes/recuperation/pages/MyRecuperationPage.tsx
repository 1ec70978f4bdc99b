import { recuperationOfferStatusLabels, recuperationRoundStatusLabels, type RecuperationMyApplication, type RecuperationSession } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Select, Skeleton, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { answerOffer, applySelf, fetchMine, recuperationKeys } from "../api";

const sessionLabel = (s: RecuperationSession) => `${s.startsOn.slice(5)} ${s.routeName}(${s.days}天，余${Math.max(0, s.capacity - s.taken)})`;

/** Three ranked choices for the open round: the draw gives the first of them that still has a place. */
function ApplyCard({ roundId, roundName, sessions }: { roundId: string; roundName: string; sessions: RecuperationSession[] }) {
  const [choices, setChoices] = useState<(string | undefined)[]>([undefined, undefined, undefined]);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const apply = useMutation({
    mutationFn: () => applySelf(roundId, choices.filter((c): c is string => Boolean(c))),
    onSuccess: async () => {
      void message.success("申请已提交，摇号后可查看分组、顺序和结果");
      await queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
    },
  });
  const today = dayjs().format("YYYY-MM-DD");
  const options = sessions.filter((s) => s.startsOn > today).map((s) => ({ value: s.id, label: sessionLabel(s) }));
  return (
    <Card title={`申请疗休养：${roundName}`} data-testid="apply-card">
      <Typography.Paragraph type="secondary">按志愿顺序选择最多3个期次。摇号时先按优先分组、再按公开的摇号号码排序，依次分配您第一个仍有名额的志愿。</Typography.Paragraph>
      <Flex vertical gap={8}>
        {[0, 1, 2].map((i) => (
          <Select
            key={i}
            id={`recuperation-choice-${i + 1}`}
            aria-label={`第${i + 1}志愿`}
            placeholder={`第${i + 1}志愿${i > 0 ? "(可不选)" : ""}`}
            allowClear
            showSearch
            optionFilterProp="label"
            value={choices[i]}
            options={options.filter((o) => o.value === choices[i] || !choices.includes(o.value))}
            onChange={(v: string | undefined) => setChoices((c) => c.map((x, k) => (k === i ? v : x)))}
            style={{ width: "100%" }}
          />
        ))}
        {apply.isError ? <Alert type="error" showIcon title={errorMessage(apply.error)} /> : null}
        <Button type="primary" block disabled={!choices[0]} loading={apply.isPending} onClick={() => apply.mutate()}>
          提交申请
        </Button>
      </Flex>
    </Card>
  );
}

function ApplicationCard({ app }: { app: RecuperationMyApplication }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const answer = useMutation({
    mutationFn: ({ id, a }: { id: string; a: "accept" | "decline" }) => answerOffer(id, a),
    onSuccess: async (_d, v) => {
      void message.success(v.a === "accept" ? "已接受名额" : "已放弃，名额将递补给候补");
      await queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
    },
  });
  const published = app.roundStatus === "published";
  return (
    <Card title={app.roundName} extra={<Tag color={published ? "green" : "blue"}>{recuperationRoundStatusLabels[app.roundStatus]}</Tag>} data-testid="my-application">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "group", label: "优先分组", children: `第${app.groupRank}组 · ${app.groupLabel}` },
          { key: "choices", label: "志愿", children: app.choices.map((c, i) => `${i + 1}. ${c.startsOn} ${c.routeName}`).join("；") },
          { key: "id", label: "申请编号", children: <Typography.Text copyable style={{ fontSize: 12 }} data-testid="application-id">{app.id}</Typography.Text> },
          ...(published
            ? [
                { key: "pos", label: "摇号顺序", children: app.position ? <span data-testid="position">第 {app.position} 位 / 共 {app.eligibleCount} 人</span> : "不参加摇号" },
                { key: "lot", label: "摇号号码", children: <Typography.Text code>{app.lotteryNumber}</Typography.Text> },
                { key: "out", label: "结果", children: <span data-testid="outcome">{app.outcomeText}</span> },
                ...(app.waitlistPlace !== null ? [{ key: "wait", label: "候补", children: <span data-testid="waitlist">候补第 {app.waitlistPlace} 位</span> }] : []),
              ]
            : [{ key: "wait", label: "结果", children: "摇号结果公布后可查看顺序和结果" }]),
        ]}
      />
      {app.offers.map((o) => (
        <Alert
          key={o.id}
          style={{ marginTop: 12 }}
          type={o.status === "offered" ? "success" : o.status === "accepted" || o.status === "stayed" ? "info" : "warning"}
          showIcon
          data-testid="offer"
          title={`${o.source === "waitlist" ? "候补递补" : "摇号分配"}：${o.startsOn} ${o.routeName}(${o.sessionCode}) · ${recuperationOfferStatusLabels[o.status]}`}
          description={
            o.status === "offered" ? (
              <Flex vertical gap={8}>
                <span>请在 {o.expiresAt ? dayjs(o.expiresAt).format("MM-DD HH:mm") : "公布后48小时"} 前确认，逾期顺延给下一位候补。</span>
                <Flex gap={8}>
                  <Button type="primary" loading={answer.isPending} onClick={() => answer.mutate({ id: o.id, a: "accept" })}>
                    接受名额
                  </Button>
                  <Button danger loading={answer.isPending} onClick={() => answer.mutate({ id: o.id, a: "decline" })}>
                    放弃
                  </Button>
                </Flex>
              </Flex>
            ) : undefined
          }
        />
      ))}
      {answer.isError ? <Alert type="error" showIcon title={errorMessage(answer.error)} style={{ marginTop: 12 }} /> : null}
    </Card>
  );
}

/** 我的疗休养 (a worker on a phone): apply for three sessions, then group, position, result or why not, waitlist place, and the offer to accept in time. */
export function MyRecuperationPage() {
  const mine = useQuery({ queryKey: recuperationKeys.me, queryFn: ({ signal }) => fetchMine(signal) });
  if (mine.isPending) return <Skeleton active />;
  if (mine.isError) return <QueryErrorResult error={mine.error} onRetry={() => void mine.refetch()} />;
  const { rounds, sessions, applications } = mine.data;
  const open = rounds.filter((r) => !applications.some((a) => a.roundId === r.id));
  return (
    <>
      <PageHeader title="我的疗休养" description="省总工会职工疗休养：每人每天600元标准，最多5天(含路途)。名额按工会分配，公开摇号。" />
      <Flex vertical gap={16}>
        {open.map((r) => (
          <ApplyCard key={r.id} roundId={r.id} roundName={r.name} sessions={sessions} />
        ))}
        {applications.map((a) => (
          <ApplicationCard key={a.id} app={a} />
        ))}
        {open.length === 0 && applications.length === 0 ? <Empty description="目前没有接受申请的轮次" /> : null}
      </Flex>
    </>
  );
}
