import { ArrowLeftOutlined, BarChartOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Descriptions, Result, Row, Tag } from "antd";
import { useMemo } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../../../app/ApiError";
import { PageHeader } from "../../../../app/components/PageHeader";
import { PageLoading } from "../../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { useCan } from "../../../../app/session";
import { regionNameIndex } from "../../../../app/regions/regionTree";
import { useRegionTree } from "../../../../app/regions/useRegionTree";
import { getCampaign } from "../api";
import { campaignQueryKeys } from "../campaignQueryKeys";
import { campaignRegionsText } from "../campaignRegionsText";
import { CampaignRegionsCard } from "../components/CampaignRegionsCard";
import { TargetProgressList } from "../components/TargetProgressList";
import { campaignTargetFields } from "../targetProgress";

export function CampaignDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const can = useCan();
  const tree = useRegionTree();
  const names = useMemo(() => (tree.data ? regionNameIndex(tree.data) : null), [tree.data]);
  const campaign = useQuery({
    queryKey: campaignQueryKeys.detail(id),
    queryFn: ({ signal }) => getCampaign(id, signal),
  });

  const back = (
    // Going back keeps the list's year; opened from a link there is nothing to go back to.
    <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === "default" ? navigate("/campaigns") : navigate(-1))}>
      返回
    </Button>
  );

  if (campaign.isPending) return <PageLoading rows={8} />;
  if (campaign.isError) {
    // 404 both for a missing campaign and one outside the user's region, by design; so is a malformed id.
    const error = campaign.error;
    const notFound = error instanceof ApiError && (error.code === "NOT_FOUND" || (error.code === "VALIDATION_FAILED" && "id" in error.fields));
    if (notFound) {
      return (
        <Result
          status="404"
          title="未找到该专项行动"
          subTitle="该专项行动不存在，或不涉及您的辖区。"
          extra={
            <Link to="/campaigns">
              <Button type="primary">返回专项行动列表</Button>
            </Link>
          }
        />
      );
    }
    return <QueryErrorResult error={error} onRetry={() => void campaign.refetch()} />;
  }

  const c = campaign.data;
  const indicatorsLink = `/indicators?year=${c.year}&campaignId=${encodeURIComponent(c.id)}`;
  return (
    <>
      <PageHeader
        title={c.name}
        description={`${c.year}年 · ${campaignRegionsText(c, names)}`}
        extra={
          <>
            {back}
            {can("indicators.read") ? (
              <Link to={indicatorsLink}>
                <Button type="primary" icon={<BarChartOutlined />}>
                  查看统计指标
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="目标完成进度">
            <TargetProgressList campaign={c} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="行动信息">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: "year", label: "年度", children: `${c.year}年` },
                { key: "regions", label: "覆盖区域", children: campaignRegionsText(c, names) },
                { key: "priority", label: "山区海岛县", children: c.priorityOnly ? <Tag color="green">仅限山区海岛县</Tag> : "不限" },
                ...campaignTargetFields.map((f) => ({
                  key: f.key,
                  label: `已完成${f.label}`,
                  children: `${c.progress[f.key].toLocaleString("zh-CN")} ${f.unit}${c.targets[f.key] === undefined ? "（未设目标）" : ""}`,
                })),
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <CampaignRegionsCard campaign={c} />
        </Col>
      </Row>
    </>
  );
}
