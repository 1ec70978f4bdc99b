import { serviceSessionInputSchema, type Problem, type RegionNode, type ServiceSession, type ServiceSessionInput } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Col, DatePicker, Drawer, Form, Input, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { formErrorOf } from "../../../../app/applyFieldErrors";
import { parseFormInput } from "../../../../app/parseFormInput";
import { DrawerFooter } from "../../../../app/components/DrawerFooter";
import { useIsMobile } from "../../../../app/useIsMobile";
import { zodRule } from "../../../../app/zodRule";
import { CountyPicker } from "../../../../app/regions/components/CountyPicker";
import { createServiceSession, linkProblems } from "../api";
import { problemQueryKeys } from "../../problems/problemQueryKeys";
import { proposedFromProblems } from "../proposedFromProblems";
import { serviceSessionQueryKeys } from "../serviceSessionQueryKeys";
import { CampaignPicker } from "./CampaignPicker";
import { EnterprisePicker } from "../../../../masterData/enterprises";
import { ExpertPicker } from "./ExpertPicker";
import { sessionDateRule } from "../../corrections/doneDateRule";

const shape = serviceSessionInputSchema.shape;
const fieldNames = Object.keys(shape);

type FormValues = Omit<ServiceSessionInput, "date"> & { date?: Dayjs };

interface ServiceSessionFormDrawerProps {
  open: boolean;
  /** The user's region: only its counties are offered (the server refuses others anyway). */
  scope: RegionNode | null;
  onClose: () => void;
  onCreated: (session: ServiceSession) => void;
  /**
   * Arranging a visit for these problems: their county, firms and owners are proposed (the owners as
   * the team, so the experts assigned are the ones who go), and the problems join the session's lists.
   */
  fromProblems?: Problem[];
}

export function ServiceSessionFormDrawer({ open, scope, onClose, onCreated, fromProblems }: ServiceSessionFormDrawerProps) {
  const [form] = Form.useForm<FormValues>();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [expertNames, setExpertNames] = useState<Record<string, string>>({});
  const countyCode = Form.useWatch("countyCode", form);
  const expertIds = Form.useWatch("expertIds", form);

  useEffect(() => {
    if (scope?.level === "county" && !form.getFieldValue("countyCode")) form.setFieldValue("countyCode", scope.code);
  }, [scope, form]);

  useEffect(() => {
    if (!open || !fromProblems || fromProblems.length === 0) return;
    const proposed = proposedFromProblems(fromProblems);
    form.setFieldsValue({ countyCode: proposed.countyCode, enterpriseIds: proposed.enterpriseIds, expertIds: proposed.expertIds, title: proposed.title });
  }, [open, fromProblems, form]);
  // The proposed owners' names (with what tells namesakes apart) until the picker reports its own.
  const proposedNames = useMemo<Record<string, string>>(() => (fromProblems ? proposedFromProblems(fromProblems).expertNames : {}), [fromProblems]);
  const namesOf = { ...proposedNames, ...expertNames };

  // The leader must be one of the team; drop a leader taken off the team.
  useEffect(() => {
    const leader = form.getFieldValue("leaderExpertId") as string | undefined;
    if (leader && !(expertIds ?? []).includes(leader)) form.setFieldValue("leaderExpertId", undefined);
  }, [expertIds, form]);

  const mutation = useMutation({
    mutationFn: async (input: ServiceSessionInput) => {
      const session = await createServiceSession(input);
      if (fromProblems && fromProblems.length > 0) await linkProblems(session.id, { problemIds: fromProblems.map((p) => p.id) });
      return session;
    },
    onSuccess: async (session) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: serviceSessionQueryKeys.all }), queryClient.invalidateQueries({ queryKey: problemQueryKeys.all })]);
      form.resetFields();
      if (scope?.level === "county") form.setFieldValue("countyCode", scope.code);
      onCreated(session);
    },
    onError: (error) => {
      setFormError(formErrorOf(form, error, fieldNames));
    },
  });

  function submit(values: FormValues) {
    const input = parseFormInput(
      form,
      serviceSessionInputSchema,
      {
        ...values,
        date: values.date?.format("YYYY-MM-DD"),
        note: values.note?.trim() || undefined,
        leaderExpertId: values.leaderExpertId || undefined,
        campaignId: values.campaignId || undefined,
      },
      fieldNames,
      setFormError,
    );
    if (input) mutation.mutate(input);
  }

  return (
    <Drawer
      title="安排服务场次"
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : 640}
      forceRender
      footer={<DrawerFooter onCancel={onClose} onSave={() => form.submit()} saving={mutation.isPending} />}
    >
      <Form<FormValues> form={form} layout="vertical" disabled={mutation.isPending} initialValues={{ date: dayjs() }} onFinish={submit} onValuesChange={() => setFormError(null)}>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item label="场次名称" name="title" required rules={[zodRule(shape.title, "请填写场次名称")]}>
              <Input count={{ show: true, max: 80 }} placeholder="如：劳模工匠进山区助企服务" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="服务日期" name="date" required rules={[sessionDateRule()]}>
              <DatePicker style={{ width: "100%" }} inputReadOnly={isMobile} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="服务县(市、区)" name="countyCode" required rules={[zodRule(shape.countyCode, "请选择县(市、区)")]}>
              <CountyPicker scope={scope} onChange={() => form.setFieldValue("enterpriseIds", [])} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="服务企业" name="enterpriseIds" required rules={[zodRule(shape.enterpriseIds, "至少选择一家服务企业")]}>
              <EnterprisePicker byCounty countyCode={countyCode} multiple />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="专家团队" name="expertIds" required rules={[zodRule(shape.expertIds, "至少选择一位专家")]} extra="每位专家在一个场次中只计一次">
              <ExpertPicker key={fromProblems?.map((p) => p.id).join() ?? "new"} knownNames={proposedNames} onNamesChange={setExpertNames} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="带队专家" name="leaderExpertId">
              <Select
                allowClear
                placeholder={(expertIds ?? []).length > 0 ? "从团队中选择" : "请先选择专家团队"}
                options={(expertIds ?? []).map((id) => ({ value: id, label: namesOf[id] || "已选专家" }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="专项行动" name="campaignId">
              <CampaignPicker />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="备注" name="note" rules={[zodRule(shape.note)]}>
              <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
            </Form.Item>
          </Col>
        </Row>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Drawer>
  );
}
