import { indicatorsSchema, type Indicators } from "@jiangxin/domain";
import { request } from "../../../app/request";

export interface IndicatorsQuery {
  year: number;
  regionCode?: string;
  campaignId?: string;
}

/** The yearly report for a region (default: all the user may see) and optionally one campaign. */
export function getIndicators(query: IndicatorsQuery, signal?: AbortSignal): Promise<Indicators> {
  return request("/api/indicators", { query: { ...query }, schema: indicatorsSchema, signal });
}
