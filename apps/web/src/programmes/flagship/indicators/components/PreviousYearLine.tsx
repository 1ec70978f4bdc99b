import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { Typography } from "antd";
import type { ReactNode } from "react";
import { yearChange } from "../yearChange";

export type PreviousYear =
  | { state: "loading" }
  | { state: "unavailable"; reason: string }
  | { state: "ready"; current: bigint; previous: bigint; shown: ReactNode; samePeriod?: boolean };

/** The small "上年" (or, for the year so far, "上年同期") comparison under a figure. */
export function PreviousYearLine({ previous }: { previous: PreviousYear }) {
  const style = { fontSize: 12, display: "block" } as const;
  if (previous.state === "loading") return <Typography.Text type="secondary" style={style}>上年 …</Typography.Text>;
  if (previous.state === "unavailable") return <Typography.Text type="secondary" style={style}>{previous.reason}</Typography.Text>;
  const change = yearChange(previous.current, previous.previous);
  return (
    <Typography.Text type="secondary" style={style}>
      {previous.samePeriod ? "上年同期" : "上年"} {previous.shown}
      {change ? (
        <Typography.Text type={change.direction === "up" ? "success" : change.direction === "down" ? "danger" : "secondary"} style={{ fontSize: 12, marginLeft: 6 }}>
          {change.direction === "up" ? <ArrowUpOutlined /> : change.direction === "down" ? <ArrowDownOutlined /> : null}
          {change.text}
        </Typography.Text>
      ) : null}
    </Typography.Text>
  );
}
