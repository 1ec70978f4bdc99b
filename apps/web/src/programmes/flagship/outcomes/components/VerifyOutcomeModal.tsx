import { outcomeVerifySchema, type Outcome } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Checkbox, Form, Input, Modal, Typography } from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../../../../app/ApiError";
import { formErrorOf } from "../../../../app/applyFieldErrors";
import { parseFormInput } from "../../../../app/parseFormInput";
import { zodRule } from "../../../../app/zodRule";
import { verifyOutcome } from "../api";
import { optionalRule } from "../optionalRule";
import { outcomeQueryKeys } from "../outcomeQueryKeys";
import { formatYuanExact } from "../../../../app/yuan";
import { YuanInput } from "./YuanInput";

interface VerifyFormValues {
  economicBenefitYuan?: string;
  enterpriseConfirmed?: boolean;
  note?: string;
}

const shape = outcomeVerifySchema.shape;
const fieldNames = ["economicBenefitYuan", "enterpriseConfirmed", "note"];

interface VerifyOutcomeModalProps {
  /** The outcome being verified; null keeps the dialog closed. */
  outcome: Outcome | null;
  onClose: () => void;
  onVerified: (outcome: Outcome) => void;
}

/** 核实: the county union records the amount the enterprise confirmed; it counts as verified from then on. */
export function VerifyOutcomeModal({ outcome, onClose, onVerified }: VerifyOutcomeModalProps) {
  const [form] = Form.useForm<VerifyFormValues>();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  // Start from the estimate: most verifications confirm it, some correct it.
  useEffect(() => {
    if (outcome) {
      form.setFieldsValue({ economicBenefitYuan: outcome.economicBenefitYuan, enterpriseConfirmed: false, note: undefined });
    }
  }, [outcome, form]);

  const mutation = useMutation({
    mutationFn: (values: { id: string; input: Parameters<typeof verifyOutcome>[1] }) => verifyOutcome(values.id, values.input),
    onSuccess: async (verified) => {
      setFormError(null);
      await queryClient.invalidateQueries({ queryKey: outcomeQueryKeys.all });
      onVerified(verified);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === "CONFLICT") {
        // Someone verified it meanwhile: show the list as it now is.
        await queryClient.invalidateQueries({ queryKey: outcomeQueryKeys.all });
      }
      setFormError(formErrorOf(form, error, fieldNames));
    },
  });

  function submit(values: VerifyFormValues) {
    if (!outcome) return;
    const input = parseFormInput(
      form,
      outcomeVerifySchema,
      { economicBenefitYuan: values.economicBenefitYuan ?? "", enterpriseConfirmed: values.enterpriseConfirmed === true, note: values.note?.trim() ? values.note : undefined },
      fieldNames,
      setFormError,
    );
    if (input) mutation.mutate({ id: outcome.id, input });
  }

  return (
    <Modal
      title="核实成效"
      open={outcome !== null}
      onCancel={() => {
        // The next outcome opened starts clean.
        setFormError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText="确认核实"
      confirmLoading={mutation.isPending}
      forceRender
    >
      {outcome ? (
        <Typography.Paragraph type="secondary">
          预估经济效益 {formatYuanExact(outcome.economicBenefitYuan)} 元，登记于 {outcome.estimatedOn}。核实后计入“经济效益(已核实)”，不能再次修改。
        </Typography.Paragraph>
      ) : null}
      <Form<VerifyFormValues> form={form} layout="vertical" disabled={mutation.isPending} onFinish={submit} onValuesChange={() => setFormError(null)}>
        <Form.Item label="核实经济效益" name="economicBenefitYuan" required rules={[zodRule(shape.economicBenefitYuan, "请填写核实金额(元)")]}>
          <YuanInput />
        </Form.Item>
        <Form.Item name="enterpriseConfirmed" valuePropName="checked" rules={[zodRule(shape.enterpriseConfirmed)]}>
          <Checkbox>企业已确认上述成效和金额</Checkbox>
        </Form.Item>
        <Form.Item label="核实说明" name="note" rules={[optionalRule(shape.note)]}>
          <Input.TextArea rows={2} count={{ show: true, max: 1000 }} placeholder="如：经企业财务负责人书面确认" />
        </Form.Item>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Modal>
  );
}
