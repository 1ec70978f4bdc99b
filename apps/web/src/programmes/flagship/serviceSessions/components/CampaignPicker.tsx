import { campaignSchema, type Campaign } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { request } from "../../../../app/request";

const campaignListSchema = campaignSchema.array();

function listCampaigns(signal?: AbortSignal): Promise<Campaign[]> {
  return request("/api/campaigns", { schema: campaignListSchema, signal });
}

interface CampaignPickerProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Set by Form.Item so the field's label points at the input (click and screen readers). */
  id?: string;
}

/** An optional 专项行动 the record counts towards; the list is short, so it is loaded whole. */
export function CampaignPicker({ id, value, onChange }: CampaignPickerProps) {
  const campaigns = useQuery({ queryKey: ["campaigns", "picker"], queryFn: ({ signal }) => listCampaigns(signal), staleTime: 60_000 });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      placeholder={campaigns.isError ? "专项行动加载失败" : "不属于专项行动可不选"}
      loading={campaigns.isPending}
      options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.year}年 ${c.name}` }))}
      showSearch={{ optionFilterProp: "label" }}
    />
  );
}
