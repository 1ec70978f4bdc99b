import type { Appeal } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Empty, Form, Input, InputNumber, List, Modal, Radio, Select, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../../../app/ApiError";
import { allMarks, competitionKeys, competitionsApi, type EventView } from "../api";

const statusTag = { open: <Tag color="orange">待裁决</Tag>, upheld: <Tag color="green">申诉成立</Tag>, dismissed: <Tag>驳回</Tag> } as const;

/** 申诉: lodged in writing inside the window by the contestant or their union; the supervisor decides and may correct marks. */
export function AppealsPanel({ view, canLodge }: { view: EventView; canLodge: boolean }) {
  const id = view.event.id;
  const client = useQueryClient();
  const { message } = App.useApp();
  const [lodging, setLodging] = useState(false);
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const appeals = useQuery({ queryKey: [...competitionKeys.event(id), "appeals"], queryFn: () => competitionsApi.appeals(id) });
  // The window as of opening the page: the server decides in the end (a late appeal is refused there).
  const [openedAt] = useState(() => Date.now());
  const windowOpen = view.event.status === "published" && view.event.publishedAt !== null && openedAt < new Date(view.event.publishedAt).getTime() + view.event.appealWindowMinutes * 60_000;
  const done = () => void client.invalidateQueries({ queryKey: competitionKeys.event(id) });
  return (
    <Card
      title="书面申诉"
      extra={
        canLodge && windowOpen ? (
          <Button type="primary" onClick={() => setLodging(true)}>
            提出申诉
          </Button>
        ) : view.event.publishedAt && view.event.status === "published" ? (
          <Typography.Text type="secondary">申诉期已过</Typography.Text>
        ) : null
      }
    >
      {appeals.data?.length ? (
        <List
          dataSource={appeals.data}
          renderItem={(a) => (
            <List.Item
              actions={
                a.status === "open" && view.duties.includes("supervisor")
                  ? [
                      <Button key="d" type="primary" onClick={() => setDeciding(a)}>
                        裁决
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <>
                    参赛号 {a.entryNumber} {statusTag[a.status]}
                  </>
                }
                description={
                  <>
                    <div>{a.text}</div>
                    {a.decisionNote ? <Typography.Text type="secondary">裁决意见：{a.decisionNote}</Typography.Text> : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description="没有申诉" />
      )}
      {lodging ? <LodgeModal id={id} onClose={() => setLodging(false)} onDone={() => { done(); void message.success("申诉已提交，监督仲裁组将作出裁决"); }} /> : null}
      {deciding ? <DecideModal eventId={id} appeal={deciding} onClose={() => setDeciding(null)} onDone={() => { done(); void message.success("已裁决，排名已按更正后的分数重新计算"); }} /> : null}
    </Card>
  );
}

function LodgeModal({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ registrationId: string; text: string }>();
  const { message } = App.useApp();
  const regs = useQuery({ queryKey: [...competitionKeys.event(id), "registrations"], queryFn: () => competitionsApi.registrations(id) });
  // A worker sees one registration, their own: chosen for them once it has loaded.
  const only = regs.data?.length === 1 ? regs.data[0]?.id : undefined;
  useEffect(() => {
    if (only) form.setFieldValue("registrationId", only);
  }, [only, form]);
  const lodge = useMutation({
    mutationFn: (v: { registrationId: string; text: string }) => competitionsApi.lodgeAppeal(id, v.registrationId, v.text),
    onSuccess: () => {
      onDone();
      onClose();
    },
    onError: (err) => void message.error(err instanceof ApiError ? err.message : "提交失败"),
  });
  return (
    <Modal open title="提出书面申诉" okText="提交" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={lodge.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => lodge.mutate(v)}>
        <Form.Item name="registrationId" label="选手" rules={[{ required: true, message: "请选择选手" }]}>
          <Select options={(regs.data ?? []).map((r) => ({ value: r.id, label: `${r.entryNumber ?? ""} ${r.personName}` }))} />
        </Form.Item>
        <Form.Item name="text" label="申诉理由" rules={[{ required: true, min: 5, message: "请写明申诉理由(至少5字)" }]}>
          <Input.TextArea rows={4} count={{ show: true, max: 2000 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideModal({ eventId, appeal, onClose, onDone }: { eventId: string; appeal: Appeal; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [decision, setDecision] = useState<"upheld" | "dismissed">("upheld");
  const [note, setNote] = useState("");
  const [changes, setChanges] = useState<Record<string, number>>({});
  const marks = useQuery({ queryKey: [...competitionKeys.event(eventId), "marks", appeal.registrationId], queryFn: () => allMarks(eventId, appeal.registrationId) });
  // The boxes never clamp: a mark outside 0…满分 is named in its row and the decision waits for it.
  const outOfRange = (s: { allocationId: string; maxMark: number }) => {
    const v = changes[s.allocationId];
    return v !== undefined && (v < 0 || v > s.maxMark);
  };
  const anyOutOfRange = decision === "upheld" && (marks.data ?? []).some(outOfRange);
  const decide = useMutation({
    mutationFn: () =>
      competitionsApi.decideAppeal(appeal.id, {
        decision,
        note,
        corrections: decision === "upheld" ? Object.entries(changes).filter(([k, m]) => marks.data?.find((x) => x.allocationId === k)?.mark !== m).map(([allocationId, mark]) => ({ allocationId, mark })) : [],
      }),
    onSuccess: () => {
      onDone();
      onClose();
    },
    onError: (err) => void message.error(err instanceof ApiError ? err.message : "裁决失败"),
  });
  return (
    <Modal open width={640} title={`裁决申诉：参赛号 ${appeal.entryNumber}`} okText="确认裁决" cancelText="取消" okButtonProps={{ disabled: note.trim().length < 2 || anyOutOfRange }} onCancel={onClose} onOk={() => decide.mutate()} confirmLoading={decide.isPending} destroyOnHidden>
      <Typography.Paragraph>{appeal.text}</Typography.Paragraph>
      <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as "upheld" | "dismissed")} options={[{ value: "upheld", label: "申诉成立" }, { value: "dismissed", label: "驳回" }]} />
      {decision === "upheld" ? (
        <Table
          style={{ marginTop: 12 }}
          rowKey="allocationId"
          size="small"
          pagination={false}
          loading={marks.isPending}
          dataSource={marks.data ?? []}
          columns={[
            { title: "评分项", dataIndex: "aspectName", key: "aspect" },
            { title: "裁判", dataIndex: "judgeName", key: "judge" },
            { title: "原分", dataIndex: "mark", key: "mark" },
            {
              title: "更正为",
              key: "fix",
              render: (_, s) => (
                <>
                  <InputNumber
                    aria-label={`更正${s.aspectName}${s.judgeName}`}
                    status={outOfRange(s) ? "error" : undefined}
                    step={0.5}
                    value={changes[s.allocationId] ?? s.mark ?? undefined}
                    // An emptied box leaves the mark as it was (Number(null) would read as a 0).
                    onChange={(v) => setChanges(({ [s.allocationId]: _old, ...rest }) => (v === null ? rest : { ...rest, [s.allocationId]: Number(v) }))}
                  />
                  {outOfRange(s) ? (
                    <Typography.Text type="danger" style={{ display: "block", fontSize: 12 }} role="alert">
                      应在0到{s.maxMark}分之间
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      ) : null}
      <Input.TextArea aria-label="裁决意见" placeholder="裁决意见(必填)" rows={3} style={{ marginTop: 12 }} value={note} onChange={(e) => setNote(e.target.value)} />
    </Modal>
  );
}
