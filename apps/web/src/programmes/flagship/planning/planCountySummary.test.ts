import type { PlanAssignment } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { provinceByCounty } from "../../../app/regions/regionMapCodes";
import { assignedShare, planCountySummary, planFlowsInto, planMapCode, type PlanRows } from "./planCountySummary";

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
type County = Pick<PlanAssignment, "countyCode" | "countyName" | "priority">;
const chunan: County = { countyCode: "330127", countyName: "淳安县", priority: ["mountainous"] };
const shangcheng: County = { countyCode: "330102", countyName: "上城区", priority: [] };
const wuyi: County = { countyCode: "330723", countyName: "武义县", priority: ["mountainous"] };

type Pair = PlanRows["assignments"][number];
function assigned(county: County, expertId: string, expertCountyCode: string, expertCountyName: string, distanceKm: number, problemId = uuid()): Pair {
  return { problemId, ...county, expertId, expertCountyName, expertCountyCode, distanceKm };
}
const left = (county: County, problemId = uuid()) => ({ problemId, ...county });

const welder = uuid();
const turner = uuid();
const plan = {
  assignments: [
    assigned(chunan, welder, "330102", "上城区", 130),
    assigned(chunan, turner, "330182", "建德市", 45),
    assigned(chunan, turner, "330182", "建德市", 45),
    assigned(shangcheng, uuid(), "330102", "上城区", 0),
  ],
  unassigned: [left(chunan), left(wuyi)],
};

describe("the plan by county", () => {
  it("counts problems, assigned, unassigned, distinct experts and mean km per county", () => {
    const rows = planCountySummary(plan);
    expect(rows).toEqual([
      { code: "330127", name: "淳安县", priority: ["mountainous"], problems: 4, assigned: 3, unassigned: 1, expertsUsed: 2, meanKm: 73.3 },
      { code: "330102", name: "上城区", priority: [], problems: 1, assigned: 1, unassigned: 0, expertsUsed: 1, meanKm: 0 },
      { code: "330723", name: "武义县", priority: ["mountainous"], problems: 1, assigned: 0, unassigned: 1, expertsUsed: 0, meanKm: null },
    ]);
    expect(rows.map(assignedShare)).toEqual([0.75, 1, 0]);
    expect(planCountySummary({ assignments: [], unassigned: [] })).toEqual([]);
  });

  it("counts a team's problem once, as assigned and, when a member is missing, as unassigned too", () => {
    const team = uuid();
    const rows = planCountySummary({
      assignments: [assigned(shangcheng, uuid(), "330102", "上城区", 0, team), assigned(shangcheng, uuid(), "330106", "西湖区", 6, team)],
      unassigned: [left(shangcheng, team)],
    });
    expect(rows).toEqual([{ code: "330102", name: "上城区", priority: [], problems: 1, assigned: 1, unassigned: 1, expertsUsed: 2, meanKm: 3 }]);
  });

  it("lists the routes into a county, the busiest first, and none for a county without assignments", () => {
    expect(planFlowsInto(plan, "330127")).toEqual([
      { fromCode: "330182", fromName: "建德市", toCode: "330127", toName: "淳安县", problems: 2, experts: 1 },
      { fromCode: "330102", fromName: "上城区", toCode: "330127", toName: "淳安县", problems: 1, experts: 1 },
    ]);
    expect(planFlowsInto(plan, "330723")).toEqual([]);
  });

  it("draws one city when the problems and the experts' homes all lie in it, else the province by county", () => {
    const hangzhouOnly = { assignments: plan.assignments, unassigned: [left(chunan)] };
    expect(planMapCode(hangzhouOnly)).toBe("330100");
    expect(planMapCode(plan)).toBe(provinceByCounty);
    // An expert from another city needs the wider map for the route to be drawn.
    expect(planMapCode({ assignments: [assigned(chunan, welder, "330824", "开化县", 60)], unassigned: [] })).toBe(provinceByCounty);
  });
});
