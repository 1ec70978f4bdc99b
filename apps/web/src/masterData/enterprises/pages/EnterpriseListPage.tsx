import { PlusOutlined } from "@ant-design/icons";
import { enterpriseListQuerySchema } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { App, Button, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { ListCard } from "../../../app/components/ListCard";
import { ListFilterBar } from "../../../app/components/ListFilterBar";
import { PageHeader } from "../../../app/components/PageHeader";
import { ListSearchInput } from "../../../app/components/ListSearchInput";
import { useCan } from "../../../app/session";
import { useUrlListState } from "../../../app/useUrlListState";
import { RegionFilterSelect } from "../../../app/regions/components/RegionFilterSelect";
import { ExportButton } from "../../../modules/imports/components/ExportButton";
import { ImportButton } from "../../../modules/imports/components/ImportButton";
import { useRegionScope } from "../../../app/regions/useRegionScope";
import { listEnterprises } from "../api";
import { EnterpriseFormDrawer } from "../components/EnterpriseFormDrawer";
import { EnterpriseTable } from "../components/EnterpriseTable";
import { enterpriseQueryKeys } from "../enterpriseQueryKeys";

export function EnterpriseListPage() {
  const { query, update } = useUrlListState(enterpriseListQuerySchema);
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const { scope } = useRegionScope();

  const list = useQuery({
    queryKey: enterpriseQueryKeys.list(query),
    queryFn: ({ signal }) => listEnterprises(query, signal),
    placeholderData: keepPreviousData,
  });

  const filtered = Boolean(query.q || query.regionCode);
  const canWrite = can("enterprise.write");
  const emptyText = filtered
    ? "没有符合条件的企业，请换个关键词或区域再试"
    : canWrite
      ? "辖区内还没有登记企业，点击右上角“新增企业”登记第一家"
      : "辖区内还没有登记企业";

  return (
    <>
      <PageHeader
        title="企业"
        description="辖区内登记的企业；联系电话已脱敏显示。"
        extra={
          <Space wrap>
            <ExportButton url="/api/enterprises/export" query={query} />
            <ImportButton kind="enterprises" onDone={() => void list.refetch()} />
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增企业
              </Button>
            ) : null}
          </Space>
        }
      />
      <ListFilterBar>
        <ListSearchInput value={query.q} placeholder="企业名称、统一社会信用代码或联系人" width={380} onSearch={(q) => update({ q })} />
        <RegionFilterSelect value={query.regionCode} width={240} onChange={(code) => update({ regionCode: code })} />
      </ListFilterBar>
      <ListCard list={list} paging={query} onPageChange={update} emptyText={emptyText}>
        {(table) => <EnterpriseTable {...table} />}
      </ListCard>
      {canWrite ? (
        <EnterpriseFormDrawer
          open={creating}
          scope={scope}
          onClose={() => setCreating(false)}
          onCreated={(enterprise) => {
            setCreating(false);
            void message.success(`已新增企业“${enterprise.name}”`);
            void navigate(`/enterprises/${enterprise.id}`);
          }}
        />
      ) : null}
    </>
  );
}
