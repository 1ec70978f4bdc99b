import { describe, expect, it } from "vitest";
import { defaultReportYear, readIndicatorsUrl, reportYears } from "./indicatorsUrl";

const now = new Date("2026-03-05T10:00:00+08:00");

describe("readIndicatorsUrl", () => {
  it("opens on the current China year, the 驾驶舱's year, with the whole scope", () => {
    expect(readIndicatorsUrl(new URLSearchParams(""), now)).toEqual({ year: 2026, regionCode: undefined, campaignId: undefined });
    // 31 December 20:00 UTC is already 1 January in China.
    expect(readIndicatorsUrl(new URLSearchParams(""), new Date("2025-12-31T20:00:00Z")).year).toBe(2026);
    expect(defaultReportYear(new Date("2025-12-31T20:00:00Z"))).toBe(2026);
  });
  it("reads year, region and campaign", () => {
    const params = new URLSearchParams("year=2024&regionCode=330127&campaignId=1cac84a7-9a63-4f0a-b7a7-c90a346ca007");
    expect(readIndicatorsUrl(params, now)).toEqual({ year: 2024, regionCode: "330127", campaignId: "1cac84a7-9a63-4f0a-b7a7-c90a346ca007" });
  });
  it("falls back to the current year for a year out of range or not a year", () => {
    for (const year of ["1999", "2027", "abc", "20251"]) expect(readIndicatorsUrl(new URLSearchParams({ year }), now).year, year).toBe(2026);
  });
  it("ignores a region code that is not six digits", () => {
    expect(readIndicatorsUrl(new URLSearchParams("regionCode=33"), now).regionCode).toBeUndefined();
  });
});

describe("reportYears", () => {
  it("lists this year back to 2015", () => {
    const years = reportYears(now);
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2015);
    expect(years).toHaveLength(12);
  });
});
