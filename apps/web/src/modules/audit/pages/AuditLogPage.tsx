import { auditQuerySchema } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AutoComplete, Button, Card, Empty, Flex, Form, Input } from "antd";
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useIsMobile } from "../../../app/useIsMobile";
import { regionNameIndex } from "../../regions/regionTree";
import { useRegionTree } from "../../regions/useRegionTree";
import { listAudit, type AuditQuery } from "../api";
import { auditActionLabels } from "../auditLabels";
import { AuditTable } from "../components/AuditTable";
import { ExportButton } from "../../imports/components/ExportButton";

const actionOptions = Object.entries(auditActionLabels).map(([value, label]) => ({ value, label: `${label}（${value}）` }));

interface FilterValues {
  action?: string;
  username?: string;
}

function readQuery(params: URLSearchParams): AuditQuery {
  const raw = Object.fromEntries([...params].filter(([, value]) => value !== ""));
  const parsed = auditQuerySchema.safeParse(raw);
  return parsed.success ? parsed.data : { page: 1, pageSize: 20 };
}

export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FilterValues>();
  const regions = useRegionTree();
  const regionNames = useMemo(() => (regions.data ? regionNameIndex(regions.data) : new Map<string, string>()), [regions.data]);

  const log = useQuery({
    queryKey: ["audit", query],
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });

  function apply(next: Record<string, string | number | undefined>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === "") merged.delete(key);
      else merged.set(key, String(value));
    }
    setParams(merged);
  }

  const filtered = Boolean(query.action || query.username);

  return (
    <>
      <PageHeader title="审计日志" description="登录、查看个人信息和数据变更的记录，按辖区显示，最新的在前。" extra={<ExportButton url="/api/audit/export" query={query} />} />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Form<FilterValues>
          form={form}
          layout={isMobile ? "vertical" : "inline"}
          initialValues={{ action: query.action, username: query.username }}
          onFinish={(values) => apply({ action: values.action?.trim(), username: values.username?.trim(), page: undefined })}
          style={{ rowGap: 12 }}
        >
          <Form.Item label="操作" name="action" style={isMobile ? { marginBottom: 12 } : undefined}>
            <AutoComplete
              options={actionOptions}
              allowClear
              placeholder="如 auth.login"
              style={{ width: isMobile ? "100%" : 260 }}
              showSearch={{
                filterOption: (input, option) =>
                  (option?.value ?? "").toLowerCase().includes(input.toLowerCase()) || (option?.label ?? "").includes(input),
              }}
            />
          </Form.Item>
          <Form.Item label="用户名" name="username" style={isMobile ? { marginBottom: 12 } : undefined}>
            <Input allowClear placeholder="完整用户名" style={{ width: isMobile ? "100%" : 180 }} />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.setFieldsValue({ action: undefined, username: undefined });
                  apply({ action: undefined, username: undefined, page: undefined });
                }}
              >
                重置
              </Button>
            </Flex>
          </Form.Item>
        </Form>
      </Card>
      {log.isError && !log.data ? (
        <QueryErrorResult error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <AuditTable
            items={log.data?.items ?? []}
            loading={log.isFetching}
            regionNames={regionNames}
            empty={
              log.isPending ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={filtered ? "没有符合条件的记录，请检查操作代码或用户名（需完整匹配）" : "辖区内暂无审计记录"}
                />
              )
            }
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: log.data?.total ?? 0,
              showSizeChanger: !isMobile,
              simple: isMobile,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (page, pageSize) => apply({ page, pageSize: pageSize === 20 ? undefined : pageSize }),
              style: { padding: "0 16px" },
            }}
          />
        </Card>
      )}
    </>
  );
}
