import { CheckOutlined, CloseOutlined, EyeInvisibleOutlined } from "@ant-design/icons";
import type { MarkSlot } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Badge, Button, Card, Empty, Flex, Input, InputNumber, Modal, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { PageLoading } from "../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { competitionKeys, competitionsApi, type MySlot } from "../api";

const verificationTag = (s: MarkSlot) =>
  s.verification === "confirmed" ? <Tag color="green">已复核</Tag> : s.verification === "rejected" ? <Tag color="red">被退回：{s.verificationNote}</Tag> : s.verification === "pending" ? <Tag color="blue">待复核</Tag> : null;

/**
 * 评分 on a phone or tablet: the judge's own allocation by entry number (never names), one card per
 * contestant; the other judges' marks appear only when every mark of that contestant is in. A mark
 * already entered changes only with a reason. 复核: the others' entries to confirm or send back.
 */
export function ScoringPage() {
  const { id = "" } = useParams();
  const view = useQuery({ queryKey: competitionKeys.event(id), queryFn: () => competitionsApi.event(id) });
  const slots = useQuery({ queryKey: [...competitionKeys.event(id), "mine"], queryFn: () => competitionsApi.mySlots(id) });
  const queue = useQuery({ queryKey: [...competitionKeys.event(id), "queue"], queryFn: () => competitionsApi.verificationQueue(id) });
  if (view.isPending || slots.isPending) return <PageLoading />;
  if (view.isError) return <QueryErrorResult error={view.error} onRetry={() => void view.refetch()} />;
  if (slots.isError) return <QueryErrorResult error={slots.error} onRetry={() => void slots.refetch()} />;
  const byEntry = new Map<string, MySlot[]>();
  for (const s of slots.data) byEntry.set(s.entryNumber ?? "", [...(byEntry.get(s.entryNumber ?? "") ?? []), s]);
  const todo = slots.data.filter((s) => s.mark === null || s.verification === "rejected").length;
  return (
    <>
      <PageHeader title={`评分：${view.data.event.name}`} description={<Link to={`/competition-events/${id}`}>{view.data.competitionName}</Link>} />
      <Tabs
        items={[
          {
            key: "mine",
            label: (
              <Badge count={todo} offset={[10, 0]} size="small">
                我的评分
              </Badge>
            ),
            children:
              byEntry.size === 0 ? (
                <Empty description="没有分配给您的评分任务" />
              ) : (
                <Flex vertical gap={12}>
                  {[...byEntry].map(([entry, list]) => (
                    <Card key={entry} size="small" title={`参赛号 ${entry}`}>
                      <Flex vertical gap={12}>
                        {list.map((s) => (
                          <SlotEditor key={s.allocationId} eventId={id} slot={s} />
                        ))}
                      </Flex>
                    </Card>
                  ))}
                </Flex>
              ),
          },
          {
            key: "verify",
            label: (
              <Badge count={queue.data?.length ?? 0} offset={[10, 0]} size="small">
                复核
              </Badge>
            ),
            children: <VerificationList eventId={id} slots={queue.data ?? []} />,
          },
        ]}
      />
    </>
  );
}

