import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { enterpriseListQuerySchema, type EnterpriseListQuery } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Empty, Flex, Space } from "antd";
import { useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../app/components/PageHeader";
import { ListSearchInput } from "../../../app/components/ListSearchInput";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { useIsMobile } from "../../../app/useIsMobile";
import { RegionFilterSelect } from "../../regions/components/RegionFilterSelect";
import { ExportButton } from "../../imports/components/ExportButton";
import { ImportDrawer } from "../../imports/components/ImportDrawer";
import { useRegionScope } from "../../regions/useRegionScope";
import { listEnterprises } from "../api";
import { EnterpriseFormDrawer } from "../components/EnterpriseFormDrawer";
import { EnterpriseTable } from "../components/EnterpriseTable";
import { enterpriseQueryKeys } from "../enterpriseQueryKeys";

/** Filters and paging live in the URL, so Back from a detail page returns to the same list. */
function readQuery(params: URLSearchParams): EnterpriseListQuery {
  const raw = Object.fromEntries([...params].filter(([, value]) => value !== ""));
  const parsed = enterpriseListQuerySchema.safeParse(raw);
  return parsed.success ? parsed.data : { page: 1, pageSize: 20 };
}

export function EnterpriseListPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);
  const can = useCan();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const { scope } = useRegionScope();

  const list = useQuery({
    queryKey: enterpriseQueryKeys.list(query),
    queryFn: ({ signal }) => listEnterprises(query, signal),
    placeholderData: keepPreviousData,
  });

  function update(next: Partial<Record<keyof EnterpriseListQuery, string | number | undefined>>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === "") merged.delete(key);
      else merged.set(key, String(value));
    }
    setParams(merged);
  }

  const filtered = Boolean(query.q || query.regionCode);
  const canWrite = can("enterprise.write");
  const canImport = can("data.import");
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        filtered
          ? "没有符合条件的企业，请换个关键词或区域再试"
          : canWrite
            ? "辖区内还没有登记企业，点击右上角“新增企业”登记第一家"
            : "辖区内还没有登记企业"
      }
    />
  );

  return (
    <>
      <PageHeader
        title="企业"
        description="辖区内登记的企业；联系电话已脱敏显示。"
        extra={
          <Space wrap>
            <ExportButton url="/api/enterprises/export" query={query} />
            {canImport ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                批量导入
              </Button>
            ) : null}
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增企业
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap>
          <ListSearchInput value={query.q} placeholder="企业名称、统一社会信用代码或联系人" width={380} onSearch={(q) => update({ q, page: undefined })} />
          <RegionFilterSelect value={query.regionCode} width={240} onChange={(code) => update({ regionCode: code, page: undefined })} />
        </Flex>
      </Card>
      {list.isError && !list.data ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <EnterpriseTable
            items={list.data?.items ?? []}
            loading={list.isFetching}
            empty={list.isPending ? <div style={{ height: 120 }} /> : empty}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: !isMobile,
              simple: isMobile,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (page, pageSize) => update({ page, pageSize: pageSize === 20 ? undefined : pageSize }),
              style: { padding: "0 16px" },
            }}
          />
        </Card>
      )}
      {canImport ? (
        <ImportDrawer kind="enterprises" open={importing} onClose={() => setImporting(false)} onDone={() => void list.refetch()} />
      ) : null}
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
