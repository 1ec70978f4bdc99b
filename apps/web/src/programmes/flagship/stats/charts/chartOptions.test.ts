import type { RegionNode, StatFigures, StatsByRegion, StatsMonthly } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { priorityMarkers } from "../statsMapData";
import { mapOption } from "./mapOption";
import { trendOption } from "./trendOption";

const zero: StatFigures = { sessions: 0, expertParticipations: 0, enterprisesServed: 0, problemsSolved: 0, workerTrainings: 0, benefitEstimatedYuan: "0.00", benefitVerifiedYuan: "0.00", hasRecords: false };
const monthly: StatsMonthly = {
  year: 2025,
  regionCode: "330000",
  campaignId: null,
  // March is missing: the chart still has twelve bars, March at zero.
  months: [
    { month: 1, ...zero, sessions: 3, enterprisesServed: 2, benefitEstimatedYuan: "12345.67" },
    { month: 2, ...zero, sessions: 4, enterprisesServed: 2, benefitEstimatedYuan: "10000.00" },
  ],
};

type Series = { type: string; data: unknown[]; yAxisIndex?: number };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

describe("monthly trend chart", () => {
  it("draws twelve months of bars and the running total", () => {
    const [bars, line] = seriesOf(trendOption(monthly, "sessions", { compact: false }));
    expect(bars?.data).toEqual([3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(line?.data.slice(0, 3)).toEqual([3, 7, 7]);
  });

  it("stops at the current month of the current year instead of drawing months still to come", () => {
    // 24 November 2026, 09:00 in China.
    const now = new Date("2026-11-24T01:00:00Z");
    const [bars, line] = seriesOf(trendOption({ ...monthly, year: 2026 }, "sessions", { compact: false, now }));
    expect(bars?.data).toEqual([3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, null]);
    expect(line?.data.slice(9)).toEqual([7, 7, null]);
    // A past year has all twelve months; on New Year's Eve 23:30 China time the year is still the current one.
    expect(seriesOf(trendOption(monthly, "sessions", { compact: false, now }))[0]?.data).toHaveLength(12);
    expect(seriesOf(trendOption(monthly, "sessions", { compact: false, now }))[0]?.data.at(-1)).toBe(0);
    const [december] = seriesOf(trendOption({ ...monthly, year: 2026 }, "sessions", { compact: false, now: new Date("2026-12-31T15:30:00Z") }));
    expect(december?.data.at(-1)).toBe(0);
  });

  it("adds no running total of enterprises, which are distinct per month", () => {
    expect(seriesOf(trendOption(monthly, "enterprisesServed", { compact: false }))).toHaveLength(1);
  });

  it("draws money in 万元", () => {
    const [bars] = seriesOf(trendOption(monthly, "benefitEstimatedYuan", { compact: true }));
    expect(bars?.data.slice(0, 2)).toEqual([1.23, 1]);
  });
});

const county = (code: string, name: string, priority: RegionNode["priority"], lng: number | null = 119): RegionNode => ({ code, name, level: "county", parentCode: "330100", lng, lat: 29.6, priority, children: [] });
const hangzhou: RegionNode = {
  code: "330100",
  name: "杭州市",
  level: "city",
  parentCode: "330000",
  lng: 120.15,
  lat: 30.28,
  priority: [],
  children: [county("330127", "淳安县", ["mountainous"]), county("330122", "桐庐县", []), county("330182", "建德市", ["mountainous"], null)],
};
const byRegion = (rows: { code: string; name: string; sessions: number; priority: RegionNode["priority"] }[]): StatsByRegion => ({
  year: 2025,
  regionCode: "330100",
  campaignId: null,
  depth: "children",
  total: zero,
  rows: rows.map((r) => ({ ...zero, ...r, level: "county", parentCode: "330100" })),
});

describe("county map", () => {
  it("marks priority counties at their seats, by the year's membership when the rows say it", () => {
    // In that year 桐庐 was (say) a priority county and 淳安 was not; 建德 has no seat coordinates.
    const data = byRegion([
      { code: "330127", name: "淳安县", sessions: 5, priority: [] },
      { code: "330122", name: "桐庐县", sessions: 2, priority: ["mountainous"] },
    ]);
    expect(priorityMarkers(hangzhou, data).map((m) => m.code)).toEqual(["330122"]);
    expect(priorityMarkers(hangzhou, undefined).map((m) => m.code)).toEqual(["330127"]);
  });

  it("shades regions by code through the map's own names, scaled to the largest drawn", () => {
    const option = mapOption({
      mapName: "zj-330100",
      nameByCode: new Map([["330127", "淳安县"], ["330122", "桐庐县"]]),
      areas: [
        { code: "330127", value: 44, lines: [] },
        { code: "330122", value: 18, lines: [] },
        { code: "339999", value: 99, lines: [] },
      ],
      markers: [],
      figureTitle: "服务场次",
      formatValue: String,
      compact: false,
    }) as { series: Series[]; visualMap: { max: number } };
    expect(option.series[0]?.data).toEqual([{ name: "淳安县", value: 44 }, { name: "桐庐县", value: 18 }]);
    expect(option.visualMap.max).toBe(44);
  });

  it("takes a fixed scale, outlines the selected region and draws routes when asked (the plan's map)", () => {
    const option = mapOption({
      mapName: "zj-330100",
      nameByCode: new Map([["330127", "淳安县"], ["330182", "建德市"]]),
      areas: [{ code: "330127", value: 75, lines: [] }],
      markers: [],
      figureTitle: "安排比例",
      formatValue: (v) => `${v}%`,
      compact: false,
      max: 100,
      selectedCode: "330127",
      flows: [{ from: [119.28, 29.47], to: [119.04, 29.61], label: "建德市 → 淳安县", width: 2 }],
    }) as { series: Series[]; visualMap: { max: number; text: string[] }; geo: { regions: { name: string }[] } };
    expect(option.visualMap).toMatchObject({ max: 100, text: ["100%", "0"] });
    expect(option.geo.regions.map((r) => r.name)).toEqual(["淳安县"]);
    expect(option.series.map((s) => s.type)).toEqual(["map", "scatter", "lines"]);
    expect(option.series[2]?.data).toEqual([{ name: "建德市 → 淳安县", coords: [[119.28, 29.47], [119.04, 29.61]], lineStyle: { width: 2 } }]);
  });
});
