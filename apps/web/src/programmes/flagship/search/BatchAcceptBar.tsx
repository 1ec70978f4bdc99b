import type { ProblemBatchResult } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Flex, List, Modal, Popconfirm, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { problemQueryKeys } from "../problems/problemQueryKeys";
import { batchAcceptProblems } from "./api";

/**
 * The bar over the problem list while rows are selected: 批量受理 (each problem accepted on its own;
 * those that could not be are listed with the reason) and clearing the selection.
 */
export function BatchAcceptBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<ProblemBatchResult | null>(null);
  const accept = useMutation({
    mutationFn: () => batchAcceptProblems(selected),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: problemQueryKeys.all });
      if (r.failed.length === 0) void message.success(`已受理 ${r.done.length} 个难题`);
      else setResult(r);
      onDone();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  if (selected.length === 0 && !result) return null;
  return (
    <>
      {selected.length > 0 ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={
            <Flex gap={12} wrap align="center">
              <Typography.Text>已选 {selected.length} 个难题</Typography.Text>
              <Popconfirm title={`受理所选的 ${selected.length} 个难题？`} description="只有“待受理”的难题会被受理，其余会列出原因。" okText="受理" cancelText="取消" onConfirm={() => accept.mutate()}>
                <Button type="primary" size="small" loading={accept.isPending}>
                  批量受理
                </Button>
              </Popconfirm>
              <Button size="small" onClick={onDone}>
                取消选择
              </Button>
            </Flex>
          }
        />
      ) : null}
      <Modal open={Boolean(result)} title="批量受理结果" footer={<Button onClick={() => setResult(null)}>知道了</Button>} onCancel={() => setResult(null)}>
        <Typography.Paragraph>
          已受理 {result?.done.length ?? 0} 个；{result?.failed.length ?? 0} 个未受理：
        </Typography.Paragraph>
        <List size="small" dataSource={result?.failed ?? []} renderItem={(f) => <List.Item>{`${f.title}：${f.message}`}</List.Item>} />
      </Modal>
    </>
  );
}
