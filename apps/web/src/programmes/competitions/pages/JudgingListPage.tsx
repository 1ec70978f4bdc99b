import { panelDutyLabels } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, List, Space, Tag } from "antd";
import { Link } from "react-router-dom";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { competitionKeys, competitionsApi } from "../api";
import { ResultStatusTag } from "../components/labels";

/** 评分任务: the events the user sits on the panel of, with the way into scoring (a judge's phone starts here). */
export function JudgingListPage() {
  const q = useQuery({ queryKey: [...competitionKeys.all, "judging"], queryFn: () => competitionsApi.judging() });
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <PageHeader title="评分任务" description="您担任裁判员、裁判长或监督仲裁的赛项。评分按参赛号进行，选手姓名不显示。" />
      <Card styles={{ body: { paddingTop: 0 } }}>
        <List
          loading={q.isPending}
          locale={{ emptyText: <Empty description="您目前没有担任任何赛项的裁判" /> }}
          dataSource={q.data ?? []}
          renderItem={(v) => (
            <List.Item
              style={{ flexWrap: "wrap", gap: 8 }}
              actions={[
                v.event.judgingOpenedAt && v.event.status === "draft" ? (
                  <Link key="s" to={`/competition-events/${v.event.id}/scoring`}>
                    <Button type="primary">评分与复核</Button>
                  </Link>
                ) : (
                  <Link key="o" to={`/competition-events/${v.event.id}`}>
                    <Button>查看</Button>
                  </Link>
                ),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={`/competition-events/${v.event.id}`}>{v.event.name}</Link>
                    <ResultStatusTag status={v.event.status} />
                    {v.duties.map((d) => (
                      <Tag key={d} color="purple">
                        {panelDutyLabels[d]}
                      </Tag>
                    ))}
                  </Space>
                }
                description={
                  <Space wrap size={4}>
                    <span>{`${v.competitionName} · ${v.startsOn}`}</span>
                    {v.progress.allocated > 0 ? (
                      <Tag color={v.progress.entered < v.progress.allocated ? "orange" : "green"}>
                        {v.progress.entered < v.progress.allocated ? `待评 ${v.progress.allocated - v.progress.entered} 项` : "本人评分已完成"}（共 {v.progress.allocated} 项）
                      </Tag>
                    ) : (
                      <Tag>未分配评分任务</Tag>
                    )}
                    {v.progress.toVerify > 0 && v.event.status === "draft" ? <Tag color="blue">待复核 {v.progress.toVerify} 项</Tag> : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
