import { CheckCircleFilled, ScanOutlined } from "@ant-design/icons";
import { redemptionPointKindLabels, type VoucherRedeemResult } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Form, Input, Result, Select, Skeleton, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { addPoint, fetchPoints, inclusiveKeys, redeemVoucher } from "../api";

/**
 * 扫码核销 at a partner canteen or station (the account of the union running it): a scanner types the
 * code into the field (or a cashier types it); each voucher is accepted once, a second scan is refused
 * with when and where it was used. A union without a point registers its canteen or station first.
 */
export function RedeemPage() {
  const queryClient = useQueryClient();
  const points = useQuery({ queryKey: inclusiveKeys.points, queryFn: ({ signal }) => fetchPoints(signal) });
  const [code, setCode] = useState("");
  const [last, setLast] = useState<VoucherRedeemResult | null>(null);
  const redeem = useMutation({
    mutationFn: redeemVoucher,
    onMutate: () => setLast(null),
    onSuccess: (r) => {
      setLast(r);
      setCode("");
      // Not awaited: the field stays loading (and Input.Search drops a scan) until onSuccess settles,
      // so waiting for the daily counts to refetch would swallow the next voucher scanned right after.
      void queryClient.invalidateQueries({ queryKey: inclusiveKeys.daily });
    },
  });
  const register = useMutation({ mutationFn: addPoint, onSuccess: () => queryClient.invalidateQueries({ queryKey: inclusiveKeys.points }) });

  if (points.isPending) return <Skeleton active />;
  if (points.isError) return <QueryErrorResult error={points.error} onRetry={() => void points.refetch()} />;
  const point = points.data.items[0];
  return (
    <>
      <PageHeader title="扫码核销" description="在合作食堂、职工驿站扫描会员出示的餐券二维码(扫码枪输入或手工输入12位餐券码)。每张餐券只能核销一次。" />
      {!point ? (
        <Card title="登记本工会的合作食堂或驿站" style={{ maxWidth: 480 }}>
          <Form layout="vertical" initialValues={{ kind: "canteen" }} onFinish={(v: { name: string; kind: "canteen" | "station" }) => register.mutate(v)}>
            <Form.Item name="name" label="网点名称" rules={[{ required: true, message: "请填写网点名称" }]}>
              <Input count={{ show: true, max: 40 }} />
            </Form.Item>
            <Form.Item name="kind" label="网点类型">
              <Select options={Object.entries(redemptionPointKindLabels).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            {register.isError ? <Alert type="error" showIcon title={errorMessage(register.error)} style={{ marginBottom: 12 }} /> : null}
            <Button type="primary" htmlType="submit" loading={register.isPending}>登记</Button>
          </Form>
        </Card>
      ) : (
        <Card title={<span><ScanOutlined /> {point.name}</span>} extra={redemptionPointKindLabels[point.kind]} style={{ maxWidth: 520 }}>
          <Flex vertical gap={12}>
            <Input.Search
              autoFocus
              size="large"
              aria-label="餐券码"
              placeholder="扫描或输入12位餐券码"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              enterButton="核销"
              loading={redeem.isPending}
              onSearch={(v) => v.trim() && redeem.mutate(v.trim())}
            />
            {last ? (
              <Result
                status="success"
                icon={<CheckCircleFilled />}
                title="核销成功"
                subTitle={`${last.memberNameMasked} · ${last.pointName} · ${dayjs(last.redeemedAt).format("HH:mm:ss")}`}
              />
            ) : null}
            {redeem.isError ? <Alert type="error" showIcon title="核销未通过" description={errorMessage(redeem.error)} /> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              同一餐券同时被两处扫码时，只有一处核销成功。
            </Typography.Text>
          </Flex>
        </Card>
      )}
    </>
  );
}
