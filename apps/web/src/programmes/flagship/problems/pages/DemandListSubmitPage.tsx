import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  demandListInputSchema,
  problemInputSchema,
  tradeCodes,
  trades,
  trainingNeedInputSchema,
  urgencies,
  urgencyLabels,
  type DemandListInput,
} from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography, type FormInstance } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { ApiError, errorMessage } from "../../../../app/ApiError";
import { PageHeader } from "../../../../app/components/PageHeader";
import { useSession } from "../../../../app/session";
import { zodRule } from "../../../../app/zodRule";
import { EnterprisePicker, enterpriseQueryKeys, getEnterprise } from "../../../../masterData/enterprises";
import { submitDemandList } from "../api";
import { problemQueryKeys } from "../problemQueryKeys";
import { teamSizeOptions } from "../teamSizeOptions";

const tradeOptions = tradeCodes.map((code) => ({ value: code, label: trades[code] }));
const urgencyOptions = urgencies.map((u) => ({ value: u, label: urgencyLabels[u] }));
const p = problemInputSchema.shape;
const n = trainingNeedInputSchema.shape;

/** "problems.0.title" (the server's field path) → ["problems", 0, "title"] (the form's name path). */
const toNamePath = (path: readonly PropertyKey[]) => path.map((k) => (typeof k === "string" && /^\d+$/.test(k) ? Number(k) : String(k)));

/** Messages onto nested fields (a problem's title in the list); the form's typed paths cannot spell these. */
function setErrorsAt(form: FormInstance, errors: { path: readonly PropertyKey[]; message: string }[]) {
  form.setFields(errors.map((e) => ({ name: toNamePath(e.path), errors: [e.message] })));
}

/** 提交需求清单: an enterprise for itself, or staff for an enterprise in their region. */
export function DemandListSubmitPage() {
  const [form] = Form.useForm<DemandListInput>();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const ownEnterprise = user.role === "enterprise" ? user.enterpriseId : null;
  const enterprise = useQuery({
    queryKey: enterpriseQueryKeys.detail(ownEnterprise ?? ""),
    queryFn: ({ signal }) => getEnterprise(ownEnterprise ?? "", signal),
    enabled: Boolean(ownEnterprise),
  });

  const mutation = useMutation({
    mutationFn: submitDemandList,
    onSuccess: async (list) => {
      await queryClient.invalidateQueries({ queryKey: problemQueryKeys.all });
      void message.success(`已提交需求清单：${list.problemCount} 个难题、${list.trainingNeedCount} 项培训需求`);
      void navigate(`/demand-lists/${list.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrorsAt(form, Object.entries(error.fields).map(([path, msg]) => ({ path: path.split("."), message: msg })));
        setFormError("请按提示修改标红的内容");
      } else {
        setFormError(errorMessage(error));
      }
    },
  });

  function submit(values: DemandListInput) {
    const parsed = demandListInputSchema.safeParse({ ...values, enterpriseId: ownEnterprise ?? values.enterpriseId, problems: values.problems ?? [], trainingNeeds: values.trainingNeeds ?? [] });
    if (!parsed.success) {
      const whole = parsed.error.issues.filter((i) => i.path.length <= 1 && (i.path[0] === "problems" || i.path.length === 0));
      setErrorsAt(form, parsed.error.issues.filter((i) => !whole.includes(i)));
      setFormError(whole[0]?.message ?? "请按提示修改标红的内容");
      return;
    }
    mutation.mutate(parsed.data);
  }

  return (
    <>
      <PageHeader
        title="提交需求清单"
        description="列出企业的技术难题和培训需求，县总工会受理后安排劳模工匠上门服务。"
      />
      <Form<DemandListInput>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={{ problems: [{ urgency: "normal", teamSize: 1 }], trainingNeeds: [] }}
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
        scrollToFirstError
      >
        <Card title="企业" style={{ marginBottom: 16 }}>
          {ownEnterprise ? (
            <Typography.Text strong>{enterprise.data ? `${enterprise.data.name}（${enterprise.data.countyName}）` : enterprise.isError ? "本企业" : "加载中…"}</Typography.Text>
          ) : (
            <Form.Item name="enterpriseId" label="企业" required rules={[{ required: true, message: "请选择企业" }]} style={{ marginBottom: 0 }}>
              <EnterprisePicker />
            </Form.Item>
          )}
          <Form.Item name="note" label="备注" style={{ marginTop: 16, marginBottom: 0 }}>
            <Input.TextArea rows={2} count={{ show: true, max: 500 }} placeholder="选填：希望的服务时间、联系人等" />
          </Form.Item>
        </Card>

        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <Card
              title={`技术难题（${fields.length}）`}
              style={{ marginBottom: 16 }}
              extra={
                <Button icon={<PlusOutlined />} onClick={() => add({ urgency: "normal", teamSize: 1 })} disabled={fields.length >= 50}>
                  添加难题
                </Button>
              }
            >
              {fields.length === 0 ? <Typography.Text type="secondary">没有技术难题可不填。</Typography.Text> : null}
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={`难题 ${index + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除难题 ${index + 1}`} onClick={() => remove(field.name)} />}
                >
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "title"]} label="标题" required rules={[zodRule(p.title, "请填写难题标题")]}>
                        <Input count={{ show: true, max: 80 }} placeholder="例如：不锈钢薄板焊接变形大" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, "trade"]} label="所需工种" required rules={[zodRule(p.trade, "请选择工种")]}>
                        <Select options={tradeOptions} placeholder="请选择" showSearch={{ optionFilterProp: "label" }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, "urgency"]} label="紧急程度" rules={[zodRule(p.urgency, "请选择紧急程度")]}>
                        <Select options={urgencyOptions} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, "teamSize"]} label="需要专家人数" tooltip="1位负责专家，另可有1–2位协助专家" rules={[zodRule(p.teamSize, "请选择需要专家人数")]}>
                        <Select options={teamSizeOptions} />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item name={[field.name, "description"]} label="描述" required rules={[zodRule(p.description, "请描述难题")]} style={{ marginBottom: 0 }}>
                        <Input.TextArea rows={3} count={{ show: true, max: 2000 }} placeholder="现象、影响、已尝试的办法" />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
            </Card>
          )}
        </Form.List>

        <Form.List name="trainingNeeds">
          {(fields, { add, remove }) => (
            <Card
              title={`培训需求（${fields.length}）`}
              style={{ marginBottom: 16 }}
              extra={
                <Button icon={<PlusOutlined />} onClick={() => add()} disabled={fields.length >= 20}>
                  添加培训需求
                </Button>
              }
            >
              {fields.length === 0 ? <Typography.Text type="secondary">需要为职工安排技能培训时添加。</Typography.Text> : null}
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, "topic"]} label={index === 0 ? "培训主题" : undefined} rules={[zodRule(n.topic, "请填写培训主题")]} style={{ flex: 1 }}>
                    <Input count={{ show: true, max: 80 }} placeholder="例如：数控编程与操作" />
                  </Form.Item>
                  <Form.Item name={[field.name, "workers"]} label={index === 0 ? "人数" : undefined} rules={[zodRule(n.workers, "请填写培训人数")]} style={{ width: 100 }}>
                    <InputNumber style={{ width: "100%" }} inputMode="numeric" />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除培训需求 ${index + 1}`}
                    style={{ marginTop: index === 0 ? 30 : 0 }}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
            </Card>
          )}
        </Form.List>

        {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => void navigate(-1)}>取消</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            提交
          </Button>
        </Flex>
      </Form>
    </>
  );
}
