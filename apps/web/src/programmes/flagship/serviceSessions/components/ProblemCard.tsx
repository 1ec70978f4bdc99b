import { trades, type Problem } from "@jiangxin/domain";
import { Card, Flex, Typography } from "antd";
import { Link } from "react-router-dom";
import { expertLabel } from "../../experts/expertLabel";
import { ProblemStatusTag } from "../../problems/components/ProblemStatusTag";

/** One problem on the 难题 list: what, where, who owns it, and the solution once proposed. */
export function ProblemCard({ problem, index }: { problem: Problem; index: number }) {
  return (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Link to={`/problems/${problem.id}`} style={{ fontWeight: 500, fontSize: 15 }}>
          {index + 1}. {problem.title}
        </Link>
        <ProblemStatusTag status={problem.status} />
      </Flex>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: "6px 0", fontSize: 13 }}>
        {problem.description}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {trades[problem.trade]} · 负责：{problem.ownerExpertName ? expertLabel(problem.ownerExpertName, problem.ownerExpertDetail) : "未指定"} · {problem.enterpriseName}
      </Typography.Text>
      {problem.solution ? (
        <Typography.Paragraph style={{ margin: "6px 0 0", fontSize: 13, background: "#fffbe6", padding: "4px 8px", borderRadius: 4 }}>
          方案：{problem.solution}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
