import { checkPassword, gigPlatformLabels, gigPlatforms, passwordPolicyText, workerRegistrationSchema, type WorkerRegistration } from "@jiangxin/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { applyFieldErrors } from "../../../app/applyFieldErrors";
import { parseFormInput } from "../../../app/parseFormInput";
import { queryClient } from "../../../app/queryClient";
import { CountyPicker } from "../../../app/regions/components/CountyPicker";
import { sessionQueryKey, setCachedSession } from "../../../app/sessionCache";
import { zodRule } from "../../../app/zodRule";
import { PublicLayout } from "../../public/components/PublicLayout";
import { fetchPublicRegions, registerWorker } from "../api";

type FormValues = WorkerRegistration & { confirm: string };
const fieldNames = ["name", "residentId", "phone", "password", "countyCode", "platform", "employerName", "occupation"];
const platformOptions = gigPlatforms.map((p) => ({ value: p, label: gigPlatformLabels[p] }));
const shape = workerRegistrationSchema.shape;

/**
 * 职工注册, on a phone: real name and ID number (checked by GB 11643 here and on the server), the phone
 * as login name, a password under the policy, where one works — a platform from the list or an
 * employer — which decides the union proposed on 我的 (the platform's 覆盖建 union, the enterprise's
 * own union, or the area's regional union). The new account is signed in and lands on 我的.
 */
export function RegisterPage() {
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const platform = Form.useWatch("platform", form);
  const regions = useQuery({ queryKey: ["public", "regions"], queryFn: ({ signal }) => fetchPublicRegions(signal), staleTime: 10 * 60_000 });
  useEffect(() => {
    document.title = "职工注册 - 浙江省总工会 · 匠心";
  }, []);

  const mutation = useMutation({
    mutationFn: registerWorker,
    onSuccess: async (info) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      setCachedSession(info);
      await navigate("/me", { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        const leftover = applyFieldErrors(form, error, fieldNames);
        setFormError(leftover.length > 0 ? leftover.join("；") : null);
      } else setFormError(errorMessage(error));
    },
  });

  function submit({ confirm: _confirm, ...values }: FormValues) {
    const input = parseFormInput(form, workerRegistrationSchema, values, fieldNames, setFormError);
    if (!input) return;
    const policy = checkPassword(values.password, [input.phone, input.name]);
    if (!policy.ok) return form.setFields([{ name: "password", errors: [policy.message] }]);
    mutation.mutate(input);
  }

  return (
    <PublicLayout>
      <Card style={{ maxWidth: 480, margin: "8px auto" }} styles={{ body: { padding: "24px 20px" } }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          职工注册
        </Typography.Title>
        <Typography.Paragraph type="secondary">实名注册后可查看本人会籍、申请加入工会、查看各项活动的报名与申请。</Typography.Paragraph>
        <Form<FormValues> form={form} layout="vertical" requiredMark={false} disabled={mutation.isPending} onFinish={submit} onValuesChange={() => setFormError(null)}>
          <Form.Item label="姓名" name="name" rules={[zodRule(shape.name, "请填写姓名")]}>
            <Input autoComplete="name" count={{ show: true, max: 20 }} placeholder="与身份证一致" />
          </Form.Item>
          <Form.Item label="身份证号" name="residentId" rules={[zodRule(shape.residentId, "请填写身份证号")]} validateFirst>
            <Input autoComplete="off" spellCheck={false} inputMode="text" placeholder="18位" />
          </Form.Item>
          <Form.Item label="手机号(登录用)" name="phone" rules={[zodRule(shape.phone, "请填写手机号")]}>
            <Input autoComplete="tel" inputMode="tel" placeholder="11位手机号" />
          </Form.Item>
          <Form.Item label="密码" name="password" extra={passwordPolicyText} rules={[{ required: true, message: "请设置密码" }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认密码"
            name="confirm"
            dependencies={["password"]}
            rules={[
              { required: true, message: "请再次输入密码" },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string) => (!value || value === getFieldValue("password") ? Promise.resolve() : Promise.reject(new Error("两次输入的密码不一致"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label="工作所在县(市、区)" name="countyCode" rules={[zodRule(shape.countyCode, "请选择工作所在县(市、区)")]}>
            <CountyPicker scope={regions.data ?? null} />
          </Form.Item>
          <Form.Item
            label="所在平台(新就业形态劳动者填写)"
            name="platform"
            extra={platform ? "将推荐该平台在所在县(市、区)的覆盖建会工会；没有时推荐当地区域性工会。" : "外卖骑手、快递员、网约车司机等请选择平台；在企业工作的不选。"}
          >
            <Select allowClear placeholder="不在平台工作可不选" options={platformOptions} />
          </Form.Item>
          <Form.Item
            label={platform ? "站点或网点(选填)" : "工作单位"}
            name="employerName"
            extra={platform ? undefined : "填写单位的登记全称：与企业名录一致时推荐该企业的工会，否则推荐当地区域性工会。"}
          >
            <Input count={{ show: true, max: 100 }} placeholder={platform ? "如：美团外卖淳安站" : "选填：企业或单位全称"} />
          </Form.Item>
          <Form.Item label="职业(工种)" name="occupation">
            <Input count={{ show: true, max: 40 }} placeholder="选填" />
          </Form.Item>
          {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" size="large" block loading={mutation.isPending}>
            注册并登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16, marginBottom: 0 }}>
          已有账号？<Link to="/login">直接登录</Link>。身份证号、手机号加密保存，仅本人及所在工会可见。
        </Typography.Paragraph>
      </Card>
    </PublicLayout>
  );
}
