import {
  dashboardBreakdownSchema,
  dashboardSchema,
  indicatorCatalogSchema,
  publicDashboardSchema,
  targetSplitSchema,
  type Dashboard,
  type DashboardBreakdown,
  type IndicatorCatalog,
  type PublicDashboard,
  type TargetSplit,
  type TargetSplitInput,
} from "@jiangxin/domain";
import { request } from "../../app/request";

export const leadershipKeys = {
  dashboard: (year: number) => ["dashboard", year] as const,
  breakdown: (key: string, year: number, regionCode: string | undefined) => ["dashboard", year, key, regionCode ?? ""] as const,
  catalog: ["targets", "indicators"] as const,
  split: (key: string, year: number, parentCode: string | undefined) => ["targets", "split", key, year, parentCode ?? ""] as const,
  publicFigures: (year: number) => ["public", "dashboard", year] as const,
};

export function getDashboard(year: number, signal?: AbortSignal): Promise<Dashboard> {
  return request("/api/dashboard", { query: { year }, schema: dashboardSchema, signal });
}

export function getBreakdown(key: string, year: number, regionCode: string | undefined, signal?: AbortSignal): Promise<DashboardBreakdown> {
  return request(`/api/dashboard/${encodeURIComponent(key)}`, { query: { year, regionCode }, schema: dashboardBreakdownSchema, signal });
}

export function getIndicatorCatalog(signal?: AbortSignal): Promise<IndicatorCatalog> {
  return request("/api/targets/indicators", { schema: indicatorCatalogSchema, signal });
}

export function getSplit(indicatorKey: string, year: number, parentCode: string | undefined, signal?: AbortSignal): Promise<TargetSplit> {
  return request("/api/targets/split", { query: { indicatorKey, year, parentCode }, schema: targetSplitSchema, signal });
}

export function saveSplit(input: TargetSplitInput): Promise<TargetSplit> {
  return request("/api/targets/split", { method: "PUT", body: input, schema: targetSplitSchema });
}

export function approveSplit(input: { indicatorKey: string; year: number; parentCode: string }): Promise<TargetSplit> {
  return request("/api/targets/approve", { method: "POST", body: input, schema: targetSplitSchema });
}

export function setPublished(input: { indicatorKey: string; year: number; published: boolean }): Promise<unknown> {
  return request("/api/targets/publications", { method: "PUT", body: input, schema: { parse: (data: unknown) => data } });
}

export function getPublicDashboard(year: number, signal?: AbortSignal): Promise<PublicDashboard> {
  return request("/api/public/dashboard", { query: { year }, schema: publicDashboardSchema, signal, expireSessionOn401: false });
}
