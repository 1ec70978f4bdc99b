import { Statistic, Tooltip } from "antd";
import type { ReactNode } from "react";
import { formatYuanExact, formatYuanScaled } from "../../outcomes/yuan";

/** Money the way the report writes it (13.1亿元); the exact amount to the fen on hover or tap. */
export function YuanStatistic({ title, yuan, size }: { title?: ReactNode; yuan: string; size: number }) {
  const scaled = formatYuanScaled(yuan);
  return (
    <Tooltip title={`${formatYuanExact(yuan)} 元`}>
      <div tabIndex={0} style={{ cursor: "help", display: "inline-block" }}>
        <Statistic
          title={title}
          value={scaled.value}
          suffix={scaled.unit}
          styles={{ content: { fontSize: size, lineHeight: 1.3 }, suffix: { fontSize: 14 }, title: { fontSize: 12, marginBottom: 0 } }}
        />
      </div>
    </Tooltip>
  );
}
