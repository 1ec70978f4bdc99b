import { CalendarOutlined, PlusOutlined } from "@ant-design/icons";
import { demandListStatusLabels, todayInChina, type DemandListStatus } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Flex, List, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router-dom";
import { useCan } from "../../../app/session";
import { listDemandLists } from "../problems/api";
import { listServiceSessions } from "../serviceSessions/api";

const statusColors: Record<DemandListStatus, string> = { pending: "gold", inProgress: "processing", done: "success", withdrawn: "default" };

/**
 * An enterprise's 工作台 section: its demand lists with their status and progress (a list still 待受理
 * can be withdrawn on its page), and the coming visits to the firm.
 */
export function EnterpriseHome() {
  const can = useCan();
  const today = todayInChina(new Date());
  const lists = useQuery({ queryKey: ["home", "demandLists"], queryFn: ({ signal }) => listDemandLists({ page: 1, pageSize: 5 }, signal), staleTime: 0 });
  const visits = useQuery({ queryKey: ["home", "visits", today], queryFn: ({ signal }) => listServiceSessions({ page: 1, pageSize: 5, from: today }, signal), staleTime: 0 });
  return (
    <Flex vertical gap={16} style={{ marginBottom: 24 }}>
      <Card
        title="我的需求清单"
        extra={
          can("demand.submit") ? (
            <Link to="/demand-lists/new">
              <Button type="primary" icon={<PlusOutlined />}>
                提交需求
              </Button>
            </Link>
          ) : null
        }
        styles={{ body: { paddingTop: 0, paddingBottom: 0 } }}
      >
        <List
          loading={lists.isPending}
          dataSource={lists.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有提交过需求清单" /> }}
          renderItem={(l) => (
            <List.Item
              actions={[
                <Link key="open" to={`/demand-lists/${l.id}`}>
                  {l.status === "pending" ? "查看 / 撤回" : "查看"}
                </Link>,
              ]}
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <Tag color={statusColors[l.status]}>{demandListStatusLabels[l.status]}</Tag>
                  <Typography.Text>{dayjs(l.submittedAt).format("YYYY-MM-DD")} 提交</Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  难题 {l.problemCount} 个，已解决 {l.solvedCount} 个{l.pendingCount > 0 ? `，待受理 ${l.pendingCount} 个` : ""} · 培训需求 {l.trainingNeedCount} 项
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Card title="走访安排" styles={{ body: { paddingTop: 0, paddingBottom: 0 } }}>
        <List
          loading={visits.isPending}
          dataSource={visits.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无走访安排" /> }}
          renderItem={(s) => (
            <List.Item actions={[<Link key="open" to={`/service-sessions/${s.id}`}>查看</Link>]}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Typography.Text>
                  <CalendarOutlined /> {s.date} · {s.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  专家：{s.experts.map((e) => e.name).join("、") || "待定"}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
