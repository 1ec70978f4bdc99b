import { SafetyOutlined } from "@ant-design/icons";
import { changePasswordRequestSchema, checkPassword, passwordPolicyText, type ChangePasswordRequest } from "@jiangxin/domain";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { formErrorOf } from "../../../app/applyFieldErrors";
import { PageHeader } from "../../../app/components/PageHeader";
import { useSession } from "../../../app/session";
import { refreshSession } from "../../../app/sessionCache";
import { zodRule } from "../../../app/zodRule";
import { changePassword } from "../api";

type PasswordForm = ChangePasswordRequest & { confirmPassword: string };

const fieldNames = ["currentPassword", "newPassword"] as const;

export function PasswordPage() {
  const { user } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // Server messages that name no field of this form; shown above the buttons.
  const [formError, setFormError] = useState<string | null>(null);
  const required = user.mustChangePassword;

  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      form.resetFields();
      void message.success("密码已修改");
      // /me now says mustChangePassword: false, which unlocks the rest of the app.
      await refreshSession();
      await navigate("/", { replace: true });
    },
    onError: (error) => {
      setFormError(formErrorOf(form, error, fieldNames));
    },
  });

  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader title="修改密码" />
      {required ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先修改密码"
          description="这是首次登录或密码已被重置。为保障账户安全，修改密码后才能使用平台的其他功能。"
        />
      ) : null}
      <Card>
        <Alert type="info" showIcon icon={<SafetyOutlined />} title="密码要求" description={passwordPolicyText} style={{ marginBottom: 24 }} />
        <Form
          form={form}
          layout="vertical"
          disabled={mutation.isPending}
          onValuesChange={() => setFormError(null)}
          onFinish={(values) => mutation.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword })}
        >
          <Form.Item
            label="当前密码"
            name="currentPassword"
            required
            rules={[zodRule(changePasswordRequestSchema.shape.currentPassword, "请输入当前密码")]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            required
            rules={[
              zodRule(changePasswordRequestSchema.shape.newPassword, "请输入新密码"),
              {
                // Same check the server applies, with the words an attacker would guess first.
                validator: (_rule, value: unknown) => {
                  if (typeof value !== "string" || value === "") return Promise.resolve();
                  const result = checkPassword(value, [user.username, user.displayName]);
                  return result.ok ? Promise.resolve() : Promise.reject(new Error(result.message));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirmPassword"
            required
            dependencies={["newPassword"]}
            rules={[
              {
                validator: (_rule, value: unknown) => {
                  if (typeof value !== "string" || value === "") return Promise.reject(new Error("请再次输入新密码"));
                  if (value !== form.getFieldValue("newPassword")) return Promise.reject(new Error("两次输入的新密码不一致"));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" /> : null}
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            保存新密码
          </Button>
        </Form>
      </Card>
    </div>
  );
}
