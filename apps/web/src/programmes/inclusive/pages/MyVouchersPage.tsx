import { useQuery } from "@tanstack/react-query";
import { Card, Empty, Flex, QRCode, Skeleton, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { fetchMyVouchers, inclusiveKeys } from "../api";

/** 我的餐券: each voucher's QR and code to show at a partner canteen or station; used ones say when and where. */
export function MyVouchersPage() {
  const mine = useQuery({ queryKey: inclusiveKeys.mine, queryFn: ({ signal }) => fetchMyVouchers(signal) });
  if (mine.isPending) return <Skeleton active />;
  if (mine.isError) return <QueryErrorResult error={mine.error} onRetry={() => void mine.refetch()} />;
  const { vouchers } = mine.data;
  return (
    <>
      <PageHeader title="我的餐券" description="爱心午餐(10元餐)：在合作食堂或职工驿站出示二维码，扫码核销，每张限用一次。" />
      {vouchers.length === 0 ? (
        <Empty description="暂无餐券：工会向在会会员发放" />
      ) : (
        <Flex wrap gap={12}>
          {vouchers.map((v) => (
            <Card key={v.id} size="small" style={{ width: 170, opacity: v.redeemedAt ? 0.6 : 1 }} data-testid="voucher">
              <Flex vertical align="center" gap={4}>
                {v.redeemedAt ? null : <QRCode value={v.code} size={120} bordered={false} />}
                <Typography.Text strong copyable={!v.redeemedAt} style={{ fontFamily: "monospace" }} data-testid="voucher-code">
                  {v.code}
                </Typography.Text>
                {v.redeemedAt ? (
                  <Tag>已使用 {dayjs(v.redeemedAt).format("MM-DD HH:mm")} {v.redeemedAtPoint ?? ""}</Tag>
                ) : (
                  <Tag color="green">可用 · 至{v.validUntil}</Tag>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>¥{(v.valueCents / 100).toFixed(0)} 一餐</Typography.Text>
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}
