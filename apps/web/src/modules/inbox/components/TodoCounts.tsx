import { todoKindLabels, todoKinds, type TodoKind } from "@jiangxin/domain";
import { Flex, Tag } from "antd";

const chip = { border: "1px solid #d9d9d9", padding: "2px 10px", marginInlineEnd: 0 } as const;

/**
 * The count of each kind the reader has; kinds with none are left out unless selected. With `onSelect`
 * the counts are filter chips (the inbox page), without it plain figures (工作台).
 */
export function TodoCounts({ counts, selected, onSelect }: { counts: Record<TodoKind, number>; selected?: TodoKind; onSelect?: (kind: TodoKind | undefined) => void }) {
  const shown = todoKinds.filter((k) => counts[k] > 0 || k === selected);
  if (shown.length === 0) return null;
  return (
    <Flex gap={8} wrap>
      {shown.map((k) =>
        onSelect ? (
          <Tag.CheckableTag key={k} checked={selected === k} onChange={(on) => onSelect(on ? k : undefined)} style={chip}>
            {todoKindLabels[k]} {counts[k]}
          </Tag.CheckableTag>
        ) : (
          <Tag key={k} style={chip}>
            {todoKindLabels[k]} <b>{counts[k]}</b>
          </Tag>
        ),
      )}
    </Flex>
  );
}
