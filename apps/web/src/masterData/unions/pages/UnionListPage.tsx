import { PlusOutlined } from "@ant-design/icons";
import { unionFormationLabels, unionFormations, unionKindLabels, unionKinds, unionListQuerySchema } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Select, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { ListCard } from "../../../app/components/ListCard";
import { ListFilterBar } from "../../../app/components/ListFilterBar";
import { ListSearchInput } from "../../../app/components/ListSearchInput";
import { PageHeader } from "../../../app/components/PageHeader";
import { RegionFilterSelect } from "../../../app/regions/components/RegionFilterSelect";
import { useRegionScope } from "../../../app/regions/useRegionScope";
import { useCan } from "../../../app/session";
import { useIsMobile } from "../../../app/useIsMobile";
import { useUrlListState } from "../../../app/useUrlListState";
import { ExportButton } from "../../../modules/imports/components/ExportButton";
import { ImportButton } from "../../../modules/imports/components/ImportButton";
import { getUnion, listUnions } from "../api";
import { CoverageCard } from "../components/CoverageCard";
import { UnionFormDrawer } from "../components/UnionFormDrawer";
import { UnionTable } from "../components/UnionTable";
import { unionQueryKeys } from "../unionQueryKeys";

const kindOptions = unionKinds.map((k) => ({ value: k, label: unionKindLabels[k] }));
const formationOptions = unionFormations.map((f) => ({ value: f, label: unionFormationLabels[f] }));

/** 工会组织: the unions in the user's region (or below its own union), filtered; coverage for staff. */
export function UnionListPage() {
  const { query, update } = useUrlListState(unionListQuerySchema);
  const can = useCan();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { scope } = useRegionScope();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: unionQueryKeys.list(query), queryFn: ({ signal }) => listUnions(query, signal), placeholderData: keepPreviousData });

  // Walking the tree: the parent whose children are listed, named above the list.
  const parent = useQuery({
    queryKey: unionQueryKeys.detail(query.parentId ?? ""),
    queryFn: ({ signal }) => getUnion(query.parentId ?? "", signal),
    enabled: Boolean(query.parentId),
  });
  const canWrite = can("union.write");
  const filtered = Boolean(query.q || query.regionCode || query.kind || query.formation || query.parentId);
  const emptyText = filtered ? "没有符合条件的工会组织，请换个条件再试" : canWrite ? "还没有工会组织，点击右上角“新建工会”添加" : "还没有工会组织";
  const filterWidth = isMobile ? "100%" : 160;

  return (
    <>
      <PageHeader
        title="工会组织"
        description="省、市、县(市、区)总工会，产业工会与基层工会(单独建、联合建、区域建、覆盖建)。"
        extra={
          <Space wrap>
            <ExportButton url="/api/unions/export" query={query} />
            <ImportButton kind="unions" onDone={() => void list.refetch()} />
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建工会
              </Button>
            ) : null}
          </Space>
        }
      />
      {can("union.coverage") ? <CoverageCard regionCode={query.regionCode} /> : null}
      <ListFilterBar>
        <ListSearchInput value={query.q} placeholder="工会名称或工会主席" width={300} onSearch={(q) => update({ q })} />
        <RegionFilterSelect value={query.regionCode} width={200} onChange={(code) => update({ regionCode: code })} />
        <Select aria-label="工会类别" allowClear placeholder="全部类别" style={{ width: filterWidth }} options={kindOptions} value={query.kind} onChange={(kind) => update({ kind })} />
        <Select aria-label="建会方式" allowClear placeholder="全部建会方式" style={{ width: filterWidth }} options={formationOptions} value={query.formation} onChange={(formation) => update({ formation })} />
      </ListFilterBar>
      {query.parentId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`只显示“${parent.data?.name ?? "所选工会"}”的下级工会`}
          action={
            <Button size="small" onClick={() => update({ parentId: undefined })}>
              显示全部
            </Button>
          }
        />
      ) : null}
      <ListCard list={list} paging={query} onPageChange={update} showTotal={(n) => `共 ${n} 个工会`} emptyText={emptyText}>
        {(table) => <UnionTable {...table} />}
      </ListCard>
      {canWrite ? (
        <UnionFormDrawer
          open={creating}
          scope={scope}
          onClose={() => setCreating(false)}
          onSaved={(u) => {
            setCreating(false);
            void message.success(`已新建“${u.name}”`);
            void navigate(`/unions/${u.id}`);
          }}
        />
      ) : null}
    </>
  );
}
