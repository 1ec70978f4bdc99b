import { PlusOutlined, UsergroupAddOutlined } from "@ant-design/icons";
import { conflictReasonLabels, panelDutyLabels, type MarkSlot, type PanelMember } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Flex, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { allMarks, competitionKeys, competitionsApi, type EventView } from "../api";
import { AllocationModal } from "./AllocationModal";
import { PanelMemberModal } from "./PanelMemberModal";

type AllocationRow = { key: string; judgeName: string; aspectName: string; entries: string[]; entered: number };

/** One row per judge and aspect: which entries they mark (the organiser's view of the allocation). */
function allocationRows(slots: MarkSlot[]): AllocationRow[] {
  const rows = new Map<string, AllocationRow>();
  for (const s of slots) {
    const key = `${s.judgeUserId} ${s.aspectKey}`;
    const r = rows.get(key) ?? { key, judgeName: s.judgeName, aspectName: s.aspectName, entries: [], entered: 0 };
    r.entries.push(s.entryNumber ?? "待抽签");
    if (s.mark !== null) r.entered += 1;
    rows.set(key, r);
  }
  return [...rows.values()];
}

/**
 * 裁判组与回避: the panel with its declarations, the allocation of marking and the conflict register.
 * The organiser assigns members and allocates here; the chief judge and supervisor read it.
 */
export function PanelTab({ view }: { view: EventView }) {
  const id = view.event.id;
  const organiser = view.organiser;
  const [editing, setEditing] = useState<PanelMember | null>(null);
  const [adding, setAdding] = useState(false);
  const [allocating, setAllocating] = useState(false);
  const panel = useQuery({ queryKey: [...competitionKeys.event(id), "panel"], queryFn: () => competitionsApi.panel(id) });
  const conflicts = useQuery({ queryKey: [...competitionKeys.event(id), "conflicts"], queryFn: () => competitionsApi.conflicts(id) });
  const slots = useQuery({ queryKey: [...competitionKeys.event(id), "marks"], queryFn: () => allMarks(id) });
  const registrations = useQuery({ queryKey: [...competitionKeys.event(id), "registrations"], queryFn: () => competitionsApi.registrations(id), enabled: organiser });
  const canAllocate = organiser && view.event.status === "draft";
  return (
    <Flex vertical gap={16}>
      <Card
        title="裁判组"
        extra={
          organiser ? (
            <Button icon={<UsergroupAddOutlined />} onClick={() => setAdding(true)}>
              指派成员
            </Button>
          ) : null
        }
        styles={{ body: { padding: 0 } }}
      >
        {panel.isError ? (
          <QueryErrorResult error={panel.error} onRetry={() => void panel.refetch()} />
        ) : (
          <Table<PanelMember>
            rowKey="id"
            loading={panel.isPending}
            dataSource={panel.data ?? []}
            size="small"
            pagination={false}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无数据：尚未指派裁判组成员" /> }}
            columns={[
              { title: "姓名", dataIndex: "displayName", key: "name" },
              { title: "职责", dataIndex: "duty", key: "duty", render: (d: PanelMember["duty"]) => <Tag color={d === "judge" ? "default" : "purple"}>{panelDutyLabels[d]}</Tag> },
              { title: "申报工作单位", dataIndex: "employerName", key: "employer", render: (n: string | null, m) => n ?? (m.employerEnterpriseId ? "在册企业" : "—") },
              { title: "申报徒弟/学员", key: "trainees", render: (_, m) => `${m.traineePersonIds.length}人` },
              ...(organiser
                ? [
                    {
                      title: "操作",
                      key: "edit",
                      render: (_: unknown, m: PanelMember) => (
                        <Button size="small" type="link" onClick={() => setEditing(m)}>
                          修改申报
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <Card
        title="评分分配"
        extra={
          canAllocate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAllocating(true)} disabled={!panel.data?.length}>
              分配评分任务
            </Button>
          ) : null
        }
        styles={{ body: { padding: 0 } }}
      >
        {slots.isError ? (
          <QueryErrorResult error={slots.error} onRetry={() => void slots.refetch()} />
        ) : (
          <Table<AllocationRow>
            rowKey="key"
            loading={slots.isPending}
            dataSource={allocationRows(slots.data ?? [])}
            size="small"
            pagination={false}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无数据：尚未分配评分任务" /> }}
            columns={[
              { title: "裁判", dataIndex: "judgeName", key: "judge", width: 100 },
              { title: "评分项", dataIndex: "aspectName", key: "aspect", width: 140 },
              {
                title: "参赛号",
                key: "entries",
                // A whole event's entries would widen the table past the screen: long lists show their ends and the count.
                render: (_, r) =>
                  r.entries.length <= 8 ? (
                    r.entries.join("、")
                  ) : (
                    <Tooltip title={r.entries.join("、")}>
                      <Typography.Text>{`${r.entries.slice(0, 3).join("、")} … ${r.entries.at(-1)}，共${r.entries.length}人`}</Typography.Text>
                    </Tooltip>
                  ),
              },
              { title: "已评", key: "entered", width: 80, render: (_, r) => `${r.entered}/${r.entries.length}` },
            ]}
          />
        )}
      </Card>
      <Card title="利益冲突登记(被拒绝的评分分配)" styles={{ body: { padding: conflicts.data?.length ? 0 : 24 } }}>
        {conflicts.isError ? (
          <QueryErrorResult error={conflicts.error} onRetry={() => void conflicts.refetch()} />
        ) : conflicts.data?.length ? (
          <Table
            rowKey="id"
            dataSource={conflicts.data}
            size="small"
            pagination={false}
            scroll={{ x: "max-content" }}
            columns={[
              { title: "裁判", dataIndex: "judgeName", key: "judge" },
              { title: "参赛号", dataIndex: "entryNumber", key: "entry", render: (n: string | null) => n ?? "待抽签" },
              { title: "回避原因", dataIndex: "reason", key: "reason", render: (r: keyof typeof conflictReasonLabels) => conflictReasonLabels[r] },
              { title: "时间", dataIndex: "refusedAt", key: "at", render: (t: string) => new Date(t).toLocaleString("zh-CN") },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={conflicts.isPending ? "加载中…" : "无数据：没有冲突记录"} />
        )}
      </Card>
      {organiser ? (
        <>
          <PanelMemberModal eventId={id} open={adding || editing !== null} editing={editing} registrations={registrations.data ?? []} onClose={() => (setAdding(false), setEditing(null))} />
          <AllocationModal event={view.event} open={allocating} panel={panel.data ?? []} registrations={registrations.data ?? []} onClose={() => setAllocating(false)} />
        </>
      ) : null}
    </Flex>
  );
}
