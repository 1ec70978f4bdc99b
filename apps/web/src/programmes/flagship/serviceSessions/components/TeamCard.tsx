import type { Problem, ServiceSession } from "@jiangxin/domain";
import { Card, Flex, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { ProblemStatusTag } from "../../problems/components/ProblemStatusTag";

type Member = ServiceSession["experts"][number];

/** One team member on the 专家 list with the problems it owns in this session. */
export function TeamCard({ member, problems }: { member: Member; problems: Problem[] }) {
  const owned = member.problemIds.map((id) => problems.find((p) => p.id === id)).filter((p): p is Problem => p !== undefined);
  return (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="center" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Link to={`/experts/${member.id}`} style={{ fontWeight: 500, fontSize: 15 }}>
            {member.name}
          </Link>
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12, overflowWrap: "anywhere" }}>
            {member.detail}
          </Typography.Text>
        </div>
        <Flex gap={4}>
          {member.leader ? <Tag color="red">带队</Tag> : null}
          <Tag>{owned.length} 个难题</Tag>
        </Flex>
      </Flex>
      {owned.length === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          暂未负责难题
        </Typography.Text>
      ) : (
        <ul style={{ margin: "8px 0 0", paddingInlineStart: 18 }}>
          {owned.map((p) => (
            <li key={p.id} style={{ marginBottom: 4 }}>
              <Flex justify="space-between" gap={8} align="center">
                <Typography.Text ellipsis style={{ fontSize: 13 }}>
                  {p.title}
                </Typography.Text>
                <ProblemStatusTag status={p.status} />
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
