import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { agreementInputSchema, agreementScopeLabels, agreementScopes, type Agreement, type AgreementInput, type RegionNode } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Checkbox, Col, DatePicker, Drawer, Flex, Form, Input, Row } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { formErrorOf } from "../../../../app/applyFieldErrors";
import { DrawerFooter } from "../../../../app/components/DrawerFooter";
import { useIsMobile } from "../../../../app/useIsMobile";
import { zodRule } from "../../../../app/zodRule";
import { CountyPicker } from "../../../../app/regions/components/CountyPicker";
import { EnterprisePicker } from "../../../../masterData/enterprises";
import { ExpertPicker } from "../../serviceSessions/components/ExpertPicker";
import { createAgreement } from "../api";
import { agreementQueryKeys } from "../agreementQueryKeys";
import { doneDateRule } from "../../corrections/doneDateRule";

const shape = agreementInputSchema.shape;
const fieldNames = [...Object.keys(shape), "endDate"];
const scopeOptions = agreementScopes.map((s) => ({ value: s, label: agreementScopeLabels[s] }));

type FormValues = Omit<AgreementInput, "signedOn" | "startDate" | "endDate" | "milestones"> & {
  countyCode?: string;
  signedOn?: Dayjs;
  term?: [Dayjs, Dayjs];
  milestones?: { title?: string; dueDate?: Dayjs }[];
};

interface AgreementFormDrawerProps {
  open: boolean;
  scope: RegionNode | null;
  /** Signing at the end of a visit: the session and its enterprise come prefilled. */
  preset?: { sessionId?: string; enterpriseId?: string; countyCode?: string };
  onClose: () => void;
  onCreated: (agreement: Agreement) => void;
}

export function AgreementFormDrawer({ open, scope, preset, onClose, onCreated }: AgreementFormDrawerProps) {
  const [form] = Form.useForm<FormValues>();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const countyCode = Form.useWatch("countyCode", form);

  useEffect(() => {
    if (scope?.level === "county" && !form.getFieldValue("countyCode")) form.setFieldValue("countyCode", scope.code);
    if (preset) form.setFieldsValue(preset);
  }, [scope, preset, form]);

  const mutation = useMutation({
    mutationFn: createAgreement,
    onSuccess: async (agreement) => {
      await queryClient.invalidateQueries({ queryKey: agreementQueryKeys.all });
      form.resetFields();
      onCreated(agreement);
    },
    onError: (error) => {
      setFormError(formErrorOf(form, error, fieldNames));
    },
  });

  function submit(values: FormValues) {
    const parsed = agreementInputSchema.safeParse({
      enterpriseId: values.enterpriseId,
      title: values.title,
      scopes: values.scopes,
      expertIds: values.expertIds,
      signedOn: values.signedOn?.format("YYYY-MM-DD"),
      startDate: values.term?.[0]?.format("YYYY-MM-DD"),
      endDate: values.term?.[1]?.format("YYYY-MM-DD"),
      sessionId: values.sessionId || undefined,
      milestones: (values.milestones ?? []).map((m) => ({ title: m.title ?? "", dueDate: m.dueDate?.format("YYYY-MM-DD") ?? "" })),
    });
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((issue) => {
          const [head, index, leaf] = issue.path.map(String);
          // Dates are edited as one term range; milestone errors belong to the row's own field.
          const name = head === "startDate" || head === "endDate" ? ["term"] : head === "milestones" && leaf ? ["milestones", index ?? "0", leaf] : [head ?? ""];
          return { name: name as never, errors: [issue.message] };
        }),
      );
      return;
    }
    mutation.mutate(parsed.data);
  }

  return (
    <Drawer
      title="签订一对一技术支持协议"
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : 680}
      forceRender
      footer={<DrawerFooter onCancel={onClose} onSave={() => form.submit()} saving={mutation.isPending} />}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={{ signedOn: dayjs(), term: [dayjs(), dayjs().add(1, "year").subtract(1, "day")], scopes: ["equipmentRenovation", "talentTraining"], milestones: [] }}
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
      >
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item label="协议名称" name="title" required rules={[zodRule(shape.title, "请填写协议名称")]}>
              <Input count={{ show: true, max: 80 }} placeholder="如：设备改造与人才培养一对一技术支持协议" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="县(市、区)" name="countyCode" required>
              <CountyPicker scope={scope} onChange={() => form.setFieldValue("enterpriseId", undefined)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label="受援企业" name="enterpriseId" required rules={[zodRule(shape.enterpriseId, "请选择企业")]}>
              <EnterprisePicker byCounty countyCode={countyCode} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="协议范围" name="scopes" required rules={[zodRule(shape.scopes, "至少选择一项协议范围")]}>
              <Checkbox.Group options={scopeOptions} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="专家团队" name="expertIds" required rules={[zodRule(shape.expertIds, "至少选择一位专家")]}>
              <ExpertPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="签订日期" name="signedOn" required rules={[doneDateRule("签订日期")]}>
              <DatePicker style={{ width: "100%" }} inputReadOnly={isMobile} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="协议期限" name="term" required rules={[{ required: true, message: "请选择协议期限" }]}>
              <DatePicker.RangePicker style={{ width: "100%" }} inputReadOnly={isMobile} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                <span>里程碑</span>
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ dueDate: dayjs().add(3, "month") })}>
                  添加里程碑
                </Button>
              </Flex>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap={isMobile}>
                  <Form.Item name={[field.name, "title"]} style={{ flex: 1, minWidth: 180 }} rules={[{ required: true, whitespace: true, message: "请填写里程碑" }]}>
                    <Input placeholder="如：完成设备改造方案" count={{ show: true, max: 80 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "dueDate"]} rules={[{ required: true, message: "请选择到期日" }]}>
                    <DatePicker placeholder="到期日" inputReadOnly={isMobile} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label="删除里程碑" onClick={() => remove(field.name)} />
                </Flex>
              ))}
            </>
          )}
        </Form.List>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Drawer>
  );
}
