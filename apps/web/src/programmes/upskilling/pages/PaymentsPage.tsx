import { type PaymentBatch } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Select, Table, Typography, Upload, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useSession } from "../../../app/session";
import { createBatch, fetchBatches, fetchScheme, importResults, upskillingKeys } from "../api";

/**
 * 发放批次: a city's approved applications go into a batch; the bank file (CSV the paying bank takes)
 * is downloaded, sent to the bank, and the bank's answer file (申请编号, 结果, 失败原因) is imported
 * back: paid ones become 已发放, failed ones 发放失败 with the reason the applicant reads.
 */
export function PaymentsPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isProvince = user.role === "province";
  const [cityCode, setCityCode] = useState<string | undefined>();
  const [importError, setImportError] = useState<string | null>(null);
  const batches = useQuery({ queryKey: upskillingKeys.batches, queryFn: ({ signal }) => fetchBatches(signal) });
  const scheme = useQuery({ queryKey: upskillingKeys.scheme, queryFn: ({ signal }) => fetchScheme(signal), enabled: isProvince, staleTime: 10 * 60_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: upskillingKeys.all });
  const make = useMutation({
    mutationFn: () => createBatch(isProvince ? cityCode : undefined),
    onSuccess: async (b) => {
      void message.success(`已生成批次 ${b.number}：${b.count} 人，${b.totalYuan.toLocaleString("zh-CN")} 元`);
      await refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const upload = useMutation({
    mutationFn: async ({ id, file }: { id: string; file: File }) => importResults(id, await file.text()),
    onSuccess: async (r) => {
      setImportError(null);
      void message.success(`已导入回盘结果：发放成功 ${r.paid} 人，失败 ${r.failed} 人`);
      await refresh();
    },
    onError: (e) => setImportError(errorMessage(e)),
  });

  const columns: TableColumnsType<PaymentBatch> = [
    { title: "批次", key: "no", render: (_, b) => <div>{b.number}<Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>{b.regionName} · {b.createdByName} · {dayjs(b.createdAt).format("YYYY-MM-DD HH:mm")}</Typography.Text></div> },
    { title: "人数", dataIndex: "count", key: "count", width: 70, align: "right" },
    { title: "金额(元)", key: "yuan", width: 100, align: "right", render: (_, b) => b.totalYuan.toLocaleString("zh-CN") },
    { title: "回盘", key: "result", width: 170, render: (_, b) => `成功 ${b.paid} · 失败 ${b.failed} · 待回盘 ${b.open}` },
    {
      title: "操作",
      key: "ops",
      width: 230,
      render: (_, b) => (
        <Flex gap={8} wrap>
          <Button size="small" href={`/api/upskilling/payment-batches/${b.id}/bank-file`} disabled={b.open === 0}>
            下载银行文件
          </Button>
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate({ id: b.id, file });
              return false;
            }}
          >
            <Button size="small" disabled={b.open === 0} loading={upload.isPending && upload.variables.id === b.id}>
              导入回盘结果
            </Button>
          </Upload>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="补助发放"
        description="把本市已通过、尚未发放的申请(含修改银行卡后重新提交的)生成发放批次，下载银行代发文件(CSV)，再导入银行回盘文件(列：申请编号、结果[成功/失败]、失败原因)。"
        extra={
          <Flex gap={8} wrap>
            {isProvince ? (
              <Select placeholder="选择地市" style={{ width: 140 }} value={cityCode} onChange={setCityCode} options={(scheme.data?.cityQuotas ?? []).map((c) => ({ value: c.cityCode, label: c.cityName }))} />
            ) : null}
            <Button type="primary" disabled={isProvince && !cityCode} loading={make.isPending} onClick={() => make.mutate()}>
              生成发放批次
            </Button>
          </Flex>
        }
      />
      {importError ? <Alert type="error" showIcon closable onClose={() => setImportError(null)} title={importError} style={{ marginBottom: 16 }} /> : null}
      {batches.isError ? (
        <QueryErrorResult error={batches.error} onRetry={() => void batches.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<PaymentBatch> rowKey="id" size="middle" loading={batches.isPending} dataSource={batches.data ?? []} columns={columns} scroll={{ x: "max-content" }} pagination={false} locale={{ emptyText: "还没有发放批次" }} />
        </Card>
      )}
    </>
  );
}
