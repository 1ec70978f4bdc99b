import { PlusOutlined } from "@ant-design/icons";
import { isStaffRole, problemListQuerySchema, problemStatuses, problemStatusLabels } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Checkbox, Flex, Select } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ListCard } from "../../../../app/components/ListCard";
import { PageHeader } from "../../../../app/components/PageHeader";
import { ListSearchInput } from "../../../../app/components/ListSearchInput";
import { useCan, useSession } from "../../../../app/session";
import { useIsMobile } from "../../../../app/useIsMobile";
import { useUrlListState } from "../../../../app/useUrlListState";
import { listProblems } from "../api";
import { ShowVoidedCheckbox } from "../../corrections/components/ShowVoidedCheckbox";
import { ProblemTable } from "../components/ProblemTable";
import { RegionFilterSelect } from "../../../../app/regions/components/RegionFilterSelect";
import { problemQueryKeys } from "../problemQueryKeys";
import { ExportButton } from "../../../../modules/imports/components/ExportButton";
import { BatchActionsBar } from "../../search/BatchActionsBar";
import { FlagshipSearch } from "../../search/FlagshipSearch";

const statusOptions = problemStatuses.map((s) => ({ value: s, label: problemStatusLabels[s] }));

export function ProblemListPage() {
  const { query, update } = useUrlListState(problemListQuerySchema);
  const { user } = useSession();
  const can = useCan();
  const isMobile = useIsMobile();
  // Staff who accept problems may select rows for 批量受理 / 指派 / 纳入场次 / 导出所选.
  const batch = can("problem.move") && isStaffRole(user.role);
  const [selected, setSelected] = useState<string[]>([]);
  const list = useQuery({
    queryKey: problemQueryKeys.list(query),
    queryFn: ({ signal }) => listProblems(query, signal),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(query.q || query.status || query.regionCode || query.open !== undefined);
  const description =
    user.role === "enterprise" ? "本企业提交的难题及其进展。" : user.role === "expert" ? "由您负责的难题。" : "辖区内企业的技术难题及其进展。";

  return (
    <>
      <PageHeader
        title="难题"
        description={description}
        extra={
          <>
            <FlagshipSearch />
            <ExportButton url="/api/problems/export" query={query} />
            {can("problem.move") && isStaffRole(user.role) ? (
              <Link to="/problems/overdue">
                <Button>超期难题</Button>
              </Link>
            ) : null}
            {can("demand.submit") ? (
              <Link to="/demand-lists/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  提交需求清单
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <ListSearchInput value={query.q} placeholder="难题标题、描述或企业名称" width={320} onSearch={(q) => update({ q })} />
          <Select
            value={query.status}
            options={statusOptions}
            allowClear
            placeholder="全部状态"
            style={{ width: isMobile ? "100%" : 160 }}
            onChange={(value: string | undefined) => update({ status: value })}
          />
          {isStaffRole(user.role) ? <RegionFilterSelect value={query.regionCode} width={220} onChange={(code) => update({ regionCode: code })} /> : null}
          <Checkbox checked={query.open === true} onChange={(e) => update({ open: e.target.checked ? "true" : undefined })}>
            只看未完成
          </Checkbox>
          <ShowVoidedCheckbox value={query.showVoided} onChange={(showVoided) => update({ showVoided })} />
        </Flex>
      </Card>
      <ListCard
        list={list}
        paging={query}
        onPageChange={update}
        emptyText={filtered ? "没有符合条件的难题，请调整筛选条件" : user.role === "enterprise" ? "还没有提交难题，点击右上角“提交需求清单”" : "暂无难题"}
      >
        {(table) => (
          <>
            {batch ? <BatchActionsBar selected={selected} onDone={() => setSelected([])} mayAssign mayLink={can("serviceSession.write")} /> : null}
            <ProblemTable {...table} selection={batch ? { selected, onChange: setSelected } : undefined} />
          </>
        )}
      </ListCard>
    </>
  );
}
