import { CheckCircleFilled, LoadingOutlined, ScanOutlined } from "@ant-design/icons";
import { redemptionPointKindLabels, type VoucherRedeemResult } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Form, Input, Result, Select, Skeleton, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useRef, useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { addPoint, fetchPoints, inclusiveKeys, redeemVoucher } from "../api";

/** One scan as the cashier sees it: running, accepted, or refused with the reason. */
type Scan = { id: number; code: string; at: string; state: "running" | "ok" | "refused"; result?: VoucherRedeemResult; error?: string };

/**
 * 扫码核销 at a partner canteen or station (the account of the union running it): a scanner types the
 * code into the field and presses Enter (or a cashier types it); each voucher is accepted once, a second
 * scan is refused with when and where it was used. A union without a point registers its canteen or station first.
 *
 * The field is never tied to a scan in flight: it is emptied when a scan is taken (not when its answer
 * comes, which wiped a code typed meanwhile) and never shows `loading` (Input.Search ignores Enter and
 * clicks while loading, so a scan made during a slow answer was dropped, and the button's name became
 * "loading 核销"). Each scan runs on its own and its answer lands on its own line.
 */
export function RedeemPage() {
  const queryClient = useQueryClient();
  const points = useQuery({ queryKey: inclusiveKeys.points, queryFn: ({ signal }) => fetchPoints(signal) });
  const [code, setCode] = useState("");
  const [scans, setScans] = useState<Scan[]>([]);
  const nextId = useRef(1);
  const settle = (id: number, change: Partial<Scan>) => setScans((all) => all.map((s) => (s.id === id ? { ...s, ...change } : s)));
  // Callbacks on the mutation itself (not per mutate call) run for every scan, not only the latest.
  const redeem = useMutation({
    mutationFn: ({ code: scanned }: { id: number; code: string }) => redeemVoucher(scanned),
    onSuccess: (result, { id }) => {
      settle(id, { state: "ok", result });
      void queryClient.invalidateQueries({ queryKey: inclusiveKeys.daily });
    },
    onError: (error, { id }) => settle(id, { state: "refused", error: errorMessage(error) }),
  });
  function scan(raw: string) {
    const scanned = raw.trim();
    if (!scanned) return;
    const id = nextId.current++;
    setCode("");
    setScans((all) => [{ id, code: scanned, at: dayjs().format("HH:mm:ss"), state: "running" as const }, ...all].slice(0, 8));
    redeem.mutate({ id, code: scanned });
  }
  const register = useMutation({ mutationFn: addPoint, onSuccess: () => queryClient.invalidateQueries({ queryKey: inclusiveKeys.points }) });

  if (points.isPending) return <Skeleton active />;
  if (points.isError) return <QueryErrorResult error={points.error} onRetry={() => void points.refetch()} />;
  const point = points.data.items[0];
  const [latest, ...earlier] = scans;
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
              onSearch={scan}
            />
            {latest ? <LatestScan scan={latest} /> : null}
            {earlier.length > 0 ? (
              <Flex vertical gap={4} role="list" aria-label="此前扫码">
                {earlier.map((s) => (
                  <Flex key={s.id} role="listitem" justify="space-between" wrap gap={8}>
                    <span style={{ fontFamily: "monospace" }}>{s.code}</span>
                    <span>
                      {s.at} <ScanTag scan={s} />
                    </span>
                  </Flex>
                ))}
              </Flex>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              同一餐券同时被两处扫码时，只有一处核销成功。
            </Typography.Text>
          </Flex>
        </Card>
      )}
    </>
  );
}

function LatestScan({ scan }: { scan: Scan }) {
  if (scan.state === "running") return <Alert type="info" showIcon icon={<LoadingOutlined />} title={`正在核销 ${scan.code}`} />;
  if (scan.state === "refused") return <Alert type="error" showIcon title="核销未通过" description={scan.error} />;
  const r = scan.result;
  return (
    <Result
      status="success"
      icon={<CheckCircleFilled />}
      title="核销成功"
      subTitle={r ? `${r.memberNameMasked} · ${r.pointName} · ${dayjs(r.redeemedAt).format("HH:mm:ss")}` : undefined}
    />
  );
}

function ScanTag({ scan }: { scan: Scan }) {
  if (scan.state === "running") return <Tag icon={<LoadingOutlined />}>核销中</Tag>;
  return scan.state === "ok" ? <Tag color="success">已核销 {scan.result?.memberNameMasked}</Tag> : <Tag color="error" title={scan.error}>未通过</Tag>;
}
