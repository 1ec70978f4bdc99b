import { describe, expect, it } from "vitest";
import type { PlanCountySummary } from "./planCountySummary";
import { countyLines, planFlowLines, planMapAreas, planMarkers } from "./planMapData";

const chunan: PlanCountySummary = { code: "330127", name: "淳安县", priority: ["mountainous"], problems: 4, assigned: 3, unassigned: 1, expertsUsed: 2, meanKm: 73.3 };
const wuyi: PlanCountySummary = { code: "330723", name: "武义县", priority: ["mountainous"], problems: 1, assigned: 0, unassigned: 1, expertsUsed: 0, meanKm: null };
const seats = new Map([
  ["330127", { lng: 119.04, lat: 29.61 }],
  ["330182", { lng: 119.28, lat: 29.47 }],
]);

describe("the plan's map", () => {
  it("says per county its problems, assigned, unassigned, experts and mean distance", () => {
    expect(countyLines(chunan)).toEqual(["待匹配难题：4 个", "已安排：3 个（75%）", "未安排：1 个", "动用专家：2 位", "平均距离：73.3 公里"]);
    expect(countyLines(wuyi).at(-1)).toBe("平均距离：—");
  });

  it("shades by the share assigned in percent, or by the count left unassigned", () => {
    expect(planMapAreas([chunan, wuyi], "share").map((a) => a.value)).toEqual([75, 0]);
    expect(planMapAreas([chunan, wuyi], "unassigned").map((a) => a.value)).toEqual([1, 1]);
  });

  it("marks priority counties whose seat is known", () => {
    expect(planMarkers([chunan, wuyi], seats)).toEqual([{ code: "330127", name: "淳安县", kinds: ["mountainous"], lng: 119.04, lat: 29.61 }]);
  });

  it("draws a route per home county, none for the county's own experts", () => {
    const lines = planFlowLines(
      [
        { fromCode: "330182", fromName: "建德市", toCode: "330127", toName: "淳安县", problems: 2, experts: 1 },
        { fromCode: "330127", fromName: "淳安县", toCode: "330127", toName: "淳安县", problems: 1, experts: 1 },
      ],
      seats,
    );
    expect(lines).toEqual([{ from: [119.28, 29.47], to: [119.04, 29.61], label: "建德市 → 淳安县：1 位专家，2 个难题", width: 2.5 }]);
  });
});
