import {
  enterpriseCorrectionSchema,
  enterpriseInputSchema,
  enterpriseSizeLabels,
  enterpriseSizes,
  industrySectionCodes,
  industrySections,
  type Enterprise,
  type EnterpriseCorrection,
} from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Col, Drawer, Form, Input, Row, Select, Switch, type FormRule } from "antd";
import { useState } from "react";
import { formErrorOf } from "../../../app/applyFieldErrors";
import { DrawerFooter } from "../../../app/components/DrawerFooter";
import { parseFormInput } from "../../../app/parseFormInput";
import { useIsMobile } from "../../../app/useIsMobile";
import { zodRule } from "../../../app/zodRule";
import { correctEnterprise } from "../api";
import { enterpriseQueryKeys } from "../enterpriseQueryKeys";

const shape = enterpriseInputSchema.shape;
const fieldNames = Object.keys(enterpriseCorrectionSchema.shape);
const industryOptions = industrySectionCodes.map((code) => ({ value: code, label: `${code} ${industrySections[code]}` }));
const sizeOptions = enterpriseSizes.map((size) => ({ value: size, label: enterpriseSizeLabels[size] }));
/** Blank keeps the phone on record; anything typed must be a valid mobile or landline. */
const phoneRule: FormRule = {
  validator: (_rule, value?: string) => {
    if (!value) return Promise.resolve();
    const result = shape.contactPhone.safeParse(value);
    return result.success ? Promise.resolve() : Promise.reject(new Error(result.error.issues[0]?.message ?? "联系电话格式不正确"));
  },
};
type Values = Omit<EnterpriseCorrection, "address"> & { address?: string };

/**
 * 更正企业信息: the firm's fields as they are, to be put right with a reason. Only what differs is sent,
 * so the 更正记录 lists exactly what moved; the phone is left blank (kept) unless a new one is typed.
 */
export function EnterpriseCorrectDrawer({ enterprise, open, onClose }: { enterprise: Enterprise; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const initial: Values = {
    name: enterprise.name,
    uscc: enterprise.uscc,
    industry: enterprise.industry,
    size: enterprise.size,
    nonPublic: enterprise.nonPublic,
    contactName: enterprise.contactName,
    address: enterprise.address ?? "",
    reason: "",
  };
  const mutation = useMutation({
    mutationFn: (input: EnterpriseCorrection) => correctEnterprise(enterprise.id, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: enterpriseQueryKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (error) => setFormError(formErrorOf(form, error, fieldNames)),
  });

  function submit(values: Values) {
    const changed = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => k === "reason" || (k === "contactPhone" ? Boolean(v) : v !== initial[k as keyof Values])),
    );
    const input = parseFormInput(form, enterpriseCorrectionSchema, changed, fieldNames, setFormError);
    if (!input) return;
    if (Object.keys(input).length === 1) {
      setFormError("与原记录相同，没有需要更正的内容");
      return;
    }
    mutation.mutate(input);
  }

  return (
    <Drawer
      title="更正企业信息"
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : 640}
      footer={<DrawerFooter onCancel={onClose} onSave={() => form.submit()} saving={mutation.isPending} />}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="更正会保留更正前后的内容和理由，显示在本页的更正记录中。所在县(市、区)不在此更正。" />
      <Form<Values> form={form} layout="vertical" disabled={mutation.isPending} initialValues={initial} onFinish={submit} onValuesChange={() => setFormError(null)}>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item label="企业名称" name="name" rules={[zodRule(shape.name, "请填写企业名称")]}>
              <Input count={{ show: true, max: 100 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="统一社会信用代码" name="uscc" rules={[zodRule(shape.uscc)]} normalize={(value: string) => value.toUpperCase()} validateFirst>
              <Input autoComplete="off" spellCheck={false} style={{ fontFamily: "monospace" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="行业门类" name="industry" rules={[zodRule(shape.industry, "请选择行业门类")]}>
              <Select options={industryOptions} showSearch={{ optionFilterProp: "label" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="企业规模" name="size" rules={[zodRule(shape.size, "请选择企业规模")]}>
              <Select options={sizeOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="非公企业" name="nonPublic" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="联系人" name="contactName" rules={[zodRule(shape.contactName, "请填写联系人")]}>
              <Input count={{ show: true, max: 32 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="联系电话" name="contactPhone" extra={`现为 ${enterprise.contactPhoneMasked}；留空则不修改`} rules={[phoneRule]}>
              <Input inputMode="tel" autoComplete="off" placeholder="新的手机号或固定电话" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="详细地址" name="address" rules={[zodRule(shape.address)]}>
              <Input count={{ show: true, max: 200 }} autoComplete="street-address" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="更正理由" name="reason" required rules={[zodRule(enterpriseCorrectionSchema.shape.reason, "请填写更正理由")]}>
              <Input.TextArea rows={2} count={{ show: true, max: 500 }} placeholder="如：企业更名，已核对营业执照" />
            </Form.Item>
          </Col>
        </Row>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Drawer>
  );
}
