import { campaignListSchema, campaignRegionsSchema, campaignSchema, type Campaign, type CampaignInput, type CampaignRegions } from "@jiangxin/domain";
import { request } from "../../../app/request";

/** The campaigns that concern the user's region, with progress computed from records. */
export function listCampaigns(year: number | undefined, signal?: AbortSignal): Promise<Campaign[]> {
  return request("/api/campaigns", { query: { year }, schema: campaignListSchema, signal });
}

export function getCampaign(id: string, signal?: AbortSignal): Promise<Campaign> {
  return request(`/api/campaigns/${encodeURIComponent(id)}`, { schema: campaignSchema, signal });
}

export function createCampaign(input: CampaignInput): Promise<Campaign> {
  return request("/api/campaigns", { method: "POST", body: input, schema: campaignSchema });
}

/** The campaign's counties the user may see, each against an even share of the targets, behind first. */
export function getCampaignRegions(id: string, signal?: AbortSignal): Promise<CampaignRegions> {
  return request(`/api/campaigns/${encodeURIComponent(id)}/regions`, { schema: campaignRegionsSchema, signal });
}