function SlotEditor({ eventId, slot }: { eventId: string; slot: MySlot }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [value, setValue] = useState<number | null>(slot.mark);
  const [reasonFor, setReasonFor] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const save = useMutation({
    mutationFn: (v: { mark: number; reason?: string }) => competitionsApi.enterMark(slot.allocationId, v.mark, v.reason),
    onSuccess: () => {
      setReasonFor(null);
      setReason("");
      void client.invalidateQueries({ queryKey: competitionKeys.event(eventId) });
      void message.success(`参赛号 ${slot.entryNumber}「${slot.aspectName}」已保存`);
    },
    onError: (err) => void message.error(err instanceof ApiError ? err.message : "保存失败"),
  });
  const changed = value !== null && value !== slot.mark;
  // The box never clamps (a clamp would save a mark the judge did not give): an out-of-range mark is named and not sent.
  const outOfRange = value !== null && (value < 0 || value > slot.maxMark);
  return (
    <div>
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong style={{ minWidth: 96 }}>
          {slot.aspectName}
        </Typography.Text>
        <InputNumber
          aria-label={`参赛号${slot.entryNumber}${slot.aspectName}`}
          inputMode="decimal"
          size="large"
          status={outOfRange ? "error" : undefined}
          step={0.5}
          value={value}
          onChange={(v) => setValue(v === null ? null : Number(v))}
          addonAfter={`/ ${slot.maxMark}`}
          style={{ width: 170 }}
        />
        <Button type="primary" size="large" disabled={!changed || outOfRange} loading={save.isPending} onClick={() => (slot.mark === null ? save.mutate({ mark: value! }) : setReasonFor(value))}>
          {slot.mark === null ? "保存" : "修改"}
        </Button>
        {verificationTag(slot)}
      </Flex>
      {outOfRange ? (
        <Typography.Text type="danger" style={{ display: "block", fontSize: 12 }} role="alert">
          分数应在0到{slot.maxMark}分之间
        </Typography.Text>
      ) : null}
      {slot.others ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          其他裁判：{slot.others.map((o) => `${o.judgeName} ${o.mark ?? "—"}`).join("，") || "无"}
        </Typography.Text>
      ) : slot.mark !== null ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <EyeInvisibleOutlined /> 其他裁判的分数在全部录入后显示
        </Typography.Text>
      ) : null}
      <Modal open={reasonFor !== null} title="修改分数须写明原因" okText="确认修改" cancelText="取消" okButtonProps={{ disabled: reason.trim().length === 0 }} confirmLoading={save.isPending} onCancel={() => setReasonFor(null)} onOk={() => save.mutate({ mark: reasonFor!, reason })}>
        <Typography.Paragraph>
          {slot.aspectName}：{slot.mark} → {reasonFor}
        </Typography.Paragraph>
        <Input.TextArea aria-label="修改原因" rows={3} count={{ show: true, max: 200 }} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：录入笔误，核对原始评分表" />
      </Modal>
    </div>
  );
}

function VerificationList({ eventId, slots }: { eventId: string; slots: MarkSlot[] }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState<MarkSlot | null>(null);
  const [note, setNote] = useState("");
  const verify = useMutation({
    mutationFn: (v: { slot: MarkSlot; decision: "confirm" | "reject"; note?: string }) => competitionsApi.verify(v.slot.allocationId, v.decision, v.note),
    onSuccess: (_, v) => {
      setRejecting(null);
      setNote("");
      void client.invalidateQueries({ queryKey: competitionKeys.event(eventId) });
      void message.success(v.decision === "confirm" ? "已确认" : "已退回录入裁判");
    },
    onError: (err) => void message.error(err instanceof ApiError ? err.message : "操作失败"),
  });
  if (slots.length === 0) return <Empty description="没有待复核的分数" />;
  return (
    <Flex vertical gap={8}>
      {slots.map((s) => (
        <Card key={s.allocationId} size="small">
          <Flex align="center" justify="space-between" gap={8} wrap>
            <div>
              <Typography.Text strong>
                参赛号 {s.entryNumber} · {s.aspectName}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {s.judgeName} 录入：
                </Typography.Text>
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {s.mark}
                </Typography.Text>
                <Typography.Text type="secondary"> / {s.maxMark}</Typography.Text>
              </div>
            </div>
            <Flex gap={8}>
              <Button type="primary" icon={<CheckOutlined />} onClick={() => verify.mutate({ slot: s, decision: "confirm" })}>
                确认
              </Button>
              <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(s)}>
                退回
              </Button>
            </Flex>
          </Flex>
        </Card>
      ))}
      <Modal open={rejecting !== null} title="退回须说明原因" okText="退回" cancelText="取消" okButtonProps={{ danger: true, disabled: note.trim().length === 0 }} onCancel={() => setRejecting(null)} onOk={() => rejecting && verify.mutate({ slot: rejecting, decision: "reject", note })}>
        <Input.TextArea aria-label="退回原因" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Flex>
  );
}
