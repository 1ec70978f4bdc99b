/** The page's state in the address, so a figure can be linked to and Back returns to it. */
export interface IndicatorsUrlState {
  year: number;
  regionCode?: string;
  campaignId?: string;
}

export const firstReportYear = 2015;

/** The demo data and the federation's latest report are last year's, so that is where the page opens. */
export function defaultReportYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

export function readIndicatorsUrl(params: URLSearchParams, now: Date = new Date()): IndicatorsUrlState {
  const yearText = params.get("year") ?? "";
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  const regionCode = params.get("regionCode") ?? "";
  const campaignId = params.get("campaignId") ?? "";
  return {
    year: year >= firstReportYear && year <= now.getFullYear() ? year : defaultReportYear(now),
    regionCode: /^\d{6}$/.test(regionCode) ? regionCode : undefined,
    campaignId: campaignId !== "" ? campaignId : undefined,
  };
}

/** Years a user can pick: this year back to the first year the programme was recorded. */
export function reportYears(now: Date = new Date()): number[] {
  const years: number[] = [];
  for (let y = now.getFullYear(); y >= firstReportYear; y--) years.push(y);
  return years;
}
