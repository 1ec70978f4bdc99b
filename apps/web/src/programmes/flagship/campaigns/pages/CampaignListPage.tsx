import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Col, Empty, Flex, Row, Select, Skeleton } from "antd";
import { useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { useCan } from "../../../../app/session";
import { useIsMobile } from "../../../../app/useIsMobile";
import { reportYears } from "../../indicators/indicatorsUrl";
import { regionNameIndex } from "../../../../app/regions/regionTree";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { listCampaigns } from "../api";
import { campaignQueryKeys } from "../campaignQueryKeys";
import { CampaignCard } from "../components/CampaignCard";
import { CampaignFormDrawer } from "../components/CampaignFormDrawer";

const thisYear = new Date().getFullYear();
// A campaign may be set up ahead for next year, so the picker reaches one year beyond this one.
const yearOptions = [thisYear + 1, ...reportYears()].map((year) => ({ value: year, label: `${year}年` }));

/** The chosen year lives in the URL, so Back from a campaign returns to the same year. */
function readYear(params: URLSearchParams): number {
  const year = Number(params.get("year"));
  return yearOptions.some((o) => o.value === year) ? year : thisYear;
}

export function CampaignListPage() {
  const [params, setParams] = useSearchParams();
  const year = readYear(params);
  const can = useCan();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const { data: tree, scope } = useRegionScope();
  const names = useMemo(() => (tree ? regionNameIndex(tree) : null), [tree]);

  const list = useQuery({
    queryKey: campaignQueryKeys.list(year),
    queryFn: ({ signal }) => listCampaigns(year, signal),
  });
  const canWrite = can("campaign.write");

  let body;
  if (list.isPending) {
    body = (
      <Row gutter={[16, 16]}>
        {[0, 1].map((i) => (
          <Col key={i} xs={24} lg={12}>
            <Card>
              <Skeleton active paragraph={{ rows: 4 }} />
            </Card>
          </Col>
        ))}
      </Row>
    );
  } else if (list.isError) {
    body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  } else if (list.data.length === 0) {
    body = (
      <Card>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={`${year}年还没有涉及本辖区的专项行动${canWrite ? "，点击右上角“设立专项行动”新建" : ""}`}
        >
          <Button onClick={() => setParams({ year: String(year - 1) })}>查看{year - 1}年</Button>
        </Empty>
      </Card>
    );
  } else {
    body = (
      <Row gutter={[16, 16]}>
        {list.data.map((campaign) => (
          <Col key={campaign.id} xs={24} lg={12}>
            <CampaignCard campaign={campaign} names={names} />
          </Col>
        ))}
      </Row>
    );
  }

  return (
    <>
      <PageHeader
        title="专项行动"
        description="各年度专项行动及其目标完成进度；进度由标记为该行动的服务场次、培训和难题统计得出。"
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              设立专项行动
            </Button>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: isMobile ? 12 : 16 } }}>
        <Flex gap={12} align="center">
          <Select
            aria-label="年度"
            value={year}
            options={yearOptions}
            style={{ width: isMobile ? "100%" : 140 }}
            onChange={(next: number) => setParams(next === thisYear ? {} : { year: String(next) })}
          />
        </Flex>
      </Card>
      {body}
      {canWrite ? (
        <CampaignFormDrawer
          open={creating}
          scope={scope}
          defaultYear={year}
          onClose={() => setCreating(false)}
          onCreated={(campaign) => {
            setCreating(false);
            void message.success(`已设立专项行动“${campaign.name}”`);
            void navigate(`/campaigns/${campaign.id}`);
          }}
        />
      ) : null}
    </>
  );
}
