import { outcomeInputSchema, type Outcome } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Col, Form, Input, InputNumber, Modal, Row } from "antd";
import { useState } from "react";
import { formErrorOf } from "../../../../app/applyFieldErrors";
import { parseFormInput } from "../../../../app/parseFormInput";
import { zodRule } from "../../../../app/zodRule";
import { recordOutcome, type OutcomeSubject } from "../api";
import { optionalRule } from "../optionalRule";
import { outcomeQueryKeys } from "../outcomeQueryKeys";
import { YuanInput } from "./YuanInput";

interface OutcomeFormValues {
  economicBenefitYuan?: string;
  laborIntensityReductionPct?: number | null;
  failureRateReductionPct?: number | null;
  note?: string;
}

const shape = outcomeInputSchema.shape;
const fieldNames = ["economicBenefitYuan", "laborIntensityReductionPct", "failureRateReductionPct", "note"];

interface OutcomeFormModalProps {
  open: boolean;
  subject: OutcomeSubject;
  onClose: () => void;
  onRecorded: (outcome: Outcome) => void;
}

/** 登记预估成效: the first, estimated figures; the county union verifies them later. */
export function OutcomeFormModal({ open, subject, onClose, onRecorded }: OutcomeFormModalProps) {
  const [form] = Form.useForm<OutcomeFormValues>();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: recordOutcome,
    onSuccess: async (outcome) => {
      await queryClient.invalidateQueries({ queryKey: outcomeQueryKeys.all });
      form.resetFields();
      onRecorded(outcome);
    },
    onError: (error) => {
      setFormError(formErrorOf(form, error, fieldNames));
    },
  });

  function submit(values: OutcomeFormValues) {
    // The "one subject" rule names problemId, which is not a field here: it goes to the alert.
    const input = parseFormInput(
      form,
      outcomeInputSchema,
      {
        ...subject,
        economicBenefitYuan: values.economicBenefitYuan ?? "",
        laborIntensityReductionPct: values.laborIntensityReductionPct ?? undefined,
        failureRateReductionPct: values.failureRateReductionPct ?? undefined,
        note: values.note?.trim() ? values.note : undefined,
      },
      fieldNames,
      setFormError,
    );
    if (input) mutation.mutate(input);
  }

  return (
    <Modal
      title="登记预估成效"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={mutation.isPending}
      // Typed figures survive closing by accident; they are cleared after a successful save.
      forceRender
    >
      <Form<OutcomeFormValues> form={form} layout="vertical" disabled={mutation.isPending} onFinish={submit} onValuesChange={() => setFormError(null)}>
        <Form.Item
          label="经济效益(预估)"
          name="economicBenefitYuan"
          required
          tooltip="按元填写，最多两位小数；核实时可按企业确认的金额修改"
          rules={[zodRule(shape.economicBenefitYuan, "请填写预估经济效益(元)")]}
        >
          <YuanInput />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item label="劳动强度降低" name="laborIntensityReductionPct" rules={[optionalRule(shape.laborIntensityReductionPct)]}>
              <InputNumber step={0.5} suffix="%" style={{ width: "100%" }} placeholder="不填" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="设备故障率降低" name="failureRateReductionPct" rules={[optionalRule(shape.failureRateReductionPct)]}>
              <InputNumber step={0.5} suffix="%" style={{ width: "100%" }} placeholder="不填" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="说明" name="note" rules={[optionalRule(shape.note)]}>
          <Input.TextArea rows={3} count={{ show: true, max: 1000 }} placeholder="如：改造后单线产能提升，年节约电费约…" />
        </Form.Item>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Modal>
  );
}
