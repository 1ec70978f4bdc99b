import { ArrowLeftOutlined, PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { problemStatusLabels, type ProblemDetail, type ProblemMoveOption, type ProblemStatus } from "@jiangxin/domain";
import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Badge, Button, Card, Col, Empty, Flex, Result, Row, Segmented, Space, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../../../app/ApiError";
import { PageLoading } from "../../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { useCan } from "../../../../app/session";
import { useIsMobile } from "../../../../app/useIsMobile";
import { getProblem } from "../../problems/api";
import { expertLabel } from "../../experts/expertLabel";
import { MoveDialog } from "../../problems/components/MoveDialog";
import { problemQueryKeys } from "../../problems/problemQueryKeys";
import { getThreeLists } from "../api";
import { OnSiteProblemDrawer } from "../components/OnSiteProblemDrawer";
import { ProblemCard } from "../components/ProblemCard";
import { ProgressCard } from "../components/ProgressCard";
import { TeamCard } from "../components/TeamCard";
import { serviceSessionQueryKeys } from "../serviceSessionQueryKeys";

type ListKey = "problems" | "team" | "progress";

function Column({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <Card
      title={
        <Space>
          {title}
          <Badge count={count} showZero color="#1677ff" />
        </Space>
      }
      styles={{ body: { padding: 12, background: "#fafafa" } }}
      style={{ height: "100%" }}
    >
      <Flex vertical gap={8}>
        {children}
      </Flex>
    </Card>
  );
}

/**
 * 现场三张清单 (难题—专家—进度): side by side on a desktop, one at a time behind a big switch on a
 * phone, where the team uses it standing in the workshop.
 */
export function OnSitePage() {
  const { id = "" } = useParams();
  const isMobile = useIsMobile();
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<ListKey>("problems");
  const [adding, setAdding] = useState(false);
  const [moving, setMoving] = useState<{ detail: ProblemDetail; move: ProblemMoveOption } | null>(null);

  const lists = useQuery({ queryKey: serviceSessionQueryKeys.threeLists(id), queryFn: ({ signal }) => getThreeLists(id, signal) });
  const problems = lists.data?.problems ?? [];
  // Each problem's legal moves come from its detail, so the buttons are exactly what the server will accept.
  const details = useQueries({
    queries: problems.map((p) => ({
      queryKey: problemQueryKeys.detail(p.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getProblem(p.id, signal),
      retry: false,
    })),
  });

  if (lists.isPending) return <PageLoading rows={8} />;
  if (lists.isError) {
    const error = lists.error;
    if (error instanceof ApiError && (error.code === "NOT_FOUND" || error.code === "VALIDATION_FAILED")) {
      return (
        <Result
          status="404"
          title="未找到该服务场次"
          subTitle="该场次不存在，或您不在其服务团队/管辖范围内。"
          extra={
            <Link to="/service-sessions">
              <Button type="primary">返回服务场次</Button>
            </Link>
          }
        />
      );
    }
    return <QueryErrorResult error={error} onRetry={() => void lists.refetch()} />;
  }

  const { session } = lists.data;
  const canAdd = can("serviceSession.onSite");
  const byStatus = new Map<ProblemStatus, number>();
  for (const p of problems) byStatus.set(p.status, (byStatus.get(p.status) ?? 0) + 1);

  const problemList =
    problems.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canAdd ? "还没有难题，点“现场新增难题”记录第一个" : "还没有难题"} />
    ) : (
      problems.map((p, i) => <ProblemCard key={p.id} problem={p} index={i} />)
    );
  const teamList = session.experts.map((x) => <TeamCard key={x.id} member={x} problems={problems} />);
  const progressList =
    problems.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="难题记录后在这里推进进度" />
    ) : (
      problems.map((p, i) => {
        const detail = details[i];
        return detail ? <ProgressCard key={p.id} problem={p} detail={detail} onMove={(d, move) => setMoving({ detail: d, move })} /> : null;
      })
    );

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            现场三张清单
          </Typography.Title>
          <Typography.Text type="secondary">
            {session.date} · {session.countyName} · {session.title}
          </Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary">服务企业：{session.enterprises.map((e) => e.name).join("、")}</Typography.Text>
          </div>
        </div>
        <Flex gap={8} wrap style={isMobile ? { width: "100%" } : undefined}>
          {canAdd ? (
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setAdding(true)} block={isMobile}>
              现场新增难题
            </Button>
          ) : null}
          <Button size="large" icon={<ReloadOutlined />} onClick={() => void lists.refetch()} loading={lists.isFetching} aria-label="刷新" />
          <Link to={`/service-sessions/${session.id}`}>
            <Button size="large" icon={<ArrowLeftOutlined />}>
              场次详情
            </Button>
          </Link>
        </Flex>
      </Flex>
      <Flex gap={6} wrap style={{ marginBottom: 12 }}>
        <Tag color="blue">难题 {problems.length}</Tag>
        <Tag color="purple">专家 {session.experts.length}</Tag>
        <Tag color="gold">已提方案 {session.solutionsProposed} 项</Tag>
        {[...byStatus].map(([status, n]) => (
          <Tag key={status}>
            {problemStatusLabels[status]} {n}
          </Tag>
        ))}
      </Flex>

      {isMobile ? (
        <>
          {/* Stays under the app header (56 px) while the list scrolls, so switching lists is one tap away. */}
          <div style={{ position: "sticky", top: 56, zIndex: 5, background: "#f5f5f5", padding: "6px 0", marginBottom: 6 }}>
          <Segmented<ListKey>
            block
            size="large"
            value={tab}
            onChange={setTab}
            options={[
              { value: "problems", label: <div style={{ padding: "6px 0" }}>难题 {problems.length}</div> },
              { value: "team", label: <div style={{ padding: "6px 0" }}>专家 {session.experts.length}</div> },
              { value: "progress", label: <div style={{ padding: "6px 0" }}>进度</div> },
            ]}
          />
          </div>
          <Flex vertical gap={8}>
            {tab === "problems" ? problemList : tab === "team" ? teamList : progressList}
          </Flex>
        </>
      ) : (
        <Row gutter={12} align="stretch">
          <Col span={8}>
            <Column title="难题" count={problems.length}>
              {problemList}
            </Column>
          </Col>
          <Col span={8}>
            <Column title="专家" count={session.experts.length}>
              {teamList}
            </Column>
          </Col>
          <Col span={8}>
            <Column title="进度" count={problems.length}>
              {progressList}
            </Column>
          </Col>
        </Row>
      )}

      {canAdd ? (
        <OnSiteProblemDrawer
          open={adding}
          session={session}
          onClose={() => setAdding(false)}
          onCreated={(p) => {
            setAdding(false);
            void message.success(`已记录难题“${p.title}”，负责专家：${p.ownerExpertName ? expertLabel(p.ownerExpertName, p.ownerExpertDetail) : ""}`);
          }}
        />
      ) : null}
      {moving ? (
        <MoveDialog
          problem={moving.detail}
          move={moving.move}
          onClose={() => {
            setMoving(null);
            // The move changed a status the three lists show; MoveDialog refreshes the problem itself.
            void queryClient.invalidateQueries({ queryKey: serviceSessionQueryKeys.all });
          }}
        />
      ) : null}
    </>
  );
}
