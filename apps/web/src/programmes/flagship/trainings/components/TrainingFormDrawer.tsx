import { trainingInputSchema, type RegionNode, type Training, type TrainingInput } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Col, DatePicker, Drawer, Form, Input, InputNumber, Row } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { DrawerFooter } from "../../../../app/components/DrawerFooter";
import { formErrorOf } from "../../../../app/applyFieldErrors";
import { parseFormInput } from "../../../../app/parseFormInput";
import { useIsMobile } from "../../../../app/useIsMobile";
import { zodRule } from "../../../../app/zodRule";
import { CountyPicker } from "../../../../app/regions/components/CountyPicker";
import { CampaignPicker } from "../../serviceSessions/components/CampaignPicker";
import { EnterprisePicker } from "../../../../masterData/enterprises";
import { ExpertPicker } from "../../serviceSessions/components/ExpertPicker";
import { createTraining } from "../api";
import { trainingQueryKeys } from "../trainingQueryKeys";
import { doneDateRule } from "../../corrections/doneDateRule";

const shape = trainingInputSchema.shape;
const fieldNames = Object.keys(shape);
type FormValues = Omit<TrainingInput, "date"> & { date?: Dayjs };

interface TrainingFormDrawerProps {
  open: boolean;
  scope: RegionNode | null;
  onClose: () => void;
  onCreated: (training: Training) => void;
}

export function TrainingFormDrawer({ open, scope, onClose, onCreated }: TrainingFormDrawerProps) {
  const [form] = Form.useForm<FormValues>();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const countyCode = Form.useWatch("countyCode", form);

  useEffect(() => {
    if (scope?.level === "county" && !form.getFieldValue("countyCode")) form.setFieldValue("countyCode", scope.code);
  }, [scope, form]);

  const mutation = useMutation({
    mutationFn: createTraining,
    onSuccess: async (training) => {
      await queryClient.invalidateQueries({ queryKey: trainingQueryKeys.all });
      form.resetFields();
      if (scope?.level === "county") form.setFieldValue("countyCode", scope.code);
      onCreated(training);
    },
    onError: (error) => {
      setFormError(formErrorOf(form, error, fieldNames));
    },
  });

  function submit(values: FormValues) {
    const input = parseFormInput(
      form,
      trainingInputSchema,
      { ...values, date: values.date?.format("YYYY-MM-DD"), enterpriseId: values.enterpriseId || undefined, campaignId: values.campaignId || undefined },
      fieldNames,
      setFormError,
    );
    if (input) mutation.mutate(input);
  }

  return (
    <Drawer
      title="登记培训"
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : 600}
      forceRender
      footer={<DrawerFooter onCancel={onClose} onSave={() => form.submit()} saving={mutation.isPending} />}
    >
      <Form<FormValues> form={form} layout="vertical" disabled={mutation.isPending} initialValues={{ date: dayjs() }} onFinish={submit} onValuesChange={() => setFormError(null)}>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item label="培训主题" name="topic" required rules={[zodRule(shape.topic, "请填写培训主题")]}>
              <Input count={{ show: true, max: 80 }} placeholder="如：设备点检与预防性维修" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="培训日期" name="date" required rules={[doneDateRule("培训日期")]}>
              <DatePicker style={{ width: "100%" }} inputReadOnly={isMobile} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="培训人次" name="trainees" required rules={[zodRule(shape.trainees, "请填写培训人次")]}>
              <InputNumber style={{ width: "100%" }} suffix="人次" inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="县(市、区)" name="countyCode" required rules={[zodRule(shape.countyCode, "请选择县(市、区)")]}>
              <CountyPicker scope={scope} onChange={() => form.setFieldValue("enterpriseId", undefined)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="企业(可不选)" name="enterpriseId" extra="面向全县的培训不选企业">
              <EnterprisePicker byCounty countyCode={countyCode} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="授课专家" name="trainerExpertIds" required rules={[zodRule(shape.trainerExpertIds, "至少一位授课专家")]}>
              <ExpertPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="专项行动" name="campaignId">
              <CampaignPicker />
            </Form.Item>
          </Col>
        </Row>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Drawer>
  );
}
