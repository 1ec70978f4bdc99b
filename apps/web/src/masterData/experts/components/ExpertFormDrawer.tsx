import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  expertInputSchema,
  expertUpdateSchema,
  honourLevelLabels,
  honourLevels,
  honourSchema,
  honourTitleLabels,
  honourTitles,
  residentIdSchema,
  skillLevelLabels,
  skillLevels,
  type Expert,
  type Honour,
  type RegionNode,
} from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography, type FormRule } from "antd";
import { useEffect, useState } from "react";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { DrawerFooter } from "../../../app/components/DrawerFooter";
import { useIsMobile } from "../../../app/useIsMobile";
import { zodRule, type FieldSchema } from "../../../app/zodRule";
import { CountyPicker } from "../../../app/regions/components/CountyPicker";
import { createExpert, updateExpert } from "../api";
import { expertQueryKeys } from "../expertQueryKeys";
import { availabilityOptions, tradeOptions } from "../expertLabels";

const shape = expertInputSchema.shape;
const honourShape = honourSchema.shape;
const skillOptions = skillLevels.map((level) => ({ value: level, label: skillLevelLabels[level] }));
const titleOptions = honourTitles.map((title) => ({ value: title, label: honourTitleLabels[title] }));
const levelOptions = honourLevels.map((level) => ({ value: level, label: honourLevelLabels[level] }));

/** What the form holds: personal data may be left empty (on edit: keep what is stored). */
type FormHonour = Omit<Honour, "name"> & { name?: string };
type FormValues = {
  name: string;
  phone?: string;
  residentId?: string;
  employer: string;
  homeCountyCode: string;
  skillLevel: Expert["skillLevel"];
  trades: Expert["trades"];
  honours: FormHonour[];
  availability: Expert["availability"];
  maxOpenProblems: number;
  active: boolean;
};

type NamePath = (string | number)[];
/** "honours.0.title" → ["honours", 0, "title"]: antd's Form.List addresses rows by number. */
const toNamePath = (path: readonly PropertyKey[]): NamePath => path.map((p) => (typeof p === "number" || /^\d+$/.test(String(p)) ? Number(p) : String(p)));
const topLevelFields = new Set(Object.keys(shape));

/** A rule for an optional field: empty passes, anything typed must satisfy the schema. */
const optionalRule = (schema: FieldSchema): FormRule => ({
  validator: (_rule, value: string | undefined) => {
    if (!blankToUndefined(value)) return Promise.resolve();
    const r = schema.safeParse(value);
    return r.success ? Promise.resolve() : Promise.reject(new Error(r.error.issues[0]?.message ?? "填写有误"));
  },
});

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);

/** Empty optional text becomes absent, as the schema expects. */
function toPayload(values: FormValues) {
  return {
    ...values,
    phone: blankToUndefined(values.phone),
    residentId: blankToUndefined(values.residentId),
    honours: (values.honours ?? []).map((h) => ({ ...h, name: blankToUndefined(h.name) })),
  };
}

interface ExpertFormDrawerProps {
  open: boolean;
  /** The expert being edited; absent to register a new one. */
  expert?: Expert;
  /** The user's region; only its counties can be chosen (the server refuses others anyway). */
  scope: RegionNode | null;
  onClose: () => void;
  onSaved: (expert: Expert) => void;
}

