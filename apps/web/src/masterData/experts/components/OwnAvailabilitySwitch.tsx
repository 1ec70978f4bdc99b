import { expertAvailabilityLabels, expertSelfAvailabilitySchema, type Expert } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Flex, Form, Input, Modal, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { formErrorOf } from "../../../app/applyFieldErrors";
import { zodRule } from "../../../app/zodRule";
import { setOwnAvailability } from "../api";
import { availabilityColors } from "../expertLabels";
import { expertQueryKeys } from "../expertQueryKeys";

/**
 * The expert's own 可服务 / 暂停服务 switch (出差、生病). Flipping it asks first, with an optional note
 * for the union; the tag beside it shows the state the server saved. A paused expert is left out of
 * plans and suggestions, which the confirmation says.
 */
export function OwnAvailabilitySwitch({ expert }: { expert: Expert }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const [asking, setAsking] = useState<boolean | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const available = expert.availability === "available";

  const mutation = useMutation({
    mutationFn: setOwnAvailability,
    onSuccess: async (saved) => {
      queryClient.setQueryData(expertQueryKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: expertQueryKeys.all });
      setAsking(null);
      void message.success(saved.availability === "available" ? "已恢复服务，可接受派出" : "已暂停服务，暂不接受新的派出");
    },
    onError: (error) => setFormError(formErrorOf(form, error, ["note"])),
  });

  async function confirm() {
    if (asking === null) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const note = values.note?.trim() || undefined;
    mutation.mutate({ available: asking, ...(note ? { note } : {}) });
  }

  return (
    <>
      <Flex align="center" gap={8} wrap>
        <Switch
          checked={available}
          checkedChildren="可服务"
          unCheckedChildren="暂停服务"
          loading={mutation.isPending}
          onChange={(next) => {
            form.resetFields();
            setFormError(null);
            setAsking(next);
          }}
          aria-label="我的服务状态"
        />
        <Tag color={availabilityColors[expert.availability]} style={{ marginInlineEnd: 0 }}>
          当前：{expertAvailabilityLabels[expert.availability]}
        </Tag>
      </Flex>
      <Modal
        open={asking !== null}
        title={asking ? "恢复服务？" : "暂停服务？"}
        okText={asking ? "恢复服务" : "暂停服务"}
        okButtonProps={{ danger: asking === false }}
        onOk={() => void confirm()}
        onCancel={() => setAsking(null)}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {asking
            ? "恢复后，工会可以在调度规划和专家推荐中再次为您安排难题。"
            : "暂停后，工会的调度规划和专家推荐将不再为您安排新的难题；已在办的难题不受影响。"}
        </Typography.Paragraph>
        <Form form={form} name="ownAvailability" layout="vertical" disabled={mutation.isPending} onValuesChange={() => setFormError(null)}>
          <Form.Item label="说明" name="note" rules={[zodRule(expertSelfAvailabilitySchema.shape.note)]}>
            <Input.TextArea rows={3} count={{ show: true, max: 200 }} placeholder={asking ? "选填" : "选填，如：出差至5月20日"} />
          </Form.Item>
        </Form>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Modal>
    </>
  );
}
