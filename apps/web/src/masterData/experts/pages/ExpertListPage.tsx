import { PlusOutlined } from "@ant-design/icons";
import { expertListQuerySchema } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { App, Button, Select, Space } from "antd";
import { useState } from "react";
import { Navigate, useNavigate } from "react-router-dom";
import { ListCard } from "../../../app/components/ListCard";
import { ListFilterBar } from "../../../app/components/ListFilterBar";
import { PageHeader } from "../../../app/components/PageHeader";
import { ListSearchInput } from "../../../app/components/ListSearchInput";
import { useCan, useSession } from "../../../app/session";
import { useIsMobile } from "../../../app/useIsMobile";
import { useUrlListState } from "../../../app/useUrlListState";
import { RegionFilterSelect } from "../../../app/regions/components/RegionFilterSelect";
import { useRegionScope } from "../../../app/regions/useRegionScope";
import { listExperts } from "../api";
import { ExpertFormDrawer } from "../components/ExpertFormDrawer";
import { ExpertTable } from "../components/ExpertTable";
import { expertQueryKeys } from "../expertQueryKeys";
import { availabilityOptions, tradeOptions } from "../expertLabels";
import { ExportButton } from "../../../modules/imports/components/ExportButton";
import { ImportButton } from "../../../modules/imports/components/ImportButton";

const activeOptions = [
  { value: "true", label: "在库" },
  { value: "false", label: "已停用" },
];

export function ExpertListPage() {
  const { query, update } = useUrlListState(expertListQuerySchema);
  const can = useCan();
  const { user } = useSession();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const { scope } = useRegionScope();
  const isExpert = user.role === "expert";

  const list = useQuery({
    queryKey: expertQueryKeys.list(query),
    queryFn: ({ signal }) => listExperts(query, signal),
    placeholderData: keepPreviousData,
  });

  // An expert's list is its own profile; open it directly.
  const own = isExpert && list.data?.items.length === 1 ? list.data.items[0] : undefined;
  if (own) return <Navigate to={`/experts/${own.id}`} replace />;

  const filtered = Boolean(query.q || query.trade || query.regionCode || query.availability || query.active !== undefined);
  const canWrite = can("expert.write");
  const emptyText = filtered
    ? "没有符合条件的专家，请换个条件再试"
    : isExpert
      ? "您的账号尚未关联专家档案，请联系所在地工会"
      : canWrite
        ? "专家库还是空的，点击右上角“登记专家”添加第一位劳模工匠"
        : "专家库还是空的";

  return (
    <>
      <PageHeader
        title={isExpert ? "我的专家档案" : "劳模工匠库"}
        description={isExpert ? "您在劳模工匠库中的档案。" : "全省共享的劳模、工匠专家库；手机号已脱敏显示。"}
        extra={
          isExpert ? null : (
            <Space wrap>
              <ExportButton url="/api/experts/export" query={query} />
              <ImportButton kind="experts" onDone={() => void list.refetch()} />
              {canWrite ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  登记专家
                </Button>
              ) : null}
            </Space>
          )
        }
      />
      {isExpert ? null : (
        <ListFilterBar>
          <ListSearchInput value={query.q} placeholder="姓名或工作单位" width={300} onSearch={(q) => update({ q })} />
          <Select
            value={query.trade}
            options={tradeOptions}
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder="全部工种"
            style={{ width: isMobile ? "100%" : 170 }}
            onChange={(value: string | undefined) => update({ trade: value })}
          />
          {/* The pool is provincial, so the filter offers every region, not just the user's own. */}
          <RegionFilterSelect value={query.regionCode} width={200} placeholder="全部地区" wholeTree onChange={(code) => update({ regionCode: code })} />
          <Select
            value={query.availability}
            options={availabilityOptions}
            allowClear
            placeholder="可服务状态"
            style={{ width: isMobile ? "calc(50% - 6px)" : 130 }}
            onChange={(value: string | undefined) => update({ availability: value })}
          />
          <Select
            value={query.active === undefined ? undefined : String(query.active)}
            options={activeOptions}
            allowClear
            placeholder="在库/停用"
            style={{ width: isMobile ? "calc(50% - 6px)" : 120 }}
            onChange={(value: string | undefined) => update({ active: value })}
          />
        </ListFilterBar>
      )}
      <ListCard list={list} paging={query} onPageChange={update} showTotal={(total) => `共 ${total} 位`} emptyText={emptyText}>
        {(table) => <ExpertTable {...table} />}
      </ListCard>
      {canWrite ? (
        <ExpertFormDrawer
          open={creating}
          scope={scope}
          onClose={() => setCreating(false)}
          onSaved={(expert) => {
            setCreating(false);
            void message.success(`已登记专家“${expert.name}”`);
            void navigate(`/experts/${expert.id}`);
          }}
        />
      ) : null}
    </>
  );
}
