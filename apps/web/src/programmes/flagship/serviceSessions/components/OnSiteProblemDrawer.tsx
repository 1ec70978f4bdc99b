import { onSiteProblemInputSchema, tradeCodes, trades, type OnSiteProblemInput, type Problem, type ServiceSession } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Drawer, Form, Input, Select } from "antd";
import { useEffect, useState } from "react";
import { DrawerFooter } from "../../../../app/components/DrawerFooter";
import { formErrorOf } from "../../../../app/applyFieldErrors";
import { parseFormInput } from "../../../../app/parseFormInput";
import { useIsMobile } from "../../../../app/useIsMobile";
import { zodRule } from "../../../../app/zodRule";
import { expertLabel } from "../../experts/expertLabel";
import { teamSizeOptions } from "../../problems/teamSizeOptions";
import { addOnSiteProblem } from "../api";
import { serviceSessionQueryKeys } from "../serviceSessionQueryKeys";

const shape = onSiteProblemInputSchema.shape;
const fieldNames = Object.keys(shape);
const tradeOptions = tradeCodes.map((code) => ({ value: code, label: `${trades[code]}（${code}）` }));

interface OnSiteProblemDrawerProps {
  open: boolean;
  session: ServiceSession;
  onClose: () => void;
  onCreated: (problem: Problem) => void;
}

/** 现场新增难题: owner from the team, enterprise from those visited; one visited enterprise is preselected. */
export function OnSiteProblemDrawer({ open, session, onClose, onCreated }: OnSiteProblemDrawerProps) {
  const [form] = Form.useForm<OnSiteProblemInput>();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const onlyFirm = session.enterprises.length === 1 ? session.enterprises[0]?.id : undefined;

  useEffect(() => {
    if (open && onlyFirm && !form.getFieldValue("enterpriseId")) form.setFieldValue("enterpriseId", onlyFirm);
  }, [open, onlyFirm, form]);

  const mutation = useMutation({
    mutationFn: (input: OnSiteProblemInput) => addOnSiteProblem(session.id, input),
    onSuccess: async (problem) => {
      await queryClient.invalidateQueries({ queryKey: serviceSessionQueryKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["problems"] });
      form.resetFields();
      onCreated(problem);
    },
    onError: (error) => {
      setFormError(formErrorOf(form, error, fieldNames));
    },
  });

  function submit(values: OnSiteProblemInput) {
    const input = parseFormInput(form, onSiteProblemInputSchema, values, fieldNames, setFormError);
    if (input) mutation.mutate(input);
  }

  return (
    <Drawer
      title="现场新增难题"
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : 560}
      forceRender
      footer={<DrawerFooter size="large" saveLabel="保存难题" onCancel={onClose} onSave={() => form.submit()} saving={mutation.isPending} />}
    >
      <Form<OnSiteProblemInput> form={form} layout="vertical" size="large" disabled={mutation.isPending} onFinish={submit} onValuesChange={() => setFormError(null)}>
        <Form.Item label="难题标题" name="title" required rules={[zodRule(shape.title, "请填写难题标题")]}>
          <Input count={{ show: true, max: 80 }} placeholder="如：老旧空压机故障率高" />
        </Form.Item>
        <Form.Item label="难题描述" name="description" required rules={[zodRule(shape.description, "请描述难题")]}>
          <Input.TextArea rows={4} count={{ show: true, max: 2000 }} placeholder="现象、影响、已经试过的办法" />
        </Form.Item>
        <Form.Item label="所需工种" name="trade" required rules={[zodRule(shape.trade, "请选择工种")]}>
          <Select options={tradeOptions} placeholder="请选择" showSearch={{ optionFilterProp: "label" }} />
        </Form.Item>
        <Form.Item label="负责专家" name="ownerExpertId" required rules={[zodRule(shape.ownerExpertId, "请选择负责专家")]}>
          <Select placeholder="从本场次团队中选择" optionRender={(option) => <span style={{ whiteSpace: "normal", overflowWrap: "anywhere" }}>{option.label}</span>} options={session.experts.map((x) => ({ value: x.id, label: `${x.leader ? "[带队] " : ""}${expertLabel(x.name, x.detail)}` }))} />
        </Form.Item>
        <Form.Item label="所属企业" name="enterpriseId" required rules={[zodRule(shape.enterpriseId, "请选择企业")]}>
          <Select placeholder="本场次服务的企业" options={session.enterprises.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item label="需要专家人数" name="teamSize" initialValue={1} extra="多于1人时，到难题页的“专家团队”添加协助专家">
          <Select options={teamSizeOptions} />
        </Form.Item>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Drawer>
  );
}
