import type { Problem, ProblemDetail, ProblemMoveOption } from "@jiangxin/domain";
import type { UseQueryResult } from "@tanstack/react-query";
import { Button, Card, Flex, Typography } from "antd";
import dayjs from "dayjs";
import { expertLabel } from "../../experts/expertLabel";
import { ProblemStatusTag } from "../../problems/components/ProblemStatusTag";

interface ProgressCardProps {
  problem: Problem;
  /** The problem's detail: its `moves` are the ones the server allows this user now. */
  detail: UseQueryResult<ProblemDetail>;
  onMove: (detail: ProblemDetail, move: ProblemMoveOption) => void;
}

/** One problem on the 进度 list: where it stands and, as big buttons, the legal next moves. */
export function ProgressCard({ problem, detail, onMove }: ProgressCardProps) {
  const moves = detail.data?.moves ?? [];
  return (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong ellipsis style={{ fontSize: 15 }}>
          {problem.title}
        </Typography.Text>
        <ProblemStatusTag status={problem.status} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {problem.ownerExpertName ? expertLabel(problem.ownerExpertName, problem.ownerExpertDetail) : "未指定"} · {dayjs(problem.statusChangedAt).format("MM-DD HH:mm")} 更新
      </Typography.Text>
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        {detail.isPending ? (
          <Button size="large" loading disabled>
            加载操作
          </Button>
        ) : moves.length === 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {detail.isError ? "仅负责专家或县级工会可推进" : "当前无可进行的操作"}
          </Typography.Text>
        ) : (
          moves.map((m) => (
            <Button
              key={m.to}
              size="large"
              type={m.to === "solutionProposed" ? "primary" : "default"}
              style={{ minHeight: 44 }}
              onClick={() => detail.data && onMove(detail.data, m)}
            >
              {m.to === "solutionProposed" ? "提出方案" : m.label}
            </Button>
          ))
        )}
      </Flex>
    </Card>
  );
}
