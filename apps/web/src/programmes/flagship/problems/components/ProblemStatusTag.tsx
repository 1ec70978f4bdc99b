import { problemStatusLabels, type ProblemStatus } from "@jiangxin/domain";
import { Tag } from "antd";
import { problemStatusColors } from "../problemLabels";

export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  return (
    <Tag color={problemStatusColors[status]} style={{ marginInlineEnd: 0 }}>
      {problemStatusLabels[status]}
    </Tag>
  );
}
