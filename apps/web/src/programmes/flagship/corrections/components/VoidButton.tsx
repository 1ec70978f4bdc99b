import { voidInputSchema } from "@jiangxin/domain";
import { StopOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { formErrorOf } from "../../../../app/applyFieldErrors";
import type { Parser } from "../../../../app/request";
import { zodRule } from "../../../../app/zodRule";
import { correctionQueryKeys, voidRecord } from "../api";

/**
 * 作废 (staff): the record stays, marked 已作废, and leaves every figure; the reason is required and
 * kept. Nothing is deleted.
 */
export function VoidButton<T>({ recordPath, what, schema, invalidate, size }: { recordPath: string; what: string; schema: Parser<T>; invalidate: readonly (readonly unknown[])[]; size?: "small" }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (reason: string) => voidRecord(recordPath, reason, schema),
    onSuccess: async () => {
      await Promise.all([...invalidate, correctionQueryKeys.history(recordPath), ["indicators"], ["stats"]].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      void message.success(`${what}已作废，不再计入统计`);
      setOpen(false);
    },
    onError: (error) => setFormError(formErrorOf(form, error, ["reason"])),
  });
  return (
    <>
      <Button danger icon={<StopOutlined />} size={size} onClick={() => setOpen(true)}>
        作废
      </Button>
      <Modal title={`作废${what}`} open={open} onCancel={() => setOpen(false)} okText="确认作废" okButtonProps={{ danger: true }} confirmLoading={mutation.isPending} onOk={() => form.submit()} destroyOnHidden>
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`作废后该${what}保留在系统中并标注“已作废”，不再计入任何统计，也不能再修改。`} />
        <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v.reason.trim())} onValuesChange={() => setFormError(null)} preserve={false}>
          <Form.Item label="作废理由" name="reason" required rules={[zodRule(voidInputSchema.shape.reason, "请填写作废理由")]}>
            <Input.TextArea rows={3} count={{ show: true, max: 500 }} placeholder="如：与上周场次重复录入" />
          </Form.Item>
          {formError ? <Alert type="error" showIcon title={formError} /> : null}
        </Form>
      </Modal>
    </>
  );
}
