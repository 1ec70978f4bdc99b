import { FilePdfOutlined } from "@ant-design/icons";
import { goldBlueCollarStatusLabels, todayInChina, type GoldBlueCollar } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Flex, Segmented, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { ApiError } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { competitionKeys, competitionsApi } from "../api";

/** 浙江金蓝领: every event's top three, nominated when its results are final; the province approves, the certificate prints with its QR code. */
export function GoldBlueCollarPage() {
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const thisYear = Number(todayInChina(new Date()).slice(0, 4));
  // All years by default: nominations wait for the province whatever year their competition was.
  const [year, setYear] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<string>("all");
  const query = { year, status: status === "all" ? undefined : status };
  const list = useQuery({ queryKey: [...competitionKeys.all, "gbc", query], queryFn: () => competitionsApi.goldBlueCollars(query) });
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: "approve" | "decline" }) => competitionsApi.decideGoldBlueCollar(v.id, v.decision),
    onSuccess: (g) => {
      void client.invalidateQueries({ queryKey: competitionKeys.all });
      void message.success(g.status === "approved" ? `已认定${g.personName}，证书编号 ${g.certificateNo}，技能等级已晋升` : `已不予认定${g.personName}`);
    },
    onError: (err) => void message.error(err instanceof ApiError ? err.message : "操作失败"),
  });
  return (
    <>
      <PageHeader title="浙江金蓝领" description="各赛项成绩确定后前三名自动提名，经省总工会审核认定，颁发证书并晋升一级职业技能等级。" />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap>
          <Select aria-label="年度" value={year} onChange={setYear} allowClear placeholder="全部年度" style={{ width: 120 }} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} />
          <Segmented value={status} onChange={(v) => setStatus(String(v))} options={[{ value: "all", label: "全部" }, { value: "nominated", label: "待审核" }, { value: "approved", label: "已认定" }]} />
        </Flex>
      </Card>
      {list.isError ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<GoldBlueCollar>
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            columns={[
              { title: "姓名", dataIndex: "personName", key: "name", width: 90 },
              { title: "赛项", key: "event", render: (_, g) => `${g.competitionName} · ${g.eventName}` },
              { title: "名次", dataIndex: "place", key: "place", width: 60 },
              { title: "状态", key: "status", width: 90, render: (_, g) => <Tag color={g.status === "approved" ? "green" : g.status === "nominated" ? "orange" : "default"}>{goldBlueCollarStatusLabels[g.status]}</Tag> },
              { title: "证书编号", dataIndex: "certificateNo", key: "no", width: 150, render: (n: string | null) => n ?? "—" },
              {
                title: "操作",
                key: "act",
                width: 190,
                render: (_, g) =>
                  g.status === "nominated" && can("competition.approve") ? (
                    <Space>
                      <Button type="primary" size="small" loading={decide.isPending && decide.variables?.id === g.id} onClick={() => decide.mutate({ id: g.id, decision: "approve" })}>
                        认定
                      </Button>
                      <Button size="small" onClick={() => decide.mutate({ id: g.id, decision: "decline" })}>
                        不予认定
                      </Button>
                    </Space>
                  ) : g.status === "approved" ? (
                    <a href={`/api/gold-blue-collars/${g.id}/certificate.pdf`} target="_blank" rel="noreferrer">
                      <Button size="small" icon={<FilePdfOutlined />}>
                        证书
                      </Button>
                    </a>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
