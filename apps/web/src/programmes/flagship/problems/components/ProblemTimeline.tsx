import { problemStatusLabels, roleLabels, type ProblemEvent } from "@jiangxin/domain";
import { Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { problemStatusColors } from "../problemLabels";

const antColor = (c: string) => (c === "default" ? "gray" : c);

/** Every move and note, oldest first: who, in which role, when, and what they wrote. */
export function ProblemTimeline({ events }: { events: ProblemEvent[] }) {
  return (
    <Timeline
      style={{ marginBottom: 8 }}
      items={events.map((e) => {
        const isNote = e.from === e.to;
        const what = e.from === null ? `登记为“${problemStatusLabels[e.to]}”` : isNote ? "记录进展" : `${problemStatusLabels[e.from]} → ${problemStatusLabels[e.to]}`;
        return {
          key: e.id,
          color: isNote ? "gray" : antColor(problemStatusColors[e.to]),
          content: (
            <div>
              <Typography.Text strong>{what}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                {dayjs(e.at).format("YYYY-MM-DD HH:mm")} · {e.byName}（{roleLabels[e.byRole]}）
              </Typography.Text>
              {e.note ? <Typography.Paragraph style={{ margin: "4px 0 0", whiteSpace: "pre-wrap" }}>{e.note}</Typography.Paragraph> : null}
            </div>
          ),
        };
      })}
    />
  );
}
