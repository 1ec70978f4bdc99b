import { priorityKindLabels, type PriorityKind } from "@jiangxin/domain";
import { Tag } from "antd";

const colors: Record<PriorityKind, string> = { mountainous: "green", island: "blue" };

export function PriorityTags({ kinds }: { kinds: readonly PriorityKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <>
      {kinds.map((kind) => (
        <Tag key={kind} color={colors[kind]} style={{ marginInlineEnd: 4 }}>
          {priorityKindLabels[kind]}
        </Tag>
      ))}
    </>
  );
}
