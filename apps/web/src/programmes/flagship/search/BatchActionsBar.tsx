import { serviceSessionListQuerySchema } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Form, Input, List, Modal, Popconfirm, Select, Typography } from "antd";
import { useState } from "react";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { ExportButton } from "../../../modules/imports/components/ExportButton";
import { problemQueryKeys } from "../problems/problemQueryKeys";
import { ExpertPicker } from "../serviceSessions/components/ExpertPicker";
import { listServiceSessions } from "../serviceSessions/api";
import { serviceSessionQueryKeys } from "../serviceSessions/serviceSessionQueryKeys";
import { batchAcceptProblems, batchAssignProblems, batchLinkProblems } from "./api";

interface Refusal {
  what: string;
  message: string;
  rows: string[];
}

/** A 409 from a batch names each refused row (problem id → “标题：原因”); nothing was saved. */
const refusalOf = (what: string, error: unknown): Refusal | null =>
  error instanceof ApiError && error.status === 409 && Object.keys(error.fields).length > 0 ? { what, message: `${what}未执行，所选难题都没有改动。请处理下列难题（或取消选择它们）后重试：`, rows: Object.values(error.fields) } : null;

/**
 * The bar over the problem list while rows are selected: 批量受理, 批量指派 (one expert, a reason),
 * 纳入场次 and 导出所选. Each batch is one request, all or nothing: when a row is refused nothing is
 * saved and every refused row is listed with its reason.
 */
export function BatchActionsBar({ selected, onDone, mayAssign, mayLink }: { selected: string[]; onDone: () => void; mayAssign: boolean; mayLink: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [dialog, setDialog] = useState<"assign" | "link" | null>(null);
  const [expertIds, setExpertIds] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [sessionQ, setSessionQ] = useState("");

  const finished = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: problemQueryKeys.all });
    void queryClient.invalidateQueries({ queryKey: serviceSessionQueryKeys.all });
    void message.success(text);
    setDialog(null);
    onDone();
  };
  const failed = (what: string) => (error: unknown) => {
    const r = refusalOf(what, error);
    if (r) setRefusal(r);
    else void message.error(errorMessage(error));
  };
  const accept = useMutation({ mutationFn: () => batchAcceptProblems(selected), onSuccess: (r) => finished(`已受理 ${r.done.length} 个难题`), onError: failed("批量受理") });
  const assign = useMutation({
    mutationFn: () => batchAssignProblems({ ids: selected, expertId: expertIds[0] ?? "", reason }),
    onSuccess: (r) => finished(`已将 ${r.done.length} 个难题指派给所选专家`),
    onError: failed("批量指派"),
  });
  const link = useMutation({
    mutationFn: () => batchLinkProblems({ ids: selected, sessionId: sessionId ?? "" }),
    onSuccess: (r) => finished(`已将 ${r.done.length} 个难题纳入服务场次`),
    onError: failed("纳入场次"),
  });
  const sessionQuery = serviceSessionListQuerySchema.parse({ q: sessionQ.trim() || undefined, page: 1, pageSize: 20 });
  const sessions = useQuery({
    queryKey: serviceSessionQueryKeys.list(sessionQuery),
    queryFn: ({ signal }) => listServiceSessions(sessionQuery, signal),
    enabled: dialog === "link",
  });

  if (selected.length === 0 && !refusal) return null;
  return (
    <>
      {selected.length > 0 ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={
            <Flex gap={8} wrap align="center">
              <Typography.Text>已选 {selected.length} 个难题</Typography.Text>
              <Popconfirm
                title={`受理所选的 ${selected.length} 个难题？`}
                description="所选难题须都是“待受理”；有一个不能受理就都不受理，并列出原因。"
                okText="受理"
                cancelText="取消"
                onConfirm={() => accept.mutate()}
              >
                <Button type="primary" size="small" loading={accept.isPending}>
                  批量受理
                </Button>
              </Popconfirm>
              {mayAssign ? (
                <Button size="small" onClick={() => setDialog("assign")}>
                  批量指派
                </Button>
              ) : null}
              {mayLink ? (
                <Button size="small" onClick={() => setDialog("link")}>
                  纳入场次
                </Button>
              ) : null}
              <ExportButton url="/api/problems/export-selected" query={{ ids: selected.join(",") }} label="导出所选" size="small" />
              <Button size="small" type="link" onClick={onDone}>
                取消选择
              </Button>
            </Flex>
          }
        />
      ) : null}
      <Modal
        open={dialog === "assign"}
        title={`批量指派（${selected.length} 个难题）`}
        okText="指派"
        cancelText="取消"
        okButtonProps={{ disabled: expertIds.length === 0 || reason.trim() === "", loading: assign.isPending }}
        onOk={() => assign.mutate()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label="负责专家" required extra="所选难题须都是“已受理”，且专家在办难题数加上所选难题不超过其上限">
            <ExpertPicker value={expertIds} onChange={setExpertIds} maxCount={1} placeholder="输入姓名或单位搜索专家" />
          </Form.Item>
          <Form.Item label="指派理由" required>
            <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} count={{ show: true, max: 500 }} placeholder="如：同一车间的同类问题，由一位专家统一解决" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === "link"}
        title={`纳入服务场次（${selected.length} 个难题）`}
        okText="纳入"
        cancelText="取消"
        okButtonProps={{ disabled: !sessionId, loading: link.isPending }}
        onOk={() => link.mutate()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label="服务场次" required extra="难题所属企业须是该场次的服务企业，难题须为已受理或已匹配专家">
            <Select
              value={sessionId}
              onChange={setSessionId}
              placeholder="输入场次名称搜索"
              loading={sessions.isFetching}
              showSearch={{ onSearch: setSessionQ, filterOption: false }}
              notFoundContent={sessions.isFetching ? "搜索中…" : "没有找到服务场次"}
              options={(sessions.data?.items ?? []).filter((s) => !s.voided).map((s) => ({ value: s.id, label: `${s.date} ${s.title}（${s.countyName}）` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={Boolean(refusal)} title={`${refusal?.what ?? ""}未执行`} footer={<Button onClick={() => setRefusal(null)}>知道了</Button>} onCancel={() => setRefusal(null)}>
        <Typography.Paragraph>{refusal?.message}</Typography.Paragraph>
        <List size="small" dataSource={refusal?.rows ?? []} renderItem={(row) => <List.Item>{row}</List.Item>} />
      </Modal>
    </>
  );
}
