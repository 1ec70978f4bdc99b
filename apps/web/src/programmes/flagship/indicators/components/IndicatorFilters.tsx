import { useQuery } from "@tanstack/react-query";
import { Card, Flex, Select } from "antd";
import { useCan } from "../../../../app/session";
import { useIsMobile } from "../../../../app/useIsMobile";
import { listCampaigns } from "../../campaigns/api";
import { campaignQueryKeys } from "../../campaigns/campaignQueryKeys";
import { RegionFilterSelect } from "../../../../app/regions/components/RegionFilterSelect";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { reportYears, type IndicatorsUrlState } from "../indicatorsUrl";

interface IndicatorFiltersProps {
  state: IndicatorsUrlState;
  onChange: (next: Partial<Record<keyof IndicatorsUrlState, string | number | undefined>>) => void;
}

const yearOptions = reportYears().map((year) => ({ value: year, label: `${year}年` }));

/** Year, region (only the user's own part of the tree) and campaign of that year. */
export function IndicatorFilters({ state, onChange }: IndicatorFiltersProps) {
  const isMobile = useIsMobile();
  const can = useCan();
  const { scope } = useRegionScope();
  const campaigns = useQuery({
    queryKey: campaignQueryKeys.list(state.year),
    queryFn: ({ signal }) => listCampaigns(state.year, signal),
    enabled: can("campaign.read"),
  });
  const campaignOptions = (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  const wide = isMobile ? "100%" : undefined;

  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: isMobile ? 12 : 16 } }}>
      <Flex gap={12} wrap>
        <Select
          aria-label="年度"
          value={state.year}
          options={yearOptions}
          style={{ width: isMobile ? "calc(50% - 6px)" : 120 }}
          // A campaign belongs to one year, so changing the year drops it.
          onChange={(year: number) => onChange({ year, campaignId: undefined })}
        />
        <RegionFilterSelect
          aria-label="区域"
          value={state.regionCode}
          placeholder={scope ? `${scope.name}（全部）` : "全部辖区"}
          width={220}
          mobileWidth="calc(50% - 6px)"
          onChange={(regionCode) => onChange({ regionCode })}
        />
        {can("campaign.read") ? (
          <Select
            aria-label="专项行动"
            value={state.campaignId}
            options={campaignOptions}
            allowClear
            loading={campaigns.isFetching}
            placeholder={campaigns.isError ? "专项行动加载失败" : campaignOptions.length === 0 && campaigns.isSuccess ? `${state.year}年无专项行动` : "全部（不限专项行动）"}
            notFoundContent={`${state.year}年没有专项行动`}
            style={{ width: wide ?? 360, maxWidth: "100%" }}
            onChange={(campaignId: string | undefined) => onChange({ campaignId })}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
