import { ArrowLeftOutlined, CheckOutlined } from "@ant-design/icons";
import { agreementScopeLabels, agreementStatusLabels, checkInInputSchema, type Agreement, type AgreementStatusInput } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Modal, Radio, Result, Row, Tag, Timeline, Typography, type DescriptionsProps } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError, errorMessage } from "../../../../app/ApiError";
import { applyFieldErrors } from "../../../../app/applyFieldErrors";
import { AttachmentPanel } from "../../../../app/attachments";
import { PageHeader } from "../../../../app/components/PageHeader";
import { PageLoading } from "../../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { useCan, useSession } from "../../../../app/session";
import { zodRule } from "../../../../app/zodRule";
import { mayAttach } from "../../attachments/mayAttach";
import { OutcomePanel } from "../../outcomes/components/OutcomePanel";
import { addCheckIn, closeAgreement, getAgreement, markMilestoneDone } from "../api";
import { agreementQueryKeys } from "../agreementQueryKeys";
import { agreementStatusColors } from "../agreementLabels";
import { AgreementCorrectActions } from "../components/AgreementCorrectActions";
import { CorrectionHistory } from "../../corrections/components/CorrectionHistory";
import { VoidedAlert } from "../../corrections/components/VoidedAlert";
import { ExpertTag } from "../../experts/ExpertName";

function CheckInForm({ agreement }: { agreement: Agreement }) {
  const [form] = Form.useForm<{ date: Dayjs; note: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (v: { date: string; note: string }) => addCheckIn(agreement.id, v),
    onSuccess: async (updated) => {
      queryClient.setQueryData(agreementQueryKeys.detail(agreement.id), updated);
      await queryClient.invalidateQueries({ queryKey: agreementQueryKeys.all });
      form.resetFields();
      void message.success("已记录回访");
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setFormError(applyFieldErrors(form, error, ["date", "note"]).join("；") || null);
      else setFormError(errorMessage(error));
    },
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} disabled={mutation.isPending} onValuesChange={() => setFormError(null)} onFinish={(v) => mutation.mutate({ date: v.date.format("YYYY-MM-DD"), note: v.note.trim() })}>
      <Form.Item label="回访日期" name="date" rules={[{ required: true, message: "请选择回访日期" }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} />
      </Form.Item>
      <Form.Item label="回访情况" name="note" required rules={[zodRule(checkInInputSchema.shape.note, "请填写回访情况")]}>
        <Input.TextArea rows={3} count={{ show: true, max: 1000 }} placeholder="进展、问题、下一步" />
      </Form.Item>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        记录回访
      </Button>
    </Form>
  );
}

