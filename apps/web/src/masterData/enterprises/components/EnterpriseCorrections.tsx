import { useQuery } from "@tanstack/react-query";
import { Card, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { listEnterpriseCorrections } from "../api";
import { enterpriseQueryKeys } from "../enterpriseQueryKeys";

/** 更正记录 of an enterprise, oldest first: who, when, why, and each field before → after. Hidden while there is none. */
export function EnterpriseCorrections({ enterpriseId }: { enterpriseId: string }) {
  const history = useQuery({ queryKey: enterpriseQueryKeys.corrections(enterpriseId), queryFn: ({ signal }) => listEnterpriseCorrections(enterpriseId, signal) });
  if (!history.data || history.data.length === 0) return null;
  return (
    <Card title={`更正记录(${history.data.length})`} size="small" style={{ marginTop: 16 }}>
      <Timeline
        items={history.data.map((c) => ({
          key: c.id,
          color: "blue",
          content: (
            <div>
              <Typography.Text strong>更正</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {dayjs(c.at).format("YYYY-MM-DD HH:mm")} · {c.byName}
              </Typography.Text>
              {c.changes.map((x) => (
                <div key={x.field} style={{ fontSize: 13, overflowWrap: "anywhere" }}>
                  {x.label}：<Typography.Text delete type="secondary">{x.before ?? "（空）"}</Typography.Text> → {x.after ?? "（空）"}
                </div>
              ))}
              <div style={{ fontSize: 13 }}>理由：{c.reason}</div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
