import { isStaffRole, overdueQuerySchema } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Flex, InputNumber, Typography } from "antd";
import { ListCard } from "../../../../app/components/ListCard";
import { PageHeader } from "../../../../app/components/PageHeader";
import { useSession } from "../../../../app/session";
import { useUrlListState } from "../../../../app/useUrlListState";
import { listOverdueProblems } from "../api";
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

  return (
    <>
      <PageHeader title="超期难题" description={`未完成、且超过 ${days ?? "…"} 天没有任何动态（状态变化或进展记录）的难题，最久没有动态的排在最前。`} />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <Flex gap={8} align="center">
            <Typography.Text>超过</Typography.Text>
            <InputNumber
              key={String(days ?? "")}
              min={1}
              max={365}
              precision={0}
              defaultValue={days}
              style={{ width: 90 }}
              onBlur={(e) => {
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && n <= 365 && n !== days) update({ days: n });
              }}
              onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
            />
            <Typography.Text>天未推进</Typography.Text>
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
        {(table) => <ProblemTable showIdle {...table} />}
      </ListCard>
    </>
  );
}
