import type { Campaign } from "@jiangxin/domain";
import { Flex, Progress, Typography } from "antd";
import { targetProgress } from "../targetProgress";

/** One bar per target the campaign set: done / target and the percent, green once met. */
export function TargetProgressList({ campaign }: { campaign: Pick<Campaign, "targets" | "progress"> }) {
  const rows = targetProgress(campaign);
  if (rows.length === 0) return <Typography.Text type="secondary">未设定目标</Typography.Text>;
  return (
    <Flex vertical gap={10}>
      {rows.map((row) => (
        <div key={row.key}>
          <Flex justify="space-between" gap={8} wrap>
            <Typography.Text>{row.label}</Typography.Text>
            <Typography.Text type={row.met ? "success" : undefined}>
              {row.done.toLocaleString("zh-CN")} / {row.target.toLocaleString("zh-CN")} {row.unit}
              <Typography.Text strong type={row.met ? "success" : undefined} style={{ marginLeft: 8 }}>
                {row.percent}%
              </Typography.Text>
            </Typography.Text>
          </Flex>
          <Progress
            percent={row.barPercent}
            status={row.met ? "success" : "active"}
            strokeColor={row.met ? "#52c41a" : undefined}
            showInfo={false}
            aria-label={`${row.label}完成${row.percent}%`}
          />
        </div>
      ))}
    </Flex>
  );
}
