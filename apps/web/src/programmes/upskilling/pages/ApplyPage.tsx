import { certificateKindLabels, degreeLevelLabels, degreeLevels, skillLevelLabels, skillLevels, upskillingApplicationInputSchema, type CertificateKind } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Collapse, Form, Input, Radio, Select, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { applyFieldErrors } from "../../../app/applyFieldErrors";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { parseFormInput } from "../../../app/parseFormInput";
import { fetchScheme, submitApplication, upskillingKeys } from "../api";

type FormValues = {
  kind: CertificateKind;
  level: string;
  certificateNumber: string;
  issuedOn: string;
  hasLabourContract: boolean;
  otherSubsidy: string | null;
  bankName: string;
  bankAccount: string;
};
const fieldNames = ["kind", "level", "certificateNumber", "issuedOn", "hasLabourContract", "otherSubsidy", "bankName", "bankAccount"];

/**
 * 申请补助, on a phone: the round's rules first (who may apply, the amount, the overflow rule), then the
 * certificate and the bank card. Eligibility is checked by the server at submission; every failed
 * rule is shown as a reason, so the worker knows at once.
 */
export function ApplyPage() {
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const scheme = useQuery({ queryKey: upskillingKeys.scheme, queryFn: ({ signal }) => fetchScheme(signal), staleTime: 10 * 60_000 });
  const kind = Form.useWatch("kind", form) ?? "skillGrade";
  const mutation = useMutation({
    mutationFn: submitApplication,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: upskillingKeys.all });
      await navigate("/upskilling/my");
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.eligibility) {
        setReasons(error.fields.eligibility.split("\n"));
        setFormError(null);
      } else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        const leftover = applyFieldErrors(form, error, fieldNames);
        setFormError(leftover.length > 0 ? leftover.join("；") : null);
      } else setFormError(errorMessage(error));
    },
  });

  function submit(values: FormValues) {
    setReasons([]);
    const input = parseFormInput(form, upskillingApplicationInputSchema, { ...values, otherSubsidy: values.otherSubsidy ?? null }, fieldNames, setFormError);
    if (input) mutation.mutate(input);
  }

  if (scheme.isPending) return <Skeleton active />;
  if (scheme.isError) return <QueryErrorResult error={scheme.error} onRetry={() => void scheme.refetch()} />;
  const s = scheme.data;
  const levels: { value: string; label: string }[] = kind === "degree" ? degreeLevels.map((l) => ({ value: l, label: degreeLevelLabels[l] })) : skillLevels.filter((l) => l !== "apprentice").map((l) => ({ value: l, label: skillLevelLabels[l] }));

  return (
    <>
      <PageHeader title="申请学历与技能提升补助" description={`${s.title}：每人一次性补助${s.amountYuan.toLocaleString("zh-CN")}元，申请期${s.opensOn}至${s.closesOn}。`} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Collapse
          ghost
          size="small"
          defaultActiveKey={["who"]}
          items={[
            { key: "who", label: "申请条件", children: <ul style={{ margin: 0, paddingLeft: 20 }}>{s.whoMayApply.map((w) => <li key={w}>{w}</li>)}</ul> },
            { key: "priority", label: "名额与排序规则", children: <Typography.Paragraph style={{ margin: 0 }}>优先群体：{s.priorityGroups.join("、")}。{s.overflowRule}</Typography.Paragraph> },
            { key: "double", label: "不重复补助", children: <Typography.Paragraph style={{ margin: 0 }}>{s.doubleFundingRule}</Typography.Paragraph> },
          ]}
        />
      </Card>
      <Card style={{ maxWidth: 560 }}>
        {reasons.length > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title="不符合申请条件"
            description={<ul style={{ margin: 0, paddingLeft: 20 }}>{reasons.map((r) => <li key={r}>{r}</li>)}</ul>}
          />
        ) : null}
        {formError ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={formError} /> : null}
        <Form<FormValues> form={form} layout="vertical" initialValues={{ kind: "skillGrade", hasLabourContract: true, otherSubsidy: null }} onFinish={submit} requiredMark={false}>
          <Form.Item name="kind" label="补助类别">
            <Radio.Group optionType="button" options={(["skillGrade", "degree"] as const).map((k) => ({ value: k, label: certificateKindLabels[k] }))} onChange={() => form.setFieldValue("level", undefined)} />
          </Form.Item>
          <Form.Item name="level" label={kind === "degree" ? "取得的学历" : "取得的职业技能等级"} rules={[{ required: true, message: "请选择" }]}>
            <Select options={levels} placeholder="请选择" />
          </Form.Item>
          <Form.Item name="certificateNumber" label="证书编号" rules={[{ required: true, message: "请填写证书编号" }]}>
            <Input placeholder={kind === "degree" ? "毕业证书编号(学信网可查)" : "职业技能等级证书编号"} autoComplete="off" />
          </Form.Item>
          <Form.Item name="issuedOn" label="证书取得日期" rules={[{ required: true, message: "请填写证书取得日期" }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="hasLabourContract" label="是否与用人单位签订劳动合同">
            <Radio.Group options={[{ value: true, label: "已签订" }, { value: false, label: "未签订(新就业形态劳动者)" }]} />
          </Form.Item>
          <Form.Item name="otherSubsidy" label="本年度是否已享受其他同类补助">
            <Select options={[{ value: null, label: "没有" }, ...s.exclusiveSubsidies.map((x) => ({ value: x, label: `已享受：${x}` }))]} />
          </Form.Item>
          <Form.Item name="bankName" label="开户银行" rules={[{ required: true, message: "请填写开户银行" }]}>
            <Input placeholder="如：中国农业银行淳安支行" />
          </Form.Item>
          <Form.Item name="bankAccount" label="本人银行卡号" extra="补助发放到本人名下的银行卡；卡号加密保存，只在发放文件中使用。" rules={[{ required: true, message: "请填写银行卡号" }]}>
            <Input inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            提交后在“我的补助申请”中拍摄证书照片上传，审核期间可补充。
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            提交申请
          </Button>
        </Form>
      </Card>
    </>
  );
}
