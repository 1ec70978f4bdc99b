import {
  statsByRegionSchema,
  statsEnterprisePageSchema,
  statsMonthlySchema,
  statsSessionPageSchema,
  statsSummarySchema,
  type StatsByRegion,
  type StatsByRegionQuery,
  type StatsMonthly,
  type StatsSummary,
} from "@jiangxin/domain";
import { request } from "../../../app/request";

export interface StatsFilter {
  year: number;
  regionCode?: string;
  campaignId?: string;
}

export interface CountyListQuery {
  year: number;
  page: number;
  pageSize: number;
}

/** This year's six figures and last year's, in one call. */
export function getStatsSummary(filter: StatsFilter, signal?: AbortSignal): Promise<StatsSummary> {
  return request("/api/stats/summary", { query: { ...filter }, schema: statsSummarySchema, signal });
}

export function getStatsMonthly(filter: StatsFilter, signal?: AbortSignal): Promise<StatsMonthly> {
  return request("/api/stats/monthly", { query: { ...filter }, schema: statsMonthlySchema, signal });
}

/** The region's children (cities of the province, counties of a city), or with "counties" every county under it, with their figures. */
export function getStatsByRegion(filter: StatsFilter & { depth?: StatsByRegionQuery["depth"] }, signal?: AbortSignal): Promise<StatsByRegion> {
  return request("/api/stats/by-region", { query: { ...filter }, schema: statsByRegionSchema, signal });
}

export function getCountyEnterprises(code: string, query: CountyListQuery, signal?: AbortSignal) {
  return request(`/api/stats/county/${encodeURIComponent(code)}/enterprises`, { query: { ...query }, schema: statsEnterprisePageSchema, signal });
}

export function getCountySessions(code: string, query: CountyListQuery, signal?: AbortSignal) {
  return request(`/api/stats/county/${encodeURIComponent(code)}/sessions`, { query: { ...query }, schema: statsSessionPageSchema, signal });
}

export const statsQueryKeys = {
  summary: (filter: StatsFilter) => ["stats", "summary", filter] as const,
  monthly: (filter: StatsFilter) => ["stats", "monthly", filter] as const,
  byRegion: (filter: StatsFilter & { depth?: StatsByRegionQuery["depth"] }) => ["stats", "by-region", filter] as const,
  countyEnterprises: (code: string, query: CountyListQuery) => ["stats", "county", code, "enterprises", query] as const,
  countySessions: (code: string, query: CountyListQuery) => ["stats", "county", code, "sessions", query] as const,
};
