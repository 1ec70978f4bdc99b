import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  recuperationBaseInputSchema,
  recuperationRouteInputSchema,
  recuperationSessionInputSchema,
  type RecuperationBase,
  type RecuperationRoute,
  type RecuperationSession,
} from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Select, type FormInstance } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { formErrorOf } from "../../../app/applyFieldErrors";
import { DrawerFooter } from "../../../app/components/DrawerFooter";
import { parseFormInput, type InputSchema } from "../../../app/parseFormInput";
import { CountyPicker } from "../../../app/regions/components/CountyPicker";
import { useRegionScope } from "../../../app/regions/useRegionScope";
import { useIsMobile } from "../../../app/useIsMobile";
import { zodRule } from "../../../app/zodRule";
import { fetchBases, fetchRoutes, recuperationKeys, saveBase, saveRoute, saveSession } from "../api";

const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format("YYYY-MM-DD") : undefined),
};

/**
 * One drawer for any catalogue record: the values are checked with the server's own zod schema before
 * they leave (messages by the field), and what the server still refuses (a code taken, places below
 * those already given) comes back by the field too.
 */
function useCatalogueForm<T>(form: FormInstance, schema: InputSchema<T>, fieldNames: readonly string[], save: (input: T) => Promise<unknown>, onSaved: () => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (values: unknown) => {
      const input = parseFormInput(form, schema, values, fieldNames, setFormError);
      return input === undefined ? Promise.reject(new Error("FORM")) : save(input);
    },
    onSuccess: async () => {
      void message.success("已保存");
      await queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
      onSaved();
    },
    onError: (error) => {
      if (error instanceof Error && error.message === "FORM") return;
      setFormError(formErrorOf(form, error, fieldNames));
    },
  });
  return { mutation, formError, setFormError };
}

type DrawerProps<R> = { open: boolean; record?: R; onClose: () => void };

/** The frame every catalogue drawer shares: full width on a phone, save in the footer, the form's own error under it. */
function CatalogueDrawer({
  title,
  width,
  open,
  onClose,
  form,
  catalogue,
  children,
}: {
  title: string;
  width: number;
  open: boolean;
  onClose: () => void;
  form: FormInstance;
  catalogue: ReturnType<typeof useCatalogueForm>;
  children: React.ReactNode;
}) {
  const isMobile = useIsMobile();
  const { mutation, formError, setFormError } = catalogue;
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : width}
      forceRender
      footer={<DrawerFooter onCancel={onClose} onSave={() => form.submit()} saving={mutation.isPending} />}
    >
      <Form form={form} layout="vertical" disabled={mutation.isPending} onFinish={(v) => mutation.mutate(v)} onValuesChange={() => setFormError(null)}>
        {children}
        {formError ? <Alert type="error" showIcon title={formError} /> : null}
      </Form>
    </Drawer>
  );
}

const baseShape = recuperationBaseInputSchema.shape;
const baseFields = Object.keys(baseShape);

