import { openStateLabels, type OpenState } from "@jiangxin/domain";
import { Tag } from "antd";

const colour: Record<OpenState, string> = { open: "green", closed: "default", unknown: "orange" };

/** Open / closed / unknown: unknown has its own colour and words, never the open ones. */
export function StateTag({ state }: { state: OpenState }) {
  return (
    <Tag color={colour[state]} style={{ fontSize: 14, padding: "2px 8px", marginInlineEnd: 0 }} data-testid="station-state">
      {openStateLabels[state]}
    </Tag>
  );
}
