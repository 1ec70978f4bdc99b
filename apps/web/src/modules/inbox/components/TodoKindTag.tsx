import { todoKindLabels, type TodoKind } from "@jiangxin/domain";
import { Tag } from "antd";

const colors: Record<TodoKind, string> = { toAccept: "blue", toReview: "purple", assigned: "green", urge: "red" };

export function TodoKindTag({ kind }: { kind: TodoKind }) {
  return (
    <Tag color={colors[kind]} style={{ marginInlineEnd: 0 }}>
      {todoKindLabels[kind]}
    </Tag>
  );
}
