import { isStaffRole, overdueQuerySchema } from "@jiangxin/domain";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Flex, InputNumber, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../../../app/ApiError";
import { ListCard } from "../../../../app/components/ListCard";
import { PageHeader } from "../../../../app/components/PageHeader";
import { useCan, useSession } from "../../../../app/session";
import { useUrlListState } from "../../../../app/useUrlListState";
import { listOverdueProblems, urgeProblem } from "../api";
import { ProblemTable } from "../components/ProblemTable";
import { RegionFilterSelect } from "../../../../app/regions/components/RegionFilterSelect";
import { problemQueryKeys } from "../problemQueryKeys";

/** 超期难题: open problems with no move and no progress note for longer than the threshold, longest-idle first. */
export function OverdueProblemsPage() {
  const { query, update } = useUrlListState(overdueQuerySchema);
  const { user } = useSession();
  const list = useQuery({
    queryKey: problemQueryKeys.overdue(query),
    queryFn: ({ signal }) => listOverdueProblems(query, signal),
    placeholderData: keepPreviousData,
  });
  const days = list.data?.days ?? query.days;
  const [daysError, setDaysError] = useState<string | null>(null);
  const can = useCan();
  const { message } = App.useApp();
  // 催办 is staff's: the owner expert gets a to-do and an SMS; pressed rows say so until the page reloads.
  const mayUrge = isStaffRole(user.role) && can("problem.move");
  const [urged, setUrged] = useState<ReadonlySet<string>>(new Set());
  const urge = useMutation({
    mutationFn: urgeProblem,
    onSuccess: (r, id) => {
      setUrged((s) => new Set(s).add(id));
      void message.success(`已催办${r.expertName}：已发待办与短信`);
    },
    onError: (err) => void message.error(errorMessage(err)),
  });

  return (
    <>
      <PageHeader title="超期难题" description={`未完成、且超过 ${days ?? "…"} 天没有任何动态（状态变化或进展记录）的难题，最久没有动态的排在最前。`} />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <Flex gap={8} align="center">
            <Typography.Text>超过</Typography.Text>
            {/* No min/max/precision: those clamp or round on blur without a word; a bad value is named instead. */}
            <InputNumber
              key={String(days ?? "")}
              defaultValue={days}
              status={daysError ? "error" : undefined}
              style={{ width: 90 }}
              onChange={() => setDaysError(null)}
              onBlur={(e) => {
                const parsed = overdueQuerySchema.shape.days.safeParse(e.target.value === "" ? undefined : e.target.value);
                if (!parsed.success) setDaysError(parsed.error.issues[0]?.message ?? "天数应为1–365的整数");
                else if (parsed.data !== undefined && parsed.data !== days) update({ days: parsed.data });
              }}
              onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
            />
            <Typography.Text>天未推进</Typography.Text>
            {daysError ? (
              <Typography.Text type="danger" role="alert">
                {daysError}
              </Typography.Text>
            ) : null}
          </Flex>
          {isStaffRole(user.role) ? <RegionFilterSelect value={query.regionCode} width={220} onChange={(code) => update({ regionCode: code })} /> : null}
        </Flex>
      </Card>
      <ListCard
        list={list}
        paging={query}
        onPageChange={update}
        emptyText="没有超期的难题"
      >
        {(table) => (
          <ProblemTable
            showIdle
            {...table}
            action={
              mayUrge
                ? {
                    title: "操作",
                    width: 80,
                    render: (p) =>
                      p.ownerExpertName ? (
                        <Button size="small" disabled={urged.has(p.id)} loading={urge.isPending && urge.variables === p.id} onClick={() => urge.mutate(p.id)}>
                          {urged.has(p.id) ? "已催办" : "催办"}
                        </Button>
                      ) : (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          待指派
                        </Typography.Text>
                      ),
                  }
                : undefined
            }
          />
        )}
      </ListCard>
    </>
  );
}
