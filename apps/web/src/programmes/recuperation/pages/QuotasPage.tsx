import type { RecuperationQuotaRow } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Flex, Input, InputNumber, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { fetchQuotas, recuperationKeys, setQuota } from "../api";

function QuotaInput({ row, year }: { row: RecuperationQuotaRow; year: number }) {
  const [value, setValue] = useState<number | null>(row.quota);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => setQuota(year, row.unionId, value ?? 0),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recuperationKeys.all }),
  });
  return (
    <Space.Compact>
      <InputNumber value={value} onChange={setValue} status={save.isError ? "error" : undefined} style={{ width: 90 }} aria-label={`${row.unionName}名额`} />
      <Button loading={save.isPending} disabled={value === row.quota} onClick={() => save.mutate()}>
        保存
      </Button>
      {/* The box never clamps: a refused number stays as typed, with the server's reason beside it. */}
      {save.isError ? <Typography.Text type="danger" role="alert" style={{ marginInlineStart: 8, fontSize: 12 }}>{save.error instanceof Error ? save.error.message : "保存失败"}</Typography.Text> : null}
    </Space.Compact>
  );
}

/** 工会名额: each union's places for the year and their use; the province sets them (a raise is offered to the waitlist at once). */
export function QuotasPage() {
  const year = dayjs().year();
  const can = useCan();
  const [q, setQ] = useState("");
  const quotas = useQuery({ queryKey: [...recuperationKeys.all, "quotas", year, q], queryFn: ({ signal }) => fetchQuotas(year, q, signal) });
  return (
    <>
      <PageHeader title="疗休养名额" description={`${year}年各工会名额及使用(已分配/已接受)。增加名额后，候补按摇号顺序即时递补。`} />
      {quotas.isError ? (
        <QueryErrorResult error={quotas.error} onRetry={() => void quotas.refetch()} />
      ) : (
        <Table<RecuperationQuotaRow>
          rowKey="unionId"
          size="small"
          loading={quotas.isPending}
          scroll={{ x: 520 }}
          dataSource={quotas.data ?? []}
          title={() => (
            <Flex gap={8} align="center" wrap>
              <Input.Search placeholder="工会名称" allowClear onSearch={setQ} style={{ maxWidth: 280 }} aria-label="工会名称" />
              <Typography.Text type="secondary">最多显示500个工会</Typography.Text>
            </Flex>
          )}
          columns={[
            { title: "工会", dataIndex: "unionName" },
            { title: "名额", key: "quota", render: (_, r) => (can("recuperation.manage") ? <QuotaInput row={r} year={year} /> : r.quota) },
            { title: "已分配", dataIndex: "offered", align: "right" },
            { title: "已接受", dataIndex: "accepted", align: "right" },
          ]}
        />
      )}
    </>
  );
}
