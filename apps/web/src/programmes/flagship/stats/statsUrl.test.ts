import { describe, expect, it } from "vitest";
import { readStatsUrl, reportHref, writeStatsUrl } from "./statsUrl";

const now = new Date("2026-06-01T00:00:00+08:00");

describe("statistics page address", () => {
  it("opens this China year (the 驾驶舱's), shaded by sessions, first pages, when the address says nothing", () => {
    expect(readStatsUrl(new URLSearchParams(), now)).toEqual({ year: 2026, regionCode: undefined, campaignId: undefined, figure: "sessions", mapBy: "city", enterprisePage: 1, sessionPage: 1 });
  });

  it("reads a drilled-down county with its table pages and ignores nonsense", () => {
    const state = readStatsUrl(new URLSearchParams("year=2024&regionCode=330127&figure=workerTrainings&ep=3&sp=x"), now);
    expect(state).toMatchObject({ year: 2024, regionCode: "330127", figure: "workerTrainings", enterprisePage: 3, sessionPage: 1 });
    expect(readStatsUrl(new URLSearchParams("figure=bogus&ep=0"), now)).toMatchObject({ figure: "sessions", enterprisePage: 1 });
  });

  it("drops the table pages when the region changes and keeps defaults out of the address", () => {
    const next = writeStatsUrl(new URLSearchParams("year=2025&regionCode=330127&ep=4&sp=2&figure=problemsSolved"), { regionCode: "330100", figure: "sessions" });
    expect(next.toString()).toBe("year=2025&regionCode=330100");
    expect(writeStatsUrl(new URLSearchParams("regionCode=330127"), { enterprisePage: 2 }).toString()).toBe("regionCode=330127&ep=2");
    expect(writeStatsUrl(new URLSearchParams("mapBy=county"), { mapBy: "city" }).toString()).toBe("");
  });

  it("links the report for the same year, region and campaign", () => {
    expect(reportHref({ year: 2025, regionCode: "330100" })).toBe("/stats/report?year=2025&regionCode=330100");
  });
});
