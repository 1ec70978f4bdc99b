import { RollbackOutlined } from "@ant-design/icons";
import { demandListDetailSchema, withdrawableStatuses, withdrawInputSchema, type DemandListDetail } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { formErrorOf } from "../../../../app/applyFieldErrors";
import { request } from "../../../../app/request";
import { useSession } from "../../../../app/session";
import { zodRule } from "../../../../app/zodRule";
import { problemQueryKeys } from "../problemQueryKeys";

/** Whether the list can still be taken back: nothing in it has been accepted yet. */
export const mayWithdrawList = (l: DemandListDetail) => l.withdrawnAt === null && l.problems.every((p) => withdrawableStatuses.includes(p.status) || p.status === "withdrawn");

/**
 * 撤回清单 (the enterprise, before the union accepts it): the list stays on record as 已撤回 with its
 * problems withdrawn, and the county's 待受理 for it closes.
 */
export function WithdrawListButton({ list }: { list: DemandListDetail }) {
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (reason: string) =>
      request(`/api/demand-lists/${encodeURIComponent(list.id)}/withdraw`, { method: "POST", body: reason ? { reason } : {}, schema: demandListDetailSchema }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(problemQueryKeys.demandList(list.id), updated);
      await queryClient.invalidateQueries({ queryKey: problemQueryKeys.all });
      void message.success("需求清单已撤回");
      setOpen(false);
    },
    onError: (error) => setFormError(formErrorOf(form, error, ["reason"])),
  });
  if (user.role !== "enterprise" || !mayWithdrawList(list)) return null;
  return (
    <>
      <Button icon={<RollbackOutlined />} onClick={() => setOpen(true)}>
        撤回清单
      </Button>
      <Modal title="撤回需求清单" open={open} onCancel={() => setOpen(false)} okText="确认撤回" confirmLoading={mutation.isPending} onOk={() => form.submit()} destroyOnHidden>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="县(市、区)总工会受理前可以撤回。撤回后清单保留并标注“已撤回”，不再等待受理。" />
        <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v.reason?.trim() ?? "")} onValuesChange={() => setFormError(null)} preserve={false}>
          <Form.Item label="撤回说明" name="reason" rules={[zodRule(withdrawInputSchema.shape.reason.unwrap())]}>
            <Input.TextArea rows={2} count={{ show: true, max: 500 }} placeholder="选填：如问题已自行解决" />
          </Form.Item>
          {formError ? <Alert type="error" showIcon title={formError} /> : null}
        </Form>
      </Modal>
    </>
  );
}

/** A withdrawn list says so at the top. */
export function WithdrawnAlert({ list }: { list: DemandListDetail }) {
  if (!list.withdrawnAt) return null;
  return <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`该需求清单已于${dayjs(list.withdrawnAt).format("YYYY-MM-DD HH:mm")}由企业撤回`} />;
}
