import { readIndicatorsUrl, type IndicatorsUrlState } from "../indicators/indicatorsUrl";
import { isFigureKey, type FigureKey } from "./statsFigures";

/**
 * The statistics page's state in the address: the indicators page's year, region and campaign
 * (the region is where the user has drilled to), the figure the map is shaded by, and the pages of
 * a county's two tables. A link to a drilled-down county opens exactly that view.
 */
export interface StatsUrlState extends IndicatorsUrlState {
  figure: FigureKey;
  /** The province map drawn by city (default) or by county. */
  mapBy: "city" | "county";
  enterprisePage: number;
  sessionPage: number;
}

export type StatsUrlPatch = Partial<Record<keyof StatsUrlState, string | number | undefined>>;

const pageOf = (text: string | null) => (text !== null && /^[1-9]\d{0,4}$/.test(text) ? Number(text) : 1);

export function readStatsUrl(params: URLSearchParams, now: Date = new Date()): StatsUrlState {
  const figure = params.get("figure");
  return {
    ...readIndicatorsUrl(params, now),
    figure: isFigureKey(figure) ? figure : "sessions",
    mapBy: params.get("mapBy") === "county" ? "county" : "city",
    enterprisePage: pageOf(params.get("ep")),
    sessionPage: pageOf(params.get("sp")),
  };
}

const paramNames: Record<keyof StatsUrlState, string> = {
  year: "year",
  regionCode: "regionCode",
  campaignId: "campaignId",
  figure: "figure",
  mapBy: "mapBy",
  enterprisePage: "ep",
  sessionPage: "sp",
};

/** The address after a change; defaults (sessions, page 1) are left out to keep links short. */
export function writeStatsUrl(params: URLSearchParams, patch: StatsUrlPatch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch) as [keyof StatsUrlState, string | number | undefined][]) {
    const name = paramNames[key];
    const isDefault = value === undefined || value === "" || (key === "figure" && value === "sessions") || (key === "mapBy" && value === "city") || ((key === "enterprisePage" || key === "sessionPage") && value === 1);
    if (isDefault) next.delete(name);
    else next.set(name, String(value));
  }
  // Moving to another region, year or campaign starts the county tables from their first page.
  if (("regionCode" in patch || "year" in patch || "campaignId" in patch) && !("enterprisePage" in patch)) next.delete("ep");
  if (("regionCode" in patch || "year" in patch || "campaignId" in patch) && !("sessionPage" in patch)) next.delete("sp");
  return next;
}

/** The report's address for what the page shows. */
export function reportHref(state: Pick<StatsUrlState, "year" | "regionCode" | "campaignId">): string {
  const params = new URLSearchParams({ year: String(state.year) });
  if (state.regionCode) params.set("regionCode", state.regionCode);
  if (state.campaignId) params.set("campaignId", state.campaignId);
  return `/stats/report?${params.toString()}`;
}
