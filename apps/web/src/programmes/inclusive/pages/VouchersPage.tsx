import { GiftOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, InputNumber, Skeleton, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { fetchDaily, inclusiveKeys, issueVouchers } from "../api";

/** 爱心午餐券: issue to the members in reach (a union's own, staff's area) and the meals counted per day. */
export function VouchersPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const daily = useQuery({ queryKey: inclusiveKeys.daily, queryFn: ({ signal }) => fetchDaily(signal) });
  const [perMember, setPerMember] = useState(4);
  const issue = useMutation({
    mutationFn: issueVouchers,
    onSuccess: async (r) => {
      void message.success(`已向${r.members}名会员发放${r.vouchers}张餐券`);
      await queryClient.invalidateQueries({ queryKey: inclusiveKeys.daily });
    },
  });
  return (
    <>
      <PageHeader title="爱心午餐券" description="向在会会员发放餐券(基层工会发给本会会员，工作人员发给辖区会员)，在合作食堂、驿站扫码核销，按日统计。" />
      <Flex vertical gap={16}>
        <Card title={<span><GiftOutlined /> 发放餐券</span>}>
          <Flex gap={8} wrap align="center">
            <Typography.Text>每名在会会员</Typography.Text>
            <InputNumber aria-label="每人张数" value={perMember} onChange={(v) => setPerMember(v ?? 1)} />
            <Typography.Text>张，有效期31天</Typography.Text>
            <Button type="primary" loading={issue.isPending} onClick={() => issue.mutate({ perMember, validDays: 31 })}>发放</Button>
          </Flex>
          {issue.isError ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(issue.error)} /> : null}
        </Card>
        {daily.isPending ? (
          <Skeleton active />
        ) : daily.isError ? (
          <QueryErrorResult error={daily.error} onRetry={() => void daily.refetch()} />
        ) : (
          <>
            <Flex gap={16} wrap>
              <Card size="small"><Statistic title="已发放" value={daily.data.issued} suffix="张" /></Card>
              <Card size="small"><Statistic title="已核销" value={daily.data.redeemed} suffix="份" /></Card>
              <Card size="small"><Statistic title="近30天核销" value={daily.data.days.reduce((n, d) => n + d.count, 0)} suffix="份" /></Card>
            </Flex>
            <Card title="每日核销份数(近30天)">
              <Table
                size="small"
                rowKey="day"
                pagination={false}
                scroll={{ x: "max-content", y: 320 }}
                dataSource={[...daily.data.days].reverse()}
                columns={[
                  { title: "日期", dataIndex: "day" },
                  { title: "核销份数", dataIndex: "count", align: "right" },
                ]}
              />
            </Card>
            <Card title="各网点核销(近30天)">
              <Table
                size="small"
                rowKey="name"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: "max-content" }}
                dataSource={daily.data.points}
                columns={[
                  { title: "网点", dataIndex: "name" },
                  { title: "所在地", dataIndex: "countyName" },
                  { title: "核销份数", dataIndex: "count", align: "right" },
                ]}
              />
            </Card>
          </>
        )}
      </Flex>
    </>
  );
}
