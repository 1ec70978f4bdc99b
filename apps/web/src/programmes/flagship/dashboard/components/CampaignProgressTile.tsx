import type { Campaign } from "@jiangxin/domain";
import { Card, Flex, Progress, Typography } from "antd";
import { Link } from "react-router-dom";
import { TargetProgressList } from "../../campaigns/components/TargetProgressList";
import { targetProgress } from "../../campaigns/targetProgress";

/**
 * One campaign on the dashboard: a ring of its targets met on average (each capped at full, so one
 * target far over cannot hide another behind), a few words, and the campaign's own target bars.
 */
export function CampaignProgressTile({ campaign }: { campaign: Campaign }) {
  const rows = targetProgress(campaign);
  const met = rows.filter((r) => r.met).length;
  const overall = rows.length === 0 ? null : Math.floor(rows.reduce((n, r) => n + r.barPercent, 0) / rows.length);
  const words = rows.length === 0 ? "未设定目标" : met === rows.length ? `${rows.length} 项目标全部完成` : `${rows.length} 项目标已完成 ${met} 项`;
  return (
    <Card style={{ height: "100%" }} styles={{ body: { padding: 16 } }}>
      <Flex gap={16} align="center" style={{ marginBottom: 12 }}>
        {overall !== null ? (
          <Progress
            type="circle"
            size={76}
            percent={overall}
            status={met === rows.length ? "success" : "normal"}
            format={(p) => <span style={{ fontSize: 18, fontWeight: 600 }}>{p}%</span>}
            aria-label={`综合完成${overall}%`}
          />
        ) : null}
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Link to={`/campaigns/${campaign.id}`} style={{ fontWeight: 600, fontSize: 15, whiteSpace: "normal" }}>
            {campaign.name}
          </Link>
          <Typography.Text type={met === rows.length && rows.length > 0 ? "success" : "secondary"}>{words}</Typography.Text>
        </Flex>
      </Flex>
      <TargetProgressList campaign={campaign} />
    </Card>
  );
}
