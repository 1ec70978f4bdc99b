import { Card, Timeline, Typography } from "antd";
import dayjs from "dayjs";

/** One entry of a record's 更正记录, whatever the record: a master-data firm or a programme's session. */
export interface CorrectionTimelineEntry {
  id: string;
  at: string;
  byName: string;
  /** What was done: 更正, 作废, 撤回 … */
  title: string;
  color: string;
  changes: { field: string; label: string; before: string | null; after: string | null }[];
  reason: string | null;
}

/**
 * 更正记录, oldest first: who, when, why, and each field before → after. Hidden while there is none.
 * One owner for how a correction reads, so an enterprise's history and a session's look alike.
 */
export function CorrectionTimeline({ entries, style }: { entries: CorrectionTimelineEntry[] | undefined; style?: React.CSSProperties }) {
  if (!entries || entries.length === 0) return null;
  return (
    <Card title={`更正记录(${entries.length})`} style={style} size="small">
      <Timeline
        items={entries.map((c) => ({
          key: c.id,
          color: c.color,
          content: (
            <div>
              <Typography.Text strong>{c.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {dayjs(c.at).format("YYYY-MM-DD HH:mm")} · {c.byName}
              </Typography.Text>
              {c.changes.map((x) => (
                <div key={x.field} style={{ fontSize: 13, overflowWrap: "anywhere" }}>
                  {x.label}：<Typography.Text delete type="secondary">{x.before ?? "（空）"}</Typography.Text> → {x.after ?? "（空）"}
                </div>
              ))}
              {c.reason ? <div style={{ fontSize: 13 }}>理由：{c.reason}</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
