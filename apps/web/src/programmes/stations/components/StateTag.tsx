import { openStateLabels, type OpenState } from "@jiangxin/domain";
import { Flex, Tag } from "antd";

const colour: Record<OpenState, string> = { open: "green", closed: "default", unknown: "orange" };

/**
 * Open / closed / unknown: unknown has its own colour and words, never the open ones. On a 调休 working day
 * whose reading changed the station's hours (the server's `makeUpWorkday`), a second tag says why a
 * weekday-only station is open on a Saturday.
 */
export function StateTag({ state, makeUpWorkday }: { state: OpenState; makeUpWorkday?: boolean | undefined }) {
  const tag = (
    <Tag color={colour[state]} style={{ fontSize: 14, padding: "2px 8px", marginInlineEnd: 0 }} data-testid="station-state">
      {openStateLabels[state]}
    </Tag>
  );
  if (!makeUpWorkday) return tag;
  return (
    <Flex vertical align="flex-end" gap={4} style={{ flexShrink: 0 }}>
      {tag}
      <Tag color="purple" style={{ marginInlineEnd: 0 }} title="国务院节假日安排中的调休上班日，按工作日的开放时间计算" data-testid="station-make-up-workday">
        调休工作日
      </Tag>
    </Flex>
  );
}
