import { Statistic, Tooltip } from "antd";
import type { ReactNode } from "react";
import { formatYi, formatYuanExact } from "../../../../app/yuan";

/** A headline card's money in 亿元 (13.10亿元); the exact amount to the fen on hover or tap. */
export function YuanStatistic({ title, yuan, size }: { title?: ReactNode; yuan: string; size: number }) {
  return (
    <Tooltip title={`${formatYuanExact(yuan)} 元`}>
      <div tabIndex={0} style={{ cursor: "help", display: "inline-block" }}>
        <Statistic
          title={title}
          value={formatYi(yuan)}
          suffix="亿元"
          styles={{ content: { fontSize: size, lineHeight: 1.3 }, suffix: { fontSize: 14 }, title: { fontSize: 12, marginBottom: 0 } }}
        />
      </div>
    </Tooltip>
  );
}
