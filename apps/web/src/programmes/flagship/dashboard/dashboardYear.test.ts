import type { Indicators, StatsSummary } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { dashboardYear, readDashboardYear } from "./dashboardYear";

const figures = (year: number, sessions: number): Indicators => ({
  year,
  regionCode: "330000",
  campaignId: null,
  sessions,
  hasRecords: sessions > 0,
  expertParticipations: 0,
  enterprisesServed: 0,
  problemsSolved: 0,
  workerTrainings: 0,
  benefitEstimatedYuan: "0.00",
  benefitVerifiedYuan: "0.00",
});
const summary = (now: number, then: number): StatsSummary => ({ current: figures(2026, now), previous: figures(2025, then), previousThrough: null });

describe("dashboardYear", () => {
  it("keeps the year asked for", () => expect(dashboardYear(2024, 2026, undefined)).toEqual({ year: 2024, fellBack: false }));
  it("waits for this year's figures before choosing", () => expect(dashboardYear(undefined, 2026, undefined)).toEqual({ year: null }));
  it("falls back to last year when this year has no sessions and last year has", () => {
    expect(dashboardYear(undefined, 2026, summary(0, 120))).toEqual({ year: 2025, fellBack: true });
    expect(dashboardYear(undefined, 2026, summary(3, 120))).toEqual({ year: 2026, fellBack: false });
    expect(dashboardYear(undefined, 2026, summary(0, 0))).toEqual({ year: 2026, fellBack: false });
  });
  it("reads only sensible years from the address", () => {
    const now = new Date("2026-11-23T00:00:00Z");
    expect(readDashboardYear(new URLSearchParams("year=2025"), now)).toBe(2025);
    expect(readDashboardYear(new URLSearchParams("year=2030"), now)).toBeUndefined();
    expect(readDashboardYear(new URLSearchParams("year=abc"), now)).toBeUndefined();
  });
});
