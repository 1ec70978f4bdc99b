import { CheckCircleFilled, SafetyOutlined } from "@ant-design/icons";
import { totpConfirmSchema } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Form, Input, Result, Spin, Steps, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { zodRule } from "../../../app/zodRule";
import { confirmTotp, enrolTotp, fetchTotpStatus } from "../api";

const statusKey = ["auth", "totp"] as const;

/**
 * 动态验证码(双因素认证): scan the QR code with an authenticator app (微信小程序“腾讯身份验证器”,
 * Google/Microsoft Authenticator …), type its first 6-digit code, and from then on every login asks
 * for the code too. Province and city administrators are sent here until they have done it, when the
 * deployment requires it.
 */
export function TotpPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const status = useQuery({ queryKey: statusKey, queryFn: fetchTotpStatus });
  const enrol = useMutation({ mutationFn: enrolTotp });
  const confirm = useMutation({
    mutationFn: (code: string) => confirmTotp(code),
    onSuccess: async (next) => {
      queryClient.setQueryData(statusKey, next);
      void message.success("动态验证码已启用，下次登录时请输入验证器上的6位数字");
      if (next.required) await navigate("/", { replace: true });
    },
  });

  if (status.isLoading) return <Spin />;
  if (status.isError) return <Alert type="error" showIcon title={errorMessage(status.error)} />;
  const current = status.data;

  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader title="动态验证码" />
      {current?.required && !current.enabled ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先绑定动态验证码"
          description="省、市级管理员账号须使用双因素认证：绑定手机上的身份验证器后，才能使用平台的其他功能。"
        />
      ) : null}
      {current?.enabled ? (
        <Card>
          <Result
            icon={<CheckCircleFilled style={{ color: "#389e0d" }} />}
            title="已启用动态验证码"
            subTitle="每次登录时，除密码外还需输入身份验证器上的6位动态验证码。如更换手机，请联系管理员重置。"
          />
        </Card>
      ) : (
        <Card>
          <Steps
            direction="vertical"
            size="small"
            current={enrol.data ? 1 : 0}
            items={[
              { title: "在手机上安装身份验证器", description: "如微信小程序“腾讯身份验证器”、Microsoft Authenticator 或 Google Authenticator。" },
              { title: "扫描二维码", description: "用身份验证器扫描下方二维码(无法扫描时可手动输入密钥)。" },
              { title: "输入验证器显示的6位数字，完成绑定" },
            ]}
          />
          {enrol.data ? (
            <Flex vertical align="center" gap={8} style={{ margin: "16px 0" }}>
              <img src={enrol.data.qrDataUrl} alt="动态验证码绑定二维码" width={220} height={220} style={{ maxWidth: "100%", height: "auto" }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                密钥：
                <Typography.Text code copyable style={{ fontSize: 12, wordBreak: "break-all" }}>
                  {enrol.data.secret}
                </Typography.Text>
              </Typography.Text>
              <Form
                form={form}
                layout="vertical"
                style={{ width: "100%", maxWidth: 320 }}
                disabled={confirm.isPending}
                onFinish={(values) => confirm.mutate(values.code.trim())}
                onValuesChange={() => confirm.isError && confirm.reset()}
              >
                <Form.Item label="6位动态验证码" name="code" rules={[zodRule(totpConfirmSchema.shape.code, "请输入6位动态验证码")]}>
                  <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="如 123456" />
                </Form.Item>
                {confirm.isError ? <Alert type="error" showIcon title={errorMessage(confirm.error)} style={{ marginBottom: 16 }} role="alert" /> : null}
                <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
                  完成绑定
                </Button>
              </Form>
            </Flex>
          ) : (
            <Flex vertical gap={12} style={{ marginTop: 16 }}>
              {enrol.isError ? <Alert type="error" showIcon title={errorMessage(enrol.error)} /> : null}
              <Button type="primary" icon={<SafetyOutlined />} loading={enrol.isPending} onClick={() => enrol.mutate()}>
                开始绑定
              </Button>
            </Flex>
          )}
        </Card>
      )}
    </div>
  );
}
