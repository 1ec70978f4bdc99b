import { problemStatusLabels, roleLabels, type ProblemEvent } from "@jiangxin/domain";
import { Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { expertLabel } from "../../experts/expertLabel";
import { problemStatusColors } from "../problemLabels";

const antColor = (c: string) => (c === "default" ? "gray" : c);

/**
 * Who acted, as a name with its unit: "淳安县总工会", "张三（某某机械有限公司）". An expert reads as everywhere
 * else (expertLabel: "郭红英（杭州汽轮机股份有限公司 · 上城区 · 高级技师）"), since two namesakes at one
 * employer read alike by the employer alone. The role is shown only when nothing else says who it was,
 * and never beside a name that already is a union.
 */
export const actorText = (e: Pick<ProblemEvent, "byName" | "byUnit" | "byRole" | "byExpertDetail">) =>
  e.byExpertDetail
    ? expertLabel(e.byName, e.byExpertDetail)
    : e.byUnit
      ? `${e.byName}（${e.byUnit}）`
      : e.byName.endsWith("工会") || e.byName === roleLabels[e.byRole]
        ? e.byName
        : `${e.byName}（${roleLabels[e.byRole]}）`;

/** Every move and note, oldest first: who, in which role, when, and what they wrote. */
export function ProblemTimeline({ events }: { events: ProblemEvent[] }) {
  return (
    <Timeline
      style={{ marginBottom: 8 }}
      items={events.map((e) => {
        const isNote = e.from === e.to;
        const isCorrection = isNote && (e.note?.startsWith("更正") || e.note?.startsWith("作废"));
        const what = e.from === null ? `登记为“${problemStatusLabels[e.to]}”` : isCorrection ? (e.note?.startsWith("作废") ? "作废" : "更正") : isNote ? "记录进展" : `${problemStatusLabels[e.from]} → ${problemStatusLabels[e.to]}`;
        return {
          key: e.id,
          color: isNote ? "gray" : antColor(problemStatusColors[e.to]),
          content: (
            <div>
              <Typography.Text strong>{what}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                {dayjs(e.at).format("YYYY-MM-DD HH:mm")} · {actorText(e)}
              </Typography.Text>
              {e.note ? <Typography.Paragraph style={{ margin: "4px 0 0", whiteSpace: "pre-wrap" }}>{e.note}</Typography.Paragraph> : null}
            </div>
          ),
        };
      })}
    />
  );
}