/** 新增/修改基地: certified by the province with its county, kind, capacity, price per day (≤ ¥600) and certification period. */
export function BaseFormDrawer({ open, record, onClose }: DrawerProps<RecuperationBase>) {
  const [form] = Form.useForm();
  const { scope } = useRegionScope();
  const catalogue = useCatalogueForm(form, recuperationBaseInputSchema, baseFields, (input) => saveBase(record?.id, input), onClose);
  const { setFormError } = catalogue;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFormError(null);
    if (record) {
      const { code, name, countyCode, kind, capacity, pricePerDay, certifiedFrom, certifiedUntil } = record;
      form.setFieldsValue({ code, name, countyCode, kind, capacity, pricePerDay, certifiedFrom, certifiedUntil });
    }
  }, [open, record, form, setFormError]);
  return (
    <CatalogueDrawer title={record ? `修改基地：${record.name}` : "新增疗休养基地"} width={640} open={open} onClose={onClose} form={form} catalogue={catalogue}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="基地编号" name="code" required rules={[zodRule(baseShape.code, "请填写基地编号")]}>
              <Input count={{ show: true, max: 20 }} placeholder="如 ZJ120" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="基地名称" name="name" required rules={[zodRule(baseShape.name, "请填写基地名称")]}>
              <Input count={{ show: true, max: 60 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="所在县(市、区)" name="countyCode" required rules={[zodRule(baseShape.countyCode, "请选择所在县(市、区)")]}>
              <CountyPicker scope={scope} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="基地类型" name="kind" required rules={[zodRule(baseShape.kind, "请填写基地类型")]}>
              <Input count={{ show: true, max: 20 }} placeholder="如 疗休养院、红色教育基地" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="接待能力(人)" name="capacity" required rules={[zodRule(baseShape.capacity, "请填写接待能力")]}>
              <InputNumber style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="价格(元/人/天)" name="pricePerDay" required rules={[zodRule(baseShape.pricePerDay, "请填写每人每日价格")]} extra="不超过省定标准600元">
              <InputNumber style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="认定起始" name="certifiedFrom" required rules={[zodRule(baseShape.certifiedFrom, "请选择认定起始日期")]} {...dateProps}>
              <DatePicker style={{ width: "100%" }} placeholder="选择日期" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="认定截止" name="certifiedUntil" required rules={[zodRule(baseShape.certifiedUntil, "请选择认定截止日期")]} {...dateProps}>
              <DatePicker style={{ width: "100%" }} placeholder="选择日期" />
            </Form.Item>
          </Col>
        </Row>
    </CatalogueDrawer>
  );
}

const routeShape = recuperationRouteInputSchema.shape;
const routeFields = Object.keys(routeShape);

/** 新增/修改线路: one to five bases in order with days at each, 5 days at most with travel. */
export function RouteFormDrawer({ open, record, onClose }: DrawerProps<RecuperationRoute>) {
  const [form] = Form.useForm();
  const bases = useQuery({ queryKey: [...recuperationKeys.all, "bases"], queryFn: ({ signal }) => fetchBases(signal), enabled: open });
  const catalogue = useCatalogueForm(form, recuperationRouteInputSchema, routeFields, (input) => saveRoute(record?.id, input), onClose);
  const { setFormError } = catalogue;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFormError(null);
    form.setFieldsValue(record ? { name: record.name, theme: record.theme, bases: record.bases.map((b) => ({ baseId: b.baseId, days: b.days })) } : { bases: [{ days: 3 }] });
  }, [open, record, form, setFormError]);
  return (
    <CatalogueDrawer title={record ? `修改线路：${record.name}` : "新增疗休养线路"} width={640} open={open} onClose={onClose} form={form} catalogue={catalogue}>
        <Form.Item label="线路名称" name="name" required rules={[zodRule(routeShape.name, "请填写线路名称")]}>
          <Input count={{ show: true, max: 60 }} />
        </Form.Item>
        <Form.Item label="主题" name="theme" required rules={[zodRule(routeShape.theme, "请填写主题")]}>
          <Input count={{ show: true, max: 40 }} placeholder="如 山水康养、红色研学" />
        </Form.Item>
        <Form.Item label="途经基地(按顺序，含路途合计不超过5天)" required>
          <Form.List
            name="bases"
            rules={[
              {
                validator: (_r, value: unknown) => {
                  const parsed = routeShape.bases.safeParse(value);
                  return parsed.success ? Promise.resolve() : Promise.reject(new Error(parsed.error.issues[0]?.message ?? "填写有误"));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={8}>
                {fields.map((f, i) => (
                  <Flex key={f.key} gap={8} align="start">
                    <Form.Item name={[f.name, "baseId"]} style={{ flex: 1, minWidth: 0, marginBottom: 0 }} rules={[{ required: true, message: "请选择基地" }]}>
                      <Select showSearch optionFilterProp="label" placeholder={`第${i + 1}站基地`} loading={bases.isPending} options={(bases.data ?? []).map((b) => ({ value: b.id, label: `${b.code} ${b.name}` }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, "days"]} style={{ width: 96, marginBottom: 0 }} rules={[{ required: true, message: "天数" }]}>
                      <InputNumber suffix="天" style={{ width: "100%" }} aria-label={`第${i + 1}站天数`} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label="删除此站" />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} disabled={fields.length >= 5} onClick={() => add({ days: 1 })}>
                  添加一站
                </Button>
                <Form.ErrorList errors={errors} />
              </Flex>
            )}
          </Form.List>
        </Form.Item>
    </CatalogueDrawer>
  );
}

const sessionShape = recuperationSessionInputSchema.shape;
const sessionFields = Object.keys(sessionShape);

/** 新增/修改期次: a route's departure with its places; the server keeps places above those given and the date of a session with places given. */
export function SessionFormDrawer({ open, record, onClose }: DrawerProps<RecuperationSession>) {
  const [form] = Form.useForm();
  const routes = useQuery({ queryKey: [...recuperationKeys.all, "routes"], queryFn: ({ signal }) => fetchRoutes(signal), enabled: open });
  const catalogue = useCatalogueForm(form, recuperationSessionInputSchema, sessionFields, (input) => saveSession(record?.id, input), onClose);
  const { setFormError } = catalogue;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFormError(null);
    if (record) form.setFieldsValue({ code: record.code, routeId: record.routeId, startsOn: record.startsOn, capacity: record.capacity });
  }, [open, record, form, setFormError]);
  return (
    <CatalogueDrawer title={record ? `修改期次：${record.code}` : "新增期次"} width={560} open={open} onClose={onClose} form={form} catalogue={catalogue}>
        <Form.Item label="期次编号" name="code" required rules={[zodRule(sessionShape.code, "请填写期次编号")]} extra="审计导出文件中的期次编号，不含逗号和空格">
          <Input count={{ show: true, max: 30 }} />
        </Form.Item>
        <Form.Item label="线路" name="routeId" required rules={[zodRule(sessionShape.routeId, "请选择线路")]}>
          <Select showSearch optionFilterProp="label" loading={routes.isPending} options={(routes.data ?? []).map((r) => ({ value: r.id, label: `${r.name}(${r.days}天)` }))} placeholder="请选择" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item label="出发日期" name="startsOn" required rules={[zodRule(sessionShape.startsOn, "请选择出发日期")]} {...dateProps}>
              <DatePicker style={{ width: "100%" }} placeholder="选择日期" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="名额" name="capacity" required rules={[zodRule(sessionShape.capacity, "请填写名额")]}>
              <InputNumber style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
    </CatalogueDrawer>
  );
}
