import {
  enterpriseInputSchema,
  enterpriseSizeLabels,
  enterpriseSizes,
  industrySectionCodes,
  industrySections,
  type Enterprise,
  type EnterpriseInput,
  type RegionNode,
} from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Col, Drawer, Form, Input, Row, Select, Switch } from "antd";
import { useEffect, useState } from "react";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { DrawerFooter } from "../../../app/components/DrawerFooter";
import { applyFieldErrors } from "../../../app/applyFieldErrors";
import { parseFormInput } from "../../../app/parseFormInput";
import { useIsMobile } from "../../../app/useIsMobile";
import { zodRule } from "../../../app/zodRule";
import { CountyPicker } from "../../../app/regions/components/CountyPicker";
import { createEnterprise } from "../api";
import { enterpriseQueryKeys } from "../enterpriseQueryKeys";

const fieldNames = Object.keys(enterpriseInputSchema.shape);
const shape = enterpriseInputSchema.shape;

const industryOptions = industrySectionCodes.map((code) => ({ value: code, label: `${code} ${industrySections[code]}` }));
const sizeOptions = enterpriseSizes.map((size) => ({ value: size, label: enterpriseSizeLabels[size] }));

interface EnterpriseFormDrawerProps {
  open: boolean;
  /** The user's region; only its counties can be chosen (the server refuses others anyway). */
  scope: RegionNode | null;
  onClose: () => void;
  onCreated: (enterprise: Enterprise) => void;
}

export function EnterpriseFormDrawer({ open, scope, onClose, onCreated }: EnterpriseFormDrawerProps) {
  const [form] = Form.useForm<EnterpriseInput>();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  // A county user has exactly one county to choose, so it is filled in for them.
  useEffect(() => {
    if (scope?.level === "county" && !form.getFieldValue("countyCode")) form.setFieldValue("countyCode", scope.code);
  }, [scope, form]);

  const mutation = useMutation({
    mutationFn: createEnterprise,
    onSuccess: async (enterprise) => {
      await queryClient.invalidateQueries({ queryKey: enterpriseQueryKeys.all });
      form.resetFields();
      if (scope?.level === "county") form.setFieldValue("countyCode", scope.code);
      onCreated(enterprise);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) {
        setFormError(errorMessage(error));
      } else if (Object.keys(error.fields).length > 0) {
        const leftover = applyFieldErrors(form, error, fieldNames);
        setFormError(leftover.length > 0 ? leftover.join("；") : null);
      } else if (error.code === "CONFLICT") {
        // The only uniqueness rule on an enterprise is its credit code.
        form.setFields([{ name: "uscc", errors: [error.message] }]);
      } else {
        setFormError(error.message);
      }
    },
  });

  function submit(values: EnterpriseInput) {
    // The same schema the server uses; its output is normalised (upper-case code, bare 11-digit phone).
    const input = parseFormInput(form, enterpriseInputSchema, values, fieldNames, setFormError);
    if (input) mutation.mutate(input);
  }

  return (
    <Drawer
      title="新增企业"
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : 640}
      // Input survives closing the drawer by accident; it is cleared only after a successful save.
      forceRender
      footer={<DrawerFooter onCancel={onClose} onSave={() => form.submit()} saving={mutation.isPending} />}
    >
      <Form<EnterpriseInput>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={{ nonPublic: true }}
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
      >
        <Row gutter={16}>
          <Col xs={24} md={24}>
            <Form.Item label="企业名称" name="name" required rules={[zodRule(shape.name, "请填写企业名称")]}>
              <Input count={{ show: true, max: 100 }} placeholder="与营业执照一致" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="统一社会信用代码"
              name="uscc"
              required
              rules={[zodRule(shape.uscc)]}
              normalize={(value: string) => value.toUpperCase()}
              validateFirst
            >
              <Input placeholder="18位，见营业执照" autoComplete="off" spellCheck={false} style={{ fontFamily: "monospace" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="所在县(市、区)" name="countyCode" required rules={[zodRule(shape.countyCode, "请选择所在县(市、区)")]}>
              <CountyPicker scope={scope} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="行业门类" name="industry" required rules={[zodRule(shape.industry, "请选择行业门类")]}>
              <Select options={industryOptions} placeholder="请选择" showSearch={{ optionFilterProp: "label" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="企业规模" name="size" required rules={[zodRule(shape.size, "请选择企业规模")]}>
              <Select options={sizeOptions} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="非公企业"
              name="nonPublic"
              valuePropName="checked"
              tooltip="民营、外资等非公有制企业"
              rules={[zodRule(shape.nonPublic)]}
            >
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="联系人" name="contactName" required rules={[zodRule(shape.contactName, "请填写联系人")]}>
              <Input count={{ show: true, max: 32 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="联系电话" name="contactPhone" extra="手机号或带区号的固定电话，如 0571-88886666" required rules={[zodRule(shape.contactPhone)]}>
              <Input inputMode="tel" autoComplete="off" placeholder="11位手机号" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="详细地址" name="address" extra="专家上门服务的地址：街道、门牌号(县区已在上方选择)" rules={[zodRule(shape.address)]}>
              <Input count={{ show: true, max: 200 }} placeholder="如 千岛湖镇新安东路88号" autoComplete="street-address" />
            </Form.Item>
          </Col>
        </Row>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Drawer>
  );
}
