import { honourLevelLabels, type Honour } from "@jiangxin/domain";
import { Tag, Tooltip, Typography } from "antd";
import { honourLevelColors, honourName } from "../expertLabels";

interface HonourTagsProps {
  honours: readonly Honour[];
  /** Lists show the first few; the detail page shows them all in a table. */
  max?: number;
}

/** Honours as coloured tags (national red, provincial orange, city gold); year and awarding body on hover. */
export function HonourTags({ honours, max }: HonourTagsProps) {
  if (honours.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const shown = max === undefined ? honours : honours.slice(0, max);
  const hidden = honours.length - shown.length;
  return (
    <span>
      {shown.map((h, i) => (
        <Tooltip key={`${h.title}-${h.year}-${i}`} title={`${h.year}年 · ${honourLevelLabels[h.level]} · ${h.awardedBy}`}>
          <Tag color={honourLevelColors[h.level]} style={{ marginInlineEnd: 4, marginBottom: 2 }}>
            {honourName(h)}
          </Tag>
        </Tooltip>
      ))}
      {hidden > 0 ? <Tag style={{ marginBottom: 2 }}>+{hidden}</Tag> : null}
    </span>
  );
}
