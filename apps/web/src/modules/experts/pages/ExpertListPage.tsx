import { PlusOutlined } from "@ant-design/icons";
import { expertListQuerySchema, type ExpertListQuery } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Empty, Flex, Select, Space } from "antd";
import { useMemo, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../app/components/PageHeader";
import { ListSearchInput } from "../../../app/components/ListSearchInput";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan, useSession } from "../../../app/session";
import { useIsMobile } from "../../../app/useIsMobile";
import { RegionFilterSelect } from "../../regions/components/RegionFilterSelect";
import { useRegionScope } from "../../regions/useRegionScope";
import { listExperts } from "../api";
import { ExpertFormDrawer } from "../components/ExpertFormDrawer";
import { ExpertTable } from "../components/ExpertTable";
import { expertQueryKeys } from "../expertQueryKeys";
import { availabilityOptions, tradeOptions } from "../expertLabels";
import { ExportButton } from "../../imports/components/ExportButton";
import { ImportDrawer } from "../../imports/components/ImportDrawer";
import { UploadOutlined } from "@ant-design/icons";

const activeOptions = [
  { value: "true", label: "在库" },
  { value: "false", label: "已停用" },
];

/** Filters and paging live in the URL, so Back from a detail page returns to the same list. */
function readQuery(params: URLSearchParams): ExpertListQuery {
  const raw = Object.fromEntries([...params].filter(([, value]) => value !== ""));
  const parsed = expertListQuerySchema.safeParse(raw);
  return parsed.success ? parsed.data : { page: 1, pageSize: 20 };
}

export function ExpertListPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);
  const can = useCan();
  const { user } = useSession();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const { scope } = useRegionScope();
  const isExpert = user.role === "expert";

  const list = useQuery({
    queryKey: expertQueryKeys.list(query),
    queryFn: ({ signal }) => listExperts(query, signal),
    placeholderData: keepPreviousData,
  });

  function update(next: Partial<Record<keyof ExpertListQuery, string | number | undefined>>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === "") merged.delete(key);
      else merged.set(key, String(value));
    }
    setParams(merged);
  }

  // An expert's list is its own profile; open it directly.
  const own = isExpert && list.data?.items.length === 1 ? list.data.items[0] : undefined;
  if (own) return <Navigate to={`/experts/${own.id}`} replace />;

  const filtered = Boolean(query.q || query.trade || query.regionCode || query.availability || query.active !== undefined);
  const canWrite = can("expert.write");
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        filtered
          ? "没有符合条件的专家，请换个条件再试"
          : isExpert
            ? "您的账号尚未关联专家档案，请联系所在地工会"
            : canWrite
              ? "专家库还是空的，点击右上角“登记专家”添加第一位劳模工匠"
              : "专家库还是空的"
      }
    />
  );

  return (
    <>
      <PageHeader
        title={isExpert ? "我的专家档案" : "劳模工匠库"}
        description={isExpert ? "您在劳模工匠库中的档案。" : "全省共享的劳模、工匠专家库；手机号已脱敏显示。"}
        extra={
          isExpert ? null : (
            <Space wrap>
              <ExportButton url="/api/experts/export" query={query} />
              {can("data.import") ? (
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  批量导入
                </Button>
              ) : null}
              {canWrite ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  登记专家
                </Button>
              ) : null}
            </Space>
          )
        }
      />
      {can("data.import") ? <ImportDrawer kind="experts" open={importing} onClose={() => setImporting(false)} onDone={() => void list.refetch()} /> : null}
      {isExpert ? null : (
        <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
          <Flex gap={12} wrap>
            <ListSearchInput value={query.q} placeholder="姓名或工作单位" width={300} onSearch={(q) => update({ q, page: undefined })} />
            <Select
              value={query.trade}
              options={tradeOptions}
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder="全部工种"
              style={{ width: isMobile ? "100%" : 170 }}
              onChange={(value: string | undefined) => update({ trade: value, page: undefined })}
            />
            {/* The pool is provincial, so the filter offers every region, not just the user's own. */}
            <RegionFilterSelect value={query.regionCode} width={200} placeholder="全部地区" wholeTree onChange={(code) => update({ regionCode: code, page: undefined })} />
            <Select
              value={query.availability}
              options={availabilityOptions}
              allowClear
              placeholder="可服务状态"
              style={{ width: isMobile ? "calc(50% - 6px)" : 130 }}
              onChange={(value: string | undefined) => update({ availability: value, page: undefined })}
            />
            <Select
              value={query.active === undefined ? undefined : String(query.active)}
              options={activeOptions}
              allowClear
              placeholder="在库/停用"
              style={{ width: isMobile ? "calc(50% - 6px)" : 120 }}
              onChange={(value: string | undefined) => update({ active: value, page: undefined })}
            />
          </Flex>
        </Card>
      )}
      {list.isError && !list.data ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <ExpertTable
            items={list.data?.items ?? []}
            loading={list.isFetching}
            empty={list.isPending ? <div style={{ height: 120 }} /> : empty}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: !isMobile,
              simple: isMobile,
              showTotal: (total) => `共 ${total} 位`,
              onChange: (page, pageSize) => update({ page, pageSize: pageSize === 20 ? undefined : pageSize }),
              style: { padding: "0 16px" },
            }}
          />
        </Card>
      )}
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
