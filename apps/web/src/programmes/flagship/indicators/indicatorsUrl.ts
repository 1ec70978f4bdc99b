import { chinaYearOf } from "@jiangxin/domain";

/** The page's state in the address, so a figure can be linked to and Back returns to it. */
export interface IndicatorsUrlState {
  year: number;
  regionCode?: string;
  campaignId?: string;
}

export const firstReportYear = 2015;

/**
 * The statistics pages open on the current year in China, the same year the 驾驶舱 opens on, so
 * the two never disagree about "this year" (late on 31 December UTC is already the next year in China).
 */
export function defaultReportYear(now: Date = new Date()): number {
  return chinaYearOf(now);
}

/** The year an empty year's page offers instead: the one before it. */
export function fallbackReportYear(year: number): number {
  return year - 1;
}

export function readIndicatorsUrl(params: URLSearchParams, now: Date = new Date()): IndicatorsUrlState {
  const yearText = params.get("year") ?? "";
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  const regionCode = params.get("regionCode") ?? "";
  const campaignId = params.get("campaignId") ?? "";
  return {
    year: year >= firstReportYear && year <= chinaYearOf(now) ? year : defaultReportYear(now),
    regionCode: /^\d{6}$/.test(regionCode) ? regionCode : undefined,
    campaignId: campaignId !== "" ? campaignId : undefined,
  };
}

/** Years a user can pick: this year back to the first year the programme was recorded. */
export function reportYears(now: Date = new Date()): number[] {
  const years: number[] = [];
  for (let y = chinaYearOf(now); y >= firstReportYear; y--) years.push(y);
  return years;
}