export function ExpertFormDrawer({ open, expert, scope, onClose, onSaved }: ExpertFormDrawerProps) {
  const [form] = Form.useForm<FormValues>();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const editing = expert !== undefined;

  // Opening for an edit loads the record; personal data stays empty, meaning "keep as stored".
  useEffect(() => {
    if (!open) return;
    if (expert) {
      form.setFieldsValue({
        name: expert.name,
        phone: undefined,
        residentId: undefined,
        employer: expert.employer,
        homeCountyCode: expert.homeCountyCode,
        skillLevel: expert.skillLevel,
        trades: expert.trades,
        honours: expert.honours,
        availability: expert.availability,
        maxOpenProblems: expert.maxOpenProblems,
        active: expert.active,
      });
    } else if (scope?.level === "county" && !form.getFieldValue("homeCountyCode")) {
      // A county user has exactly one county to choose, so it is filled in for them.
      form.setFieldValue("homeCountyCode", scope.code);
    }
  }, [open, expert, scope, form]);

  function placeErrors(issues: { path: NamePath; message: string }[]) {
    const placed = issues.filter((i) => topLevelFields.has(String(i.path[0])));
    // Paths come from zod or the server, so antd's typed name paths cannot check them statically.
    form.setFields(placed.map((i) => ({ name: i.path, errors: [i.message] })) as Parameters<typeof form.setFields>[0]);
    const leftover = issues.filter((i) => !topLevelFields.has(String(i.path[0]))).map((i) => i.message);
    setFormError(leftover.length > 0 ? leftover.join("；") : null);
  }

  // The call is built in submit, where the schema matching create or edit has just parsed the input.
  const mutation = useMutation({
    mutationFn: (save: () => Promise<Expert>) => save(),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: expertQueryKeys.all });
      form.resetFields();
      onSaved(saved);
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        placeErrors(Object.entries(error.fields).map(([path, message]) => ({ path: toNamePath(path.split(".")), message })));
      } else {
        setFormError(errorMessage(error));
      }
    },
  });

  function submit(values: FormValues) {
    // The same schema the server uses; its output is normalised (bare 11-digit phone, upper-case X).
    const payload = toPayload(values);
    const fail = (issues: { path: PropertyKey[]; message: string }[]) =>
      placeErrors(issues.map((issue) => ({ path: toNamePath(issue.path), message: issue.message })));
    if (expert) {
      const parsed = expertUpdateSchema.safeParse(payload);
      if (parsed.success) mutation.mutate(() => updateExpert(expert.id, parsed.data));
      else fail(parsed.error.issues);
    } else {
      const parsed = expertInputSchema.safeParse(payload);
      if (parsed.success) mutation.mutate(() => createExpert(parsed.data));
      else fail(parsed.error.issues);
    }
  }

  return (
    <Drawer
      title={editing ? `修改专家：${expert.name}` : "登记专家"}
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : 720}
      // Input survives closing the drawer by accident; it is cleared only after a successful save.
      forceRender
      footer={<DrawerFooter onCancel={onClose} onSave={() => form.submit()} saving={mutation.isPending} />}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={{ availability: "available", maxOpenProblems: 3, active: true, honours: [], trades: [] }}
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="姓名" name="name" required rules={[zodRule(shape.name, "请填写姓名")]}>
              <Input count={{ show: true, max: 20 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="所在县(市、区)" name="homeCountyCode" required rules={[zodRule(shape.homeCountyCode, "请选择所在县(市、区)")]}>
              <CountyPicker scope={scope} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="手机号"
              name="phone"
              required={!editing}
              extra={editing ? `留空则保留原号码(${expert.phoneMasked})` : undefined}
              rules={[editing ? optionalRule(shape.phone) : zodRule(shape.phone)]}
            >
              <Input inputMode="tel" autoComplete="off" placeholder={editing ? "不修改请留空" : "11位手机号"} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="身份证号"
              name="residentId"
              extra={editing && expert.residentIdMasked ? `留空则保留原号码(${expert.residentIdMasked})` : "选填；加密保存，页面仅显示脱敏号码"}
              rules={[optionalRule(residentIdSchema)]}
              normalize={(value: string) => value.toUpperCase()}
            >
              <Input autoComplete="off" spellCheck={false} count={{ show: true, max: 18 }} style={{ fontFamily: "monospace" }} placeholder="18位" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="工作单位" name="employer" required rules={[zodRule(shape.employer, "请填写工作单位")]}>
              <Input count={{ show: true, max: 100 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="职业技能等级" name="skillLevel" required rules={[zodRule(shape.skillLevel, "请选择职业技能等级")]}>
              <Select options={skillOptions} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="工种" name="trades" required rules={[zodRule(shape.trades, "至少选择一个工种")]}>
              <Select mode="multiple" options={tradeOptions} placeholder="可多选" showSearch={{ optionFilterProp: "label" }} maxCount={8} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="可服务状态" name="availability" rules={[zodRule(shape.availability, "请选择可服务状态")]}>
              <Select options={availabilityOptions} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="同时承担难题上限" name="maxOpenProblems" rules={[zodRule(shape.maxOpenProblems, "请填写同时承担难题数上限")]}>
              <InputNumber style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="在库" name="active" valuePropName="checked" tooltip="停用后不再出现在推荐名单中">
              <Switch checkedChildren="在库" unCheckedChildren="停用" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5} style={{ marginTop: 0 }}>
          荣誉称号
        </Typography.Title>
        <Form.List name="honours">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12} style={{ marginBottom: 16 }}>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`荣誉 ${field.name + 1}`}
                  extra={
                    <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除荣誉 ${field.name + 1}`}>
                      删除
                    </Button>
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item label="称号" name={[field.name, "title"]} required rules={[zodRule(honourShape.title, "请选择荣誉称号")]}>
                        <Select options={titleOptions} placeholder="请选择" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item label="级别" name={[field.name, "level"]} required rules={[zodRule(honourShape.level, "请选择荣誉级别")]}>
                        <Select options={levelOptions} placeholder="请选择" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item label="获评年份" name={[field.name, "year"]} required rules={[zodRule(honourShape.year, "请填写获评年份")]}>
                        <InputNumber style={{ width: "100%" }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item label="授予单位" name={[field.name, "awardedBy"]} required rules={[zodRule(honourShape.awardedBy, "请填写授予单位")]}>
                        <Input count={{ show: true, max: 60 }} placeholder="如：浙江省人民政府" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item label="证书名称" name={[field.name, "name"]} tooltip="选填：证书上的确切名称；“其他荣誉”请填写">
                        <Input count={{ show: true, max: 60 }} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= 20}
                onClick={() => add({ level: "provincial", year: new Date().getFullYear() })}
              >
                添加荣誉
              </Button>
            </Flex>
          )}
        </Form.List>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Drawer>
  );
}
