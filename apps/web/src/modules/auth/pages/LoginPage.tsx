import { LockOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { loginRequestSchema, totpCodeSchema, type LoginRequest } from "@jiangxin/domain";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router-dom";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { Brand } from "../../../app/components/Brand";
import { queryClient } from "../../../app/queryClient";
import type { LoginRedirectState } from "../../../app/RequireSession";
import { useSessionState } from "../../../app/session";
import { sessionQueryKey, setCachedSession } from "../../../app/sessionCache";
import { zodRule } from "../../../app/zodRule";
import { login } from "../api";

function redirectTarget(state: unknown): string {
  const from = (state as Partial<LoginRedirectState> | null)?.from;
  if (!from || typeof from.pathname !== "string" || from.pathname === "/login") return "/";
  return `${from.pathname}${from.search ?? ""}${from.hash ?? ""}`;
}

export function LoginPage() {
  const [form] = Form.useForm<LoginRequest>();
  const { session } = useSessionState();
  const location = useLocation();
  const navigate = useNavigate();
  const target = redirectTarget(location.state);
  // Right password on an account with a second factor: the same form asks for the 6-digit code too.
  const [askCode, setAskCode] = useState(false);

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async (info) => {
      // Anything cached belongs to whoever was signed in before.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      setCachedSession(info);
      await navigate(target, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "TOTP_REQUIRED") setAskCode(true);
    },
  });

  useEffect(() => {
    document.title = "登录 - 匠心";
  }, []);

  if (session && !mutation.isPending) return <Navigate to={target} replace />;

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        padding: 16,
        boxSizing: "border-box",
        background: "linear-gradient(160deg, #7a0e0e 0%, #c41d1d 45%, #f5f5f5 45.1%)",
      }}
    >
      <Card style={{ width: "100%", maxWidth: 400 }} styles={{ body: { padding: "32px 28px 24px" } }}>
        <div style={{ marginBottom: 8 }}>
          <Brand tone="light" size="large" />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
          浙江省总工会 · 工作人员登录
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={mutation.isPending}
          onFinish={(values) =>
            mutation.mutate({ username: values.username.trim(), password: values.password, ...(askCode && values.totpCode ? { totpCode: values.totpCode.trim() } : {}) })
          }
          onValuesChange={() => {
            if (mutation.isError) mutation.reset();
          }}
        >
          <Form.Item label="用户名" name="username" rules={[zodRule(loginRequestSchema.shape.username, "请输入用户名")]}>
            <Input size="large" prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder="请输入用户名" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[zodRule(loginRequestSchema.shape.password, "请输入密码")]}>
            <Input.Password size="large" prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
          </Form.Item>
          {askCode ? (
            <Form.Item label="动态验证码" name="totpCode" extra="手机身份验证器上显示的6位数字" rules={[zodRule(totpCodeSchema, "请输入6位动态验证码")]}>
              <Input size="large" prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus placeholder="6位数字" />
            </Form.Item>
          ) : null}
          {mutation.isError && !(askCode && mutation.error instanceof ApiError && mutation.error.code === "TOTP_REQUIRED" && !form.getFieldValue("totpCode")) ? (
            <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 16 }} role="alert" />
          ) : null}
          <Button type="primary" htmlType="submit" size="large" block loading={mutation.isPending}>
            登录
          </Button>
        </Form>
        {/* Workers sign up themselves (phone + real name); the public pages need no account at all. */}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
          职工首次使用？<Link to="/register">用手机号注册</Link> · <Link to="/public">公众服务</Link>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 20, marginBottom: 0 }}>
          仅限授权人员使用。登录及查看个人信息等操作均记录在审计日志中。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
