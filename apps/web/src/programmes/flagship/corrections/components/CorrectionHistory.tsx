import { correctionKindLabels } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { correctionQueryKeys, listCorrections } from "../api";

const kindColors = { edit: "blue", void: "red", withdraw: "gray" } as const;

/** 更正记录: every edit, void and withdrawal of the record, oldest first, with what changed (before → after). Hidden while there is none. */
export function CorrectionHistory({ recordPath, style }: { recordPath: string; style?: React.CSSProperties }) {
  const history = useQuery({ queryKey: correctionQueryKeys.history(recordPath), queryFn: ({ signal }) => listCorrections(recordPath, signal) });
  if (!history.data || history.data.length === 0) return null;
  return (
    <Card title={`更正记录(${history.data.length})`} style={style} size="small">
      <Timeline
        items={history.data.map((c) => ({
          key: c.id,
          color: kindColors[c.kind],
          content: (
            <div>
              <Typography.Text strong>{correctionKindLabels[c.kind]}</Typography.Text>
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
