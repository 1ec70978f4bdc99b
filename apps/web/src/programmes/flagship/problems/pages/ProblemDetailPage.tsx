import { ArrowLeftOutlined } from "@ant-design/icons";
import { problemStatuses, trades, urgencyLabels, type ProblemMoveOption, type ProblemStatus } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Descriptions, Empty, Flex, Rate, Result, Row, Tag, Typography, type DescriptionsProps } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../../../app/ApiError";
import { AttachmentPanel } from "../../../../app/attachments";
import { PageHeader } from "../../../../app/components/PageHeader";
import { PageLoading } from "../../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { useCan, useSession } from "../../../../app/session";
import { useIsMobile } from "../../../../app/useIsMobile";
import { mayAttach } from "../../attachments/mayAttach";
import { OutcomePanel } from "../../outcomes/components/OutcomePanel";
import { getProblem } from "../api";
import { MoveDialog } from "../components/MoveDialog";
import { NoteForm } from "../components/NoteForm";
import { ProblemStatusTag } from "../components/ProblemStatusTag";
import { ProblemTeamCard } from "../components/ProblemTeamCard";
import { ProblemTimeline } from "../components/ProblemTimeline";
import { RatingForm } from "../components/RatingForm";
import { urgencyColors } from "../problemLabels";
import { problemQueryKeys } from "../problemQueryKeys";
import { ProblemCorrectActions } from "../components/ProblemCorrectActions";
import { VoidedAlert } from "../../corrections/components/VoidedAlert";
import { ExpertName } from "../../experts/ExpertName";

/**
 * Rejecting or closing shows as a danger button, a step back (withdrawing an assignment) as a plain
 * one, and the first step forward as the primary one.
 */
function buttonProps(move: ProblemMoveOption, primaryTo: ProblemStatus | undefined) {
  if (move.to === "rejected" || move.to === "closed") return { danger: true } as const;
  return move.to === primaryTo ? ({ type: "primary" } as const) : ({} as const);
}
const isForward = (from: ProblemStatus, move: ProblemMoveOption) =>
  move.to !== "rejected" && move.to !== "closed" && problemStatuses.indexOf(move.to) > problemStatuses.indexOf(from);

export function ProblemDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const isMobile = useIsMobile();
  const can = useCan();
  const { user } = useSession();
  const [move, setMove] = useState<ProblemMoveOption | null>(null);
  const problem = useQuery({ queryKey: problemQueryKeys.detail(id), queryFn: ({ signal }) => getProblem(id, signal) });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === "default" ? navigate("/problems") : navigate(-1))}>
      返回
    </Button>
  );

  if (problem.isPending) return <PageLoading rows={10} />;
  if (problem.isError) {
    const error = problem.error;
    const notFound = error instanceof ApiError && (error.code === "NOT_FOUND" || (error.code === "VALIDATION_FAILED" && "id" in error.fields));
    if (notFound) {
      return (
        <Result
          status="404"
          title="未找到该难题"
          subTitle="该难题不存在，或不在您的查看范围内。"
          extra={
            <Link to="/problems">
              <Button type="primary">返回难题列表</Button>
            </Link>
          }
        />
      );
    }
    return <QueryErrorResult error={error} onRetry={() => void problem.refetch()} />;
  }

  const p = problem.data;
  const items: DescriptionsProps["items"] = [
    { key: "status", label: "当前状态", children: <ProblemStatusTag status={p.status} /> },
    { key: "changed", label: "状态更新", children: dayjs(p.statusChangedAt).format("YYYY-MM-DD HH:mm") },
    { key: "enterprise", label: "企业", children: can("enterprise.detail") ? <Link to={`/enterprises/${p.enterpriseId}`}>{p.enterpriseName}</Link> : p.enterpriseName },
    { key: "county", label: "所在县区", children: p.countyName },
    { key: "trade", label: "所需工种", children: trades[p.trade] },
    { key: "urgency", label: "紧急程度", children: <Tag color={urgencyColors[p.urgency]}>{urgencyLabels[p.urgency]}</Tag> },
    { key: "owner", label: "负责专家", children: p.ownerExpertName ? <ExpertName name={p.ownerExpertName} detail={p.ownerExpertDetail} block /> : <Typography.Text type="secondary">未指派</Typography.Text> },
    {
      key: "source",
      label: "来源",
      // Experts reach problems, not the enterprise's demand lists.
      children: p.demandListId ? (user.role === "expert" ? "需求清单" : <Link to={`/demand-lists/${p.demandListId}`}>需求清单</Link>) : p.sessionId ? "现场服务中发现" : "—",
    },
    { key: "description", label: "难题描述", span: "filled", children: <span style={{ whiteSpace: "pre-wrap" }}>{p.description}</span> },
    ...(p.solution ? [{ key: "solution", label: "解决方案", span: "filled" as const, children: <span style={{ whiteSpace: "pre-wrap" }}>{p.solution}</span> }] : []),
    ...(p.solvedAt ? [{ key: "solvedAt", label: "解决时间", children: dayjs(p.solvedAt).format("YYYY-MM-DD HH:mm") }] : []),
    { key: "created", label: "登记时间", children: dayjs(p.createdAt).format("YYYY-MM-DD HH:mm") },
  ];

  const primaryTo = p.moves.find((m) => isForward(p.status, m))?.to;
  const actions =
    p.moves.length > 0 ? (
      <Flex gap={8} wrap>
        {p.moves.map((m) => (
          <Button key={m.to} size={isMobile ? "large" : "middle"} block={isMobile} {...buttonProps(m, primaryTo)} onClick={() => setMove(m)}>
            {m.label}
          </Button>
        ))}
      </Flex>
    ) : null;

  return (
    <>
      <PageHeader
        title={p.title}
        description={
          <>
            {p.code} · {p.enterpriseName}
          </>
        }
        extra={
          <>
            <ProblemCorrectActions problem={p} />
            {back}
          </>
        }
      />
      <VoidedAlert voided={p.voided} what="难题" />
      {actions ? (
        <Card size="small" title="下一步" style={{ marginBottom: 16 }}>
          {actions}
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="难题信息">
            <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} size="small" styles={{ label: { whiteSpace: "nowrap" } }} />
          </Card>
          <ProblemTeamCard problem={p} />
          {p.rating || p.canRate ? (
            <Card title="企业评价" style={{ marginTop: 16 }}>
              {p.rating ? (
                <Flex vertical gap={4}>
                  <Rate disabled value={p.rating.score} />
                  {p.rating.comment ? <Typography.Paragraph style={{ margin: 0 }}>{p.rating.comment}</Typography.Paragraph> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(p.rating.at).format("YYYY-MM-DD HH:mm")}
                  </Typography.Text>
                </Flex>
              ) : (
                <RatingForm problemId={p.id} />
              )}
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={10}>
          <Card title="进展时间线">
            {p.events.length > 0 ? <ProblemTimeline events={p.events} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />}
            {p.canNote ? <NoteForm problemId={p.id} /> : null}
          </Card>
          <AttachmentPanel ownerKind="flagship.problem" ownerId={p.id} title="照片与附件" canUpload={mayAttach(user.role)} emptyText="暂无照片。现场照片、故障图片、说明文档可在此上传" style={{ marginTop: 16 }} />
        </Col>
      </Row>
      <OutcomePanel problemId={p.id} />
      {move ? <MoveDialog key={move.to} problem={p} move={move} onClose={() => setMove(null)} /> : null}
    </>
  );
}
