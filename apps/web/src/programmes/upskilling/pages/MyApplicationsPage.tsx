import { bankCardUpdateSchema, reviewStageLabels, type UpskillingApplication } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, Skeleton, Steps, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { AttachmentPanel } from "../../../app/attachments";
import { applyFieldErrors } from "../../../app/applyFieldErrors";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { parseFormInput } from "../../../app/parseFormInput";
import { fetchMine, fixBankCard, upskillingKeys } from "../api";
import { StatusTag } from "../StatusTag";

/** Where the application is: the three review steps, then payment. */
function progressOf(app: UpskillingApplication): { current: number; status: "process" | "error" | "finish" | "wait" } {
  if (app.status === "pending") return { current: ["grassroots", "county", "city"].indexOf(app.stage ?? "grassroots"), status: "process" };
  if (app.status === "rejected") return { current: Math.max(0, app.reviews.length - 1), status: "error" };
  if (app.status === "approved") return { current: 3, status: "process" };
  if (app.status === "failed") return { current: 3, status: "error" };
  return { current: 3, status: "finish" };
}

function BankCardForm({ app }: { app: UpskillingApplication }) {
  const [form] = Form.useForm<{ bankName: string; bankAccount: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const fix = useMutation({
    mutationFn: (body: { bankName: string; bankAccount: string }) => fixBankCard(app.id, body),
    onSuccess: async () => {
      void message.success("银行卡已更新，将随下一批次重新发放");
      await queryClient.invalidateQueries({ queryKey: upskillingKeys.all });
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) applyFieldErrors(form, error, ["bankName", "bankAccount"]);
      else setFormError(errorMessage(error));
    },
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ bankName: app.bankName }} onFinish={(v) => {
      const input = parseFormInput(form, bankCardUpdateSchema, v, ["bankName", "bankAccount"], setFormError);
      if (input) fix.mutate(input);
    }}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="bankName" label="开户银行" rules={[{ required: true, message: "请填写开户银行" }]}>
        <Input />
      </Form.Item>
      <Form.Item name="bankAccount" label="新的银行卡号" rules={[{ required: true, message: "请填写银行卡号" }]}>
        <Input inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={fix.isPending} block>
        修改银行卡并重新提交
      </Button>
    </Form>
  );
}

/** 我的补助申请: each application's status as the applicant reads it, the reason, the review steps, and the fix for a failed payment. */
export function MyApplicationsPage() {
  const mine = useQuery({ queryKey: upskillingKeys.mine, queryFn: ({ signal }) => fetchMine(signal) });
  return (
    <>
      <PageHeader title="我的补助申请" description="学历与技能提升补助：审核进度、发放结果和原因。" extra={<Link to="/upskilling/apply"><Button type="primary">申请补助</Button></Link>} />
      {mine.isPending ? (
        <Skeleton active />
      ) : mine.isError ? (
        <QueryErrorResult error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <Empty description="还没有补助申请" />
      ) : (
        <Flex vertical gap={16}>
          {mine.data.map((app) => {
            const progress = progressOf(app);
            return (
              <Card key={app.id} title={`${app.levelLabel}补助`} extra={<StatusTag app={app} />} data-testid={`application-${app.number}`}>
                {app.status === "failed" ? <Alert type="error" showIcon title={`发放失败：${app.reason ?? ""}`} description="请核对后修改本人银行卡，修改后随下一批次重新发放。" style={{ marginBottom: 12 }} /> : null}
                {app.status === "rejected" ? <Alert type="warning" showIcon title={`未通过：${app.reason ?? ""}`} style={{ marginBottom: 12 }} /> : null}
                {app.status === "paid" ? <Alert type="success" showIcon title={`已发放 ${app.amountYuan.toLocaleString("zh-CN")} 元到 ${app.bankName} ${app.bankAccountMasked}`} style={{ marginBottom: 12 }} /> : null}
                <Steps
                  size="small"
                  direction="vertical"
                  current={progress.current}
                  status={progress.status}
                  items={[
                    ...(["grassroots", "county", "city"] as const).map((stage) => {
                      const step = app.reviews.find((r) => r.stage === stage);
                      return { title: reviewStageLabels[stage], description: step ? `${step.decision === "approve" ? "通过" : "不通过"} · ${dayjs(step.at).format("YYYY-MM-DD")}` : undefined };
                    }),
                    { title: "发放", description: app.batchNumber ? `批次 ${app.batchNumber}${app.paidOn ? ` · ${dayjs(app.paidOn).format("YYYY-MM-DD")}` : ""}` : undefined },
                  ]}
                />
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: "no", label: "申请编号", children: app.number },
                    { key: "cert", label: "证书编号", children: app.certificateNumber },
                    { key: "bank", label: "银行卡", children: `${app.bankName} ${app.bankAccountMasked}` },
                    { key: "at", label: "提交时间", children: dayjs(app.submittedAt).format("YYYY-MM-DD HH:mm") },
                    ...(app.priorityGroups.length > 0 ? [{ key: "p", label: "优先群体", children: app.priorityGroups.join("、") }] : []),
                  ]}
                />
                <AttachmentPanel
                  ownerKind="upskilling.application"
                  ownerId={app.id}
                  title="证书照片"
                  canUpload={app.status === "pending"}
                  emptyText={app.status === "pending" ? "请拍摄证书照片，方便工会审核" : "未上传证书照片"}
                  compact
                  style={{ marginTop: 12 }}
                />
                {app.status === "failed" ? (
                  <div style={{ marginTop: 12 }}>
                    <Typography.Title level={5}>修改银行卡</Typography.Title>
                    <BankCardForm app={app} />
                  </div>
                ) : null}
              </Card>
            );
          })}
        </Flex>
      )}
    </>
  );
}
