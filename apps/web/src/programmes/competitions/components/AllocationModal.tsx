import { aspectKindLabels, panelDutyLabels, type CompetitionEvent, type PanelMember, type Registration } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Checkbox, Form, Modal, Select } from "antd";
import { useEffect } from "react";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { competitionKeys, competitionsApi } from "../api";

type Values = { judgeUserId?: string; registrationIds: string[]; aspectKeys: string[] };

/**
 * 分配评分任务: one judge marks these contestants on these aspects. A conflict of interest (the judge's
 * declared employer or trainee) refuses the whole allocation: the server's reason is shown under the
 * contestants field, and the refusal is in the conflict register below the form.
 */
export function AllocationModal({ event, open, panel, registrations, onClose }: { event: CompetitionEvent; open: boolean; panel: PanelMember[]; registrations: Registration[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const contestants = registrations.filter((r) => r.status === "registered");
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const save = useMutation({
    mutationFn: (v: Values) => competitionsApi.allocate(event.id, { judgeUserId: v.judgeUserId ?? "", registrationIds: v.registrationIds, aspectKeys: v.aspectKeys }),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: competitionKeys.event(event.id) });
      void message.success(`已分配 ${r.allocated} 项评分任务`);
      onClose();
    },
    onError: (err) => {
      // A refusal is written to the conflict register: show it at once.
      void client.invalidateQueries({ queryKey: [...competitionKeys.event(event.id), "conflicts"] });
      if (err instanceof ApiError) form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
    },
  });
  const fieldError = save.error instanceof ApiError && Object.keys(save.error.fields).length > 0;
  return (
    <Modal
      open={open}
      title="分配评分任务"
      okText="分配"
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ registrationIds: [], aspectKeys: [] }} onValuesChange={() => save.reset()}>
        <Form.Item name="judgeUserId" label="裁判" rules={[{ required: true, message: "请选择裁判" }]}>
          <Select
            placeholder="选择裁判组成员"
            notFoundContent="请先指派裁判组成员"
            options={panel.map((m) => ({ value: m.userId, label: `${m.displayName}(${panelDutyLabels[m.duty]})` }))}
          />
        </Form.Item>
        <Form.Item
          label="选手"
          extra={
            <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => form.setFieldValue("registrationIds", contestants.map((r) => r.id))}>
              选择全部选手({contestants.length}人)
            </Button>
          }
          name="registrationIds"
          rules={[{ required: true, type: "array", min: 1, message: "请选择选手" }]}
        >
          <Select
            mode="multiple"
            placeholder="选择选手"
            notFoundContent="无数据"
            optionFilterProp="label"
            options={contestants.map((r) => ({ value: r.id, label: `${r.entryNumber ?? "待抽签"} ${r.personName}` }))}
          />
        </Form.Item>
        <Form.Item name="aspectKeys" label="评分项" rules={[{ required: true, type: "array", min: 1, message: "请选择评分项" }]}>
          <Checkbox.Group options={event.scheme.aspects.map((a) => ({ value: a.key, label: `${a.name} · ${aspectKindLabels[a.kind]} · 满分${a.maxMark}` }))} />
        </Form.Item>
        {save.isError && !fieldError ? <Alert type="error" showIcon title={errorMessage(save.error)} /> : null}
        {save.isError && fieldError ? <Alert type="warning" showIcon title={errorMessage(save.error)} /> : null}
      </Form>
    </Modal>
  );
}
