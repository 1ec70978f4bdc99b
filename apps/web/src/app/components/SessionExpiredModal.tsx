import { LockOutlined, SafetyOutlined } from "@ant-design/icons";
import { totpCodeSchema } from "@jiangxin/domain";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { login } from "../../modules/auth/api";
import { ApiError, errorMessage } from "../ApiError";
import { getCachedSession } from "../sessionCache";
import { sessionAbandoned, sessionRestored, useSessionExpired } from "../sessionExpiry";
import { zodRule } from "../zodRule";

type Values = { password: string; totpCode?: string };

/**
 * 登录已过期, asked on top of the page that was open: the page is not unmounted, so a half-filled
 * form keeps its text, and after the password (and code, for a second-factor account) it can be
 * submitted again. Only the same account signs in here; 退出登录 goes to the ordinary login page.
 */
export function SessionExpiredModal() {
  const expired = useSessionExpired();
  const [form] = Form.useForm<Values>();
  const [askCode, setAskCode] = useState(false);
  const user = getCachedSession()?.user;
  const mutation = useMutation({
    mutationFn: (v: Values) => login({ username: user?.username ?? "", password: v.password, ...(askCode && v.totpCode ? { totpCode: v.totpCode.trim() } : {}) }),
    onSuccess: (info) => {
      form.resetFields();
      setAskCode(false);
      // Another account cannot take over this page's unsaved state (it belongs to the one who typed it).
      if (info.user.id !== user?.id) sessionAbandoned();
      else sessionRestored(info);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "TOTP_REQUIRED") setAskCode(true);
    },
  });
  if (!expired || !user) return null;
  return (
    <Modal
      open
      title="登录已过期"
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={[
        <Button key="out" onClick={sessionAbandoned}>
          退出登录
        </Button>,
        <Button key="in" type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
          重新登录
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        为保护数据安全，长时间未操作后需要重新登录。<Typography.Text strong>您正在填写的内容已保留</Typography.Text>，重新登录后请再次点击保存或提交。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} autoComplete="off">
        <Form.Item label="用户名">
          <Input value={`${user.displayName}（${user.username}）`} disabled />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
          <Input.Password prefix={<LockOutlined />} autoFocus autoComplete="current-password" />
        </Form.Item>
        {askCode ? (
          <Form.Item label="动态验证码" name="totpCode" extra="手机身份验证器上显示的6位数字" rules={[zodRule(totpCodeSchema, "请输入6位动态验证码")]}>
            <Input prefix={<SafetyOutlined />} inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
          </Form.Item>
        ) : null}
      </Form>
      {mutation.isError && !(mutation.error instanceof ApiError && mutation.error.code === "TOTP_REQUIRED" && !form.getFieldValue("totpCode")) ? (
        <Alert type="error" showIcon message={errorMessage(mutation.error)} />
      ) : null}
    </Modal>
  );
}
