import { EnvironmentOutlined, RightOutlined } from "@ant-design/icons";
import type { Campaign } from "@jiangxin/domain";
import { Card, Flex, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { campaignRegionsText } from "../campaignRegionsText";
import { targetProgress } from "../targetProgress";
import { TargetProgressList } from "./TargetProgressList";

export function CampaignCard({ campaign, names }: { campaign: Campaign; names: ReadonlyMap<string, string> | null }) {
  const rows = targetProgress(campaign);
  const allMet = rows.length > 0 && rows.every((r) => r.met);
  return (
    <Card
      style={{ height: "100%" }}
      title={
        <Link to={`/campaigns/${campaign.id}`} style={{ whiteSpace: "normal" }}>
          {campaign.name}
        </Link>
      }
      extra={
        <Link to={`/campaigns/${campaign.id}`} aria-label={`查看${campaign.name}`}>
          <RightOutlined />
        </Link>
      }
      styles={{ header: { paddingTop: 12, paddingBottom: 12 } }}
    >
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Tag>{campaign.year}年</Tag>
        {campaign.priorityOnly ? <Tag color="green">山区海岛县</Tag> : null}
        {allMet ? <Tag color="success">目标已全部完成</Tag> : null}
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {campaignRegionsText(campaign, names)}
        </Typography.Text>
      </Flex>
      <TargetProgressList campaign={campaign} />
    </Card>
  );
}
