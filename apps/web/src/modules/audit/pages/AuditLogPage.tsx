import { auditQuerySchema } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Form, Input, Select } from "antd";
import { useEffect, useMemo } from "react";
import { ListCard } from "../../../app/components/ListCard";
import { PageHeader } from "../../../app/components/PageHeader";
import { useIsMobile } from "../../../app/useIsMobile";
import { useUrlListState } from "../../../app/useUrlListState";
import { regionNameIndex } from "../../../app/regions/regionTree";
import { useRegionTree } from "../../../app/regions/useRegionTree";
import { listAudit } from "../api";
import { auditActionOptions } from "../auditObjects";
import { DateRangeFilter } from "../../../app/components/DateRangeFilter";
import { AuditTable } from "../components/AuditTable";
import { ExportButton } from "../../imports/components/ExportButton";

interface FilterValues {
  action?: string;
  username?: string;
}

export function AuditLogPage() {
  const { query, update } = useUrlListState(auditQuerySchema);
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FilterValues>();
  // The boxes follow the address (initialValues are read once), so Back/Forward shows the filters in use.
  useEffect(() => form.setFieldsValue({ action: query.action, username: query.username }), [form, query.action, query.username]);
  const regions = useRegionTree();
  const regionNames = useMemo(() => (regions.data ? regionNameIndex(regions.data) : new Map<string, string>()), [regions.data]);

  const log = useQuery({
    queryKey: ["audit", query],
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });

  const filtered = Boolean(query.action || query.username || query.from || query.to);

  return (
    <>
      <PageHeader title="审计日志" description="登录、查看个人信息和数据变更的记录，按辖区显示，最新的在前。日期按北京时间。" extra={<ExportButton url="/api/audit/export" query={query} />} />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Form<FilterValues>
          form={form}
          layout={isMobile ? "vertical" : "inline"}
          initialValues={{ action: query.action, username: query.username }}
          onFinish={(values) => update({ action: values.action?.trim(), username: values.username?.trim() })}
          style={{ rowGap: 12 }}
        >
          <Form.Item label="操作" name="action" style={isMobile ? { marginBottom: 12 } : undefined}>
            <Select
              options={auditActionOptions}
              allowClear
              placeholder="全部操作"
              style={{ width: isMobile ? "100%" : 220 }}
              // Picking an action applies it at once, like the date range.
              onChange={(action?: string) => update({ action })}
              showSearch={{
                filterOption: (input, option) => (option?.label ?? "").includes(input) || (option?.value ?? "").toLowerCase().includes(input.toLowerCase()),
              }}
            />
          </Form.Item>
          <Form.Item label="日期" style={isMobile ? { marginBottom: 12 } : undefined}>
            <DateRangeFilter aria-label="日期范围" from={query.from} to={query.to} onChange={update} />
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
                  update({ action: undefined, username: undefined, from: undefined, to: undefined });
                }}
              >
                重置
              </Button>
            </Flex>
          </Form.Item>
        </Form>
      </Card>
      <ListCard
        list={log}
        paging={query}
        onPageChange={update}
        emptyText={filtered ? "没有符合条件的记录，请检查操作、日期或用户名（需完整匹配）" : "辖区内暂无审计记录"}
      >
        {(table) => <AuditTable {...table} regionNames={regionNames} />}
      </ListCard>
    </>
  );
}
