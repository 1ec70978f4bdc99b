import { PlusOutlined } from "@ant-design/icons";
import { competitionLevelLabels, competitionTierLabels, prizeLabels, prizeKinds, totalPrizes, type CompetitionEvent } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Empty, Flex, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { PageHeader } from "../../../app/components/PageHeader";
import { PageLoading } from "../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { competitionKeys, competitionsApi } from "../api";
import { EventFormModal } from "../components/EventFormModal";
import { ResultStatusTag } from "../components/labels";
import { RegisterButton } from "../components/RegisterButton";

/** One competition: where and when, who organises it, and its events with their state; register from here. */
export function CompetitionDetailPage() {
  const { id = "" } = useParams();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const q = useQuery({ queryKey: [...competitionKeys.all, "detail", id], queryFn: () => competitionsApi.get(id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const prizes = (e: CompetitionEvent) =>
    prizeKinds
      .filter((k) => e.prizeCounts[k] > 0)
      .map((k) => `${prizeLabels[k]}${e.prizeCounts[k]}名`)
      .join("、");
  return (
    <>
      <PageHeader
        title={c.name}
        description={
          <Space size={4} wrap>
            <Tag color={c.tier === "key" ? "red" : c.tier === "model" ? "gold" : "default"}>{competitionTierLabels[c.tier]}</Tag>
            <Tag>{competitionLevelLabels[c.level]}</Tag>
          </Space>
        }
        extra={
          can("competition.write") ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新建赛项
            </Button>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="主办">{c.organiserUnionName}</Descriptions.Item>
          <Descriptions.Item label="日期">{c.startsOn === c.endsOn ? c.startsOn : `${c.startsOn} 至 ${c.endsOn}`}</Descriptions.Item>
          <Descriptions.Item label="地点">{c.venue}</Descriptions.Item>
          <Descriptions.Item label="举办地">{c.countyName}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`赛项(${c.events.length})`} styles={{ body: { paddingTop: 0 } }}>
        {c.events.length === 0 ? (
          <Empty description="尚未设置赛项" />
        ) : (
          <List
            dataSource={c.events}
            renderItem={(e) => (
              <List.Item>
                <Flex vertical gap={8} style={{ width: "100%" }}>
                  <List.Item.Meta
                    title={
                      <Flex gap={8} align="center" wrap>
                        <Link to={`/competition-events/${e.id}`}>{e.name}</Link>
                        {e.judgingOpenedAt ? <ResultStatusTag status={e.status} /> : e.entryNumbersDrawn ? <Tag>已抽签</Tag> : <Tag color="green">报名中</Tag>}
                      </Flex>
                    }
                    description={
                      <Typography.Text type="secondary">
                        {e.tradeName}（{e.tradeCode}）· 选手 {e.contestants} 人 · 奖项 {totalPrizes(e.prizeCounts)} 个：{prizes(e)}
                      </Typography.Text>
                    }
                  />
                  <Flex gap={8} wrap>
                    {!e.entryNumbersDrawn && can("competition.register") ? <RegisterButton eventId={e.id} eventName={e.name} /> : null}
                    <Link to={`/competition-events/${e.id}`}>
                      <Button>查看</Button>
                    </Link>
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      {adding ? <EventFormModal competitionId={c.id} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
