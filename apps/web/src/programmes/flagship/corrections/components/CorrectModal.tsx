import { correctionReasonSchema } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, type FormRule } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { formErrorOf } from "../../../../app/applyFieldErrors";
import type { Parser } from "../../../../app/request";
import { useIsMobile } from "../../../../app/useIsMobile";
import { zodRule } from "../../../../app/zodRule";
import { correctRecord, correctionQueryKeys } from "../api";

/** One field a correction may change. `max` shows a counter that turns red past the limit (the text is never cut). */
export type CorrectField = { name: string; label: string; kind: "text" | "textarea" | "date" | "count"; rules: FormRule[]; max?: number; suffix?: string };

type Values = Record<string, string | number | Dayjs | null | undefined>;

/**
 * 更正: the record's fields as they are, changed in place, with the reason required. Only what
 * changed is sent; the server keeps the old values in the record's history and the audit.
 */
export function CorrectModal<T>({
  open,
  onClose,
  title,
  recordPath,
  fields,
  initial,
  schema,
  invalidate,
  reasonOptional,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  recordPath: string;
  fields: CorrectField[];
  initial: Record<string, string | number | null>;
  schema: Parser<T>;
  /** Query keys to refresh after the correction (lists, details, figures). */
  invalidate: readonly (readonly unknown[])[];
  /** Rewording one's own problem before acceptance needs no reason. */
  reasonOptional?: boolean;
}) {
  // Untyped on purpose: antd's name paths over a record of Dayjs values make the type checker explode.
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [formError, setFormError] = useState<string | null>(null);
  const initialValues: Values = Object.fromEntries(fields.map((f) => [f.name, f.kind === "date" && typeof initial[f.name] === "string" ? dayjs(initial[f.name] as string) : initial[f.name]]));
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => correctRecord(recordPath, body, schema),
    onSuccess: async () => {
      await Promise.all([...invalidate, correctionQueryKeys.history(recordPath), ["indicators"], ["stats"]].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      void message.success("已更正，原记录保留在更正记录中");
      onClose();
    },
    onError: (error) => setFormError(formErrorOf(form, error, [...fields.map((f) => f.name), "reason"])),
  });

  function submit(values: Values) {
    const body: Record<string, unknown> = {};
    for (const f of fields) {
      const v = values[f.name];
      const value = dayjs.isDayjs(v) ? v.format("YYYY-MM-DD") : typeof v === "string" ? v.trim() : v;
      if (value !== undefined && value !== null && value !== initial[f.name]) body[f.name] = value;
    }
    if (Object.keys(body).length === 0) {
      setFormError("没有修改任何内容");
      return;
    }
    const reason = typeof values.reason === "string" ? values.reason.trim() : "";
    mutation.mutate(reason ? { ...body, reason } : body);
  }

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      okText="保存更正"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={isMobile ? "100%" : 560}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v: Values) => submit(v)} onValuesChange={() => setFormError(null)} preserve={false}>
        {fields.map((f) => (
          <Form.Item key={f.name} label={f.label} name={f.name} rules={f.rules}>
            {f.kind === "date" ? (
              <DatePicker style={{ width: "100%" }} inputReadOnly={isMobile} />
            ) : f.kind === "count" ? (
              <InputNumber style={{ width: "100%" }} suffix={f.suffix} inputMode="numeric" />
            ) : f.kind === "textarea" ? (
              <Input.TextArea rows={4} count={f.max ? { show: true, max: f.max } : undefined} />
            ) : (
              <Input count={f.max ? { show: true, max: f.max } : undefined} />
            )}
          </Form.Item>
        ))}
        <Form.Item
          label="更正理由"
          name="reason"
          required={!reasonOptional}
          rules={reasonOptional ? [] : [zodRule(correctionReasonSchema, "请填写更正理由")]}
          extra="原来的内容和理由会保留在更正记录中"
        >
          <Input.TextArea rows={2} count={{ show: true, max: 500 }} placeholder={reasonOptional ? "选填" : "如：录入时日期选错，按签到表更正"} />
        </Form.Item>
        {formError ? <Alert type="error" showIcon title={formError} /> : null}
      </Form>
    </Modal>
  );
}