export function AgreementDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const can = useCan();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState(false);
  const [closeForm] = Form.useForm<AgreementStatusInput>();
  const agreement = useQuery({ queryKey: agreementQueryKeys.detail(id), queryFn: ({ signal }) => getAgreement(id, signal) });

  const onUpdated = async (updated: Agreement) => {
    queryClient.setQueryData(agreementQueryKeys.detail(id), updated);
    await queryClient.invalidateQueries({ queryKey: agreementQueryKeys.all });
  };
  const done = useMutation({
    mutationFn: (milestoneId: string) => markMilestoneDone(id, milestoneId),
    onSuccess: async (updated) => {
      await onUpdated(updated);
      void message.success("里程碑已完成");
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const close = useMutation({
    mutationFn: (input: AgreementStatusInput) => closeAgreement(id, input),
    onSuccess: async (updated) => {
      await onUpdated(updated);
      setClosing(false);
      void message.success(`协议${agreementStatusLabels[updated.status]}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) applyFieldErrors(closeForm, error, ["status", "note"]);
      else void message.error(errorMessage(error));
    },
  });

  if (agreement.isPending) return <PageLoading rows={8} />;
  if (agreement.isError) {
    const error = agreement.error;
    if (error instanceof ApiError && (error.code === "NOT_FOUND" || (error.code === "VALIDATION_FAILED" && "id" in error.fields))) {
      return (
        <Result
          status="404"
          title="未找到该协议"
          subTitle="该协议不存在，或不在您的管辖范围内。"
          extra={
            <Link to="/agreements">
              <Button type="primary">返回协议列表</Button>
            </Link>
          }
        />
      );
    }
    return <QueryErrorResult error={error} onRetry={() => void agreement.refetch()} />;
  }

  const a = agreement.data;
  // Open agreements take check-ins whatever their dates say (已签订, 履行中, 已到期); closed or voided ones are history.
  const writable = can("agreement.write") && a.status !== "completed" && a.status !== "terminated" && !a.voided;
  const items: DescriptionsProps["items"] = [
    { key: "firm", label: "受援企业", children: <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link> },
    { key: "status", label: "状态", children: <Tag color={agreementStatusColors[a.status]}>{agreementStatusLabels[a.status]}</Tag> },
    { key: "scopes", label: "协议范围", children: a.scopes.map((s) => <Tag key={s}>{agreementScopeLabels[s]}</Tag>) },
    { key: "signedOn", label: "签订日期", children: a.signedOn },
    { key: "term", label: "协议期限", children: `${a.startDate} 至 ${a.endDate}` },
    { key: "session", label: "签订场次", children: a.sessionId ? <Link to={`/service-sessions/${a.sessionId}`}>查看场次</Link> : "—" },
    { key: "team", label: `专家团队(${a.experts.length}人)`, span: "filled", children: a.experts.map((x) => <ExpertTag key={x.id} name={x.name} detail={x.detail} />) },
  ];

  return (
    <>
      <PageHeader
        title={a.title}
        description={a.enterpriseName}
        extra={
          <>
            {writable ? <Button onClick={() => setClosing(true)}>完成 / 终止协议</Button> : null}
            <AgreementCorrectActions agreement={a} />
            <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === "default" ? navigate("/agreements") : navigate(-1))}>
              返回
            </Button>
          </>
        }
      />
      <VoidedAlert voided={a.voided} what="协议" />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} size="middle" />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12} style={{ marginBottom: 16 }}>
          <Card title={`里程碑(${a.milestones.filter((m) => m.doneOn).length}/${a.milestones.length})`}>
            {a.milestones.length === 0 ? (
              <Typography.Text type="secondary">未设里程碑</Typography.Text>
            ) : (
              <Flex vertical gap={8}>
                {a.milestones.map((m) => (
                  <Flex key={m.id} justify="space-between" align="center" gap={8} wrap style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}>
                    <div>
                      <Typography.Text delete={Boolean(m.doneOn)}>{m.title}</Typography.Text>
                      <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                        到期 {m.dueDate}
                        {m.doneOn ? ` · ${m.doneOn} 完成` : ""}
                      </Typography.Text>
                    </div>
                    <Flex gap={6} align="center">
                      {m.overdue ? <Tag color="red">已逾期</Tag> : null}
                      {m.doneOn ? <Tag color="success">已完成</Tag> : null}
                      {!m.doneOn && writable ? (
                        <Button size="small" icon={<CheckOutlined />} loading={done.isPending && done.variables === m.id} onClick={() => done.mutate(m.id)}>
                          完成
                        </Button>
                      ) : null}
                    </Flex>
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={`回访记录(${a.checkIns.length})`} style={{ marginBottom: 16 }}>
            {a.checkIns.length === 0 ? (
              <Typography.Text type="secondary">还没有回访记录</Typography.Text>
            ) : (
              <Timeline
                items={a.checkIns.map((c) => ({
                  key: c.id,
                  content: (
                    <>
                      <Typography.Text strong>{c.date}</Typography.Text>
                      <Typography.Text type="secondary"> · {c.byName}</Typography.Text>
                      <div>{c.note}</div>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
          {writable ? (
            <Card title="记录回访">
              <CheckInForm agreement={a} />
            </Card>
          ) : null}
        </Col>
      </Row>
      <AttachmentPanel ownerKind="flagship.agreement" ownerId={a.id} title="协议文本与附件" canUpload={mayAttach(user.role)} emptyText="暂无附件。签字盖章的协议扫描件可在此上传" />
      <OutcomePanel agreementId={a.id} />
      <CorrectionHistory recordPath={`/api/agreements/${encodeURIComponent(a.id)}`} style={{ marginTop: 16 }} />
      <Modal
        open={closing}
        title="完成或终止协议"
        okText="确定"
        confirmLoading={close.isPending}
        onCancel={() => setClosing(false)}
        onOk={() => void closeForm.validateFields().then((v) => close.mutate({ status: v.status, note: v.note.trim() }))}
        destroyOnHidden
      >
        <Form form={closeForm} layout="vertical" initialValues={{ status: "completed" }} preserve={false}>
          <Form.Item name="status" label="结果">
            <Radio.Group options={[{ value: "completed", label: "已完成" }, { value: "terminated", label: "终止" }]} />
          </Form.Item>
          <Form.Item name="note" label="说明" required rules={[{ required: true, whitespace: true, message: "请填写说明" }]}>
            <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
