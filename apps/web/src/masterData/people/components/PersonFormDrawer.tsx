import {
  gigPlatformLabels,
  gigPlatforms,
  personCategories,
  personCategoryLabels,
  personInputSchema,
  personUpdateSchema,
  skillLevelLabels,
  skillLevels,
  type Person,
  type PersonDetail,
  type PersonInput,
  type PersonUpdate,
  type RegionNode,
} from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Checkbox, Col, Drawer, Form, Input, Row, Select } from "antd";
import { useEffect, useState } from "react";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { applyFieldErrors } from "../../../app/applyFieldErrors";
import { DrawerFooter } from "../../../app/components/DrawerFooter";
import { parseFormInput } from "../../../app/parseFormInput";
import { CountyPicker } from "../../../app/regions/components/CountyPicker";
import { useIsMobile } from "../../../app/useIsMobile";
import { zodRule } from "../../../app/zodRule";
import { createPerson, peopleQueryKeys, updatePerson } from "../api";

const fieldNames = ["name", "residentId", "phone", "countyCode", "enterpriseId", "employerName", "occupation", "skillLevel", "categories", "expertId", "platforms"];
const skillOptions = skillLevels.map((s) => ({ value: s, label: skillLevelLabels[s] }));
const categoryOptions = personCategories.map((c) => ({ value: c, label: personCategoryLabels[c] }));
const platformOptions = gigPlatforms.map((p) => ({ value: p, label: gigPlatformLabels[p] }));

interface PersonFormDrawerProps {
  open: boolean;
  scope: RegionNode | null;
  onClose: () => void;
  onCreated: (person: Person) => void;
  /** The same person is on record already (and visible): open it instead. */
  onFound: (id: string) => void;
  /** Editing this person instead of entering a new one (ID number and phone kept unless typed anew). */
  editing?: PersonDetail;
}

/** 登记职工: one record per person; a number already on record is found, not entered twice. */
export function PersonFormDrawer({ open, scope, onClose, onCreated, onFound, editing }: PersonFormDrawerProps) {
  const [form] = Form.useForm<PersonInput>();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);
  const categories = Form.useWatch("categories", form) ?? [];

  useEffect(() => {
    if (scope?.level === "county" && !form.getFieldValue("countyCode")) form.setFieldValue("countyCode", scope.code);
  }, [scope, form]);
  useEffect(() => {
    if (!editing || !open) return;
    const { name, countyCode, employerName, occupation, skillLevel, categories: cats, platforms } = editing;
    form.setFieldsValue({ name, countyCode, employerName, occupation, skillLevel, categories: cats, platforms, residentId: undefined, phone: undefined });
  }, [editing, open, form]);

  const mutation = useMutation({
    mutationFn: (save: { create: PersonInput } | { update: PersonUpdate }): Promise<Person> =>
      "create" in save ? createPerson(save.create) : updatePerson(editing?.id ?? "", save.update),
    onSuccess: async (person) => {
      await queryClient.invalidateQueries({ queryKey: peopleQueryKeys.all });
      if (!editing) form.resetFields();
      onCreated(person);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return setFormError(errorMessage(error));
      if (error.code === "CONFLICT") setExistingId(error.existingId ?? null);
      const leftover = Object.keys(error.fields).length > 0 ? applyFieldErrors(form, error, fieldNames) : [];
      setFormError(error.code === "CONFLICT" ? error.message : leftover.length > 0 ? leftover.join("；") : Object.keys(error.fields).length ? null : error.message);
    },
  });

  function submit(values: PersonInput) {
    setExistingId(null);
    // The server's own schema, so the messages match; what is sent is its normalised output.
    if (editing) {
      // Left empty, the ID number and phone keep their stored values (the form shows them masked only).
      const update = { ...values, residentId: values.residentId || undefined, phone: values.phone || undefined };
      const parsed = parseFormInput(form, personUpdateSchema, update, fieldNames, setFormError);
      // The enterprise and expert links are not on this form: they are kept as they are.
      if (parsed) mutation.mutate({ update: { ...parsed, enterpriseId: editing.enterpriseId, expertId: editing.expertId } });
      return;
    }
    const input = parseFormInput(form, personInputSchema, { ...values, phone: values.phone || null }, fieldNames, setFormError);
    if (input) mutation.mutate({ create: input });
  }

  return (
    <Drawer
      title={editing ? "修改职工信息" : "登记职工"}
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : 640}
      forceRender
      footer={<DrawerFooter onCancel={onClose} onSave={() => form.submit()} saving={mutation.isPending} />}
    >
      <Form<PersonInput>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={{ categories: ["frontLine"], platforms: [] }}
        onFinish={submit}
        onValuesChange={() => {
          setFormError(null);
          setExistingId(null);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="姓名" name="name" required rules={[zodRule(personInputSchema.shape.name, "请填写姓名")]}>
              <Input count={{ show: true, max: 20 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="身份证号" name="residentId" required={!editing} rules={editing ? [] : [zodRule(personInputSchema.shape.residentId, "请填写身份证号")]}>
              <Input autoComplete="off" spellCheck={false} placeholder={editing ? `不填则不变(${editing.residentIdMasked})` : "18位"} style={{ fontFamily: "monospace" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="手机号" name="phone">
              <Input inputMode="tel" autoComplete="off" placeholder={editing ? `不填则不变(${editing.phoneMasked ?? "未登记"})` : "选填，11位手机号"} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="工作所在县(市、区)" name="countyCode" required rules={[zodRule(personInputSchema.shape.countyCode, "请选择县(市、区)")]}>
              <CountyPicker scope={scope} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="工作单位" name="employerName">
              <Input count={{ show: true, max: 100 }} placeholder="企业或单位名称" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="职业(工种)" name="occupation">
              <Input count={{ show: true, max: 40 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="职业技能等级" name="skillLevel">
              <Select allowClear options={skillOptions} placeholder="选填" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="职工类别" name="categories">
              <Checkbox.Group options={categoryOptions} />
            </Form.Item>
          </Col>
          {categories.includes("newEmployment") ? (
            <Col xs={24}>
              <Form.Item label="所在平台" name="platforms" required>
                <Select mode="multiple" options={platformOptions} placeholder="美团、饿了么、顺丰、滴滴…" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        {formError ? (
          <Alert
            type="error"
            showIcon
            title={formError}
            role="alert"
            action={existingId ? <Button size="small" onClick={() => onFound(existingId)}>查看已登记的职工</Button> : undefined}
          />
        ) : null}
      </Form>
    </Drawer>
  );
}
