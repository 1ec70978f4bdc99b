import { CalendarOutlined, CameraOutlined, EditOutlined, RightOutlined } from "@ant-design/icons";
import { urgencyLabels, type MyTask, type MyTasks, type TaskEnterprise } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Flex, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { AddressLinks } from "../../../../app/components/AddressLinks";
import { PageHeader } from "../../../../app/components/PageHeader";
import { PageLoading } from "../../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { ProblemStatusTag } from "../../problems/components/ProblemStatusTag";
import { urgencyColors } from "../../problems/problemLabels";
import { getMyTasks, myTaskQueryKeys } from "../api";
import { CallButton } from "../components/CallButton";
import { ProgressDrawer } from "../components/ProgressDrawer";

const weekdays = ["日", "一", "二", "三", "四", "五", "六"];
/** "今天", "明天", or "12月5日 周六". */
function dayText(date: string, today: string): string {
  const days = dayjs(date).diff(dayjs(today), "day");
  if (days === 0) return "今天";
  if (days === 1) return "明天";
  const d = dayjs(date);
  return `${d.month() + 1}月${d.date()}日 周${weekdays[d.day()]}`;
}

/** The firm as an expert on its way needs it: name (its page), address with map links, whom to call. */
function FirmBlock({ firm }: { firm: TaskEnterprise }) {
  return (
    <Flex vertical gap={6}>
      <Link to={`/enterprises/${firm.id}`}>
        <Typography.Text strong>{firm.name}</Typography.Text>
      </Link>
      <AddressLinks address={firm.address} cityName={firm.cityName} countyName={firm.countyName} countyCode={firm.countyCode} />
      {firm.address ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {firm.cityName}
          {firm.countyName}
        </Typography.Text>
      )}
      <Flex align="center" gap={8} wrap>
        <Typography.Text type="secondary">联系人 {firm.contactName}</Typography.Text>
        <CallButton enterpriseId={firm.id} contactName={firm.contactName} />
      </Flex>
    </Flex>
  );
}

function TaskCard({ task, today, onProgress }: { task: MyTask; today: string; onProgress: () => void }) {
  const navigate = useNavigate();
  const visitToday = task.nextVisit?.date === today;
  return (
    <Card size="small" style={{ marginBottom: 12, borderColor: visitToday ? "#c41d1d" : undefined }} data-testid="task-card">
      <Flex vertical gap={8}>
        <Flex gap={6} wrap align="center">
          {visitToday ? <Tag color="red">今日走访</Tag> : null}
          <ProblemStatusTag status={task.status} />
          <Tag color={urgencyColors[task.urgency]}>{urgencyLabels[task.urgency]}</Tag>
          <Tag>{task.role === "owner" ? "负责专家" : "协助专家"}</Tag>
        </Flex>
        <Link to={`/problems/${task.problemId}`}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {task.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {task.code}
          </Typography.Text>
        </Link>
        <Typography.Text type={visitToday ? undefined : "secondary"}>
          <CalendarOutlined /> {task.nextVisit ? `${dayText(task.nextVisit.date, today)}走访：${task.nextVisit.title}` : "暂无走访安排"}
        </Typography.Text>
        <FirmBlock firm={task.enterprise} />
        <Flex gap={8}>
          <Button type="primary" size="large" icon={<EditOutlined />} onClick={onProgress} style={{ flex: 1, minWidth: 0 }}>
            记录进展
          </Button>
          <Button size="large" icon={<CameraOutlined />} onClick={() => void navigate(`/problems/${task.problemId}`)} style={{ flex: 1, minWidth: 0 }}>
            照片 {task.photoCount} · 详情 <RightOutlined />
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

function Visits({ data }: { data: MyTasks }) {
  if (data.visits.length === 0) return null;
  return (
    <>
      <Typography.Title level={5}>走访安排</Typography.Title>
      {data.visits.map((v) => (
        <Card key={v.sessionId} size="small" style={{ marginBottom: 12 }} title={`${dayText(v.date, data.today)} · ${v.title}`} extra={<Link to={`/service-sessions/${v.sessionId}`}>场次</Link>}>
          <Flex vertical gap={12}>
            {v.enterprises.map((firm) => (
              <FirmBlock key={firm.id} firm={firm} />
            ))}
          </Flex>
        </Card>
      ))}
    </>
  );
}

/**
 * 我的任务, the expert's home on a phone: its open problems (today's visit first) with where to go, whom
 * to call and a one-tap 记录进展 with photos; then its coming visits. Works at 390 px: one column, big buttons.
 */
export function MyTasksPage() {
  return <MyTasksView />;
}

/** The expert's 工作台 section: the first tasks (today's visit first) and a link to the whole page. */
export function MyTasksHome() {
  return <MyTasksView limit={3} />;
}

function MyTasksView({ limit }: { limit?: number }) {
  const tasks = useQuery({ queryKey: myTaskQueryKeys.all, queryFn: ({ signal }) => getMyTasks(signal), staleTime: 0 });
  const [progress, setProgress] = useState<MyTask | null>(null);
  if (tasks.isPending) return <PageLoading rows={6} />;
  if (tasks.isError) return <QueryErrorResult error={tasks.error} onRetry={() => void tasks.refetch()} />;
  const data = tasks.data;
  const todayCount = data.tasks.filter((t) => t.nextVisit?.date === data.today).length;
  const summary = `${dayjs(data.today).format("YYYY年M月D日")} 周${weekdays[dayjs(data.today).day()]} · 在办难题 ${data.tasks.length} 个${todayCount > 0 ? `，今日走访 ${todayCount} 个` : ""}`;
  const shown = limit === undefined ? data.tasks : data.tasks.slice(0, limit);
  return (
    <div style={{ maxWidth: 720, marginBottom: limit === undefined ? 0 : 24 }}>
      {limit === undefined ? (
        <PageHeader title="我的任务" description={summary} />
      ) : (
        <Flex justify="space-between" align="baseline" gap={8} wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            我的任务
          </Typography.Title>
          <Typography.Text type="secondary">{summary}</Typography.Text>
          <Link to="/my-tasks">全部任务与走访安排</Link>
        </Flex>
      )}
      {data.tasks.length === 0 ? (
        <Card style={{ marginBottom: 16 }}>
          <Empty description="暂无在办难题。县总工会指派后，难题会出现在这里" />
        </Card>
      ) : (
        shown.map((task) => <TaskCard key={task.problemId} task={task} today={data.today} onProgress={() => setProgress(task)} />)
      )}
      {limit === undefined ? <Visits data={data} /> : null}
      {limit !== undefined && data.tasks.length > limit ? <Link to="/my-tasks">还有 {data.tasks.length - limit} 个在办难题，查看全部</Link> : null}
      {progress ? <ProgressDrawer task={progress} onClose={() => setProgress(null)} /> : null}
    </div>
  );
}
