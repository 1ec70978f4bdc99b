import type { PlanAssignment, PlanUnassigned, PriorityKind } from "@jiangxin/domain";
import { hasRegionMap, provinceByCounty } from "../../../app/regions/regionMapCodes";

/** One county of a computed plan, as its map tooltip and shade show it. */
export interface PlanCountySummary {
  code: string;
  name: string;
  priority: PriorityKind[];
  problems: number;
  assigned: number;
  unassigned: number;
  /** Distinct experts sent to the county. */
  expertsUsed: number;
  /** Mean travel of its assignments, one decimal; null when nothing is assigned. */
  meanKm: number | null;
}

/** Only what the map reads of the answer's rows. */
type ProblemRow = Pick<PlanUnassigned, "problemId" | "countyCode" | "countyName" | "priority">;
type PairRow = ProblemRow & Pick<PlanAssignment, "expertId" | "expertCountyCode" | "expertCountyName" | "distanceKm">;
export interface PlanRows {
  assignments: readonly PairRow[];
  unassigned: readonly ProblemRow[];
}

/**
 * Every county with a problem in the plan, in the order the answer first names them. Problems are
 * counted once however many rows they have (a team is a row per expert; a team partly filled is
 * both assigned and unassigned), as the plan's totals count them; the mean distance is per pair.
 */
export function planCountySummary(plan: PlanRows): PlanCountySummary[] {
  type Tally = { row: ProblemRow; problems: Set<string>; assigned: Set<string>; unassigned: Set<string>; experts: Set<string>; km: number; pairs: number };
  const byCode = new Map<string, Tally>();
  const countyOf = (row: ProblemRow) => {
    let county = byCode.get(row.countyCode);
    if (!county) byCode.set(row.countyCode, (county = { row, problems: new Set(), assigned: new Set(), unassigned: new Set(), experts: new Set(), km: 0, pairs: 0 }));
    county.problems.add(row.problemId);
    return county;
  };
  for (const a of plan.assignments) {
    const county = countyOf(a);
    county.assigned.add(a.problemId);
    county.experts.add(a.expertId);
    county.km += a.distanceKm;
    county.pairs++;
  }
  for (const u of plan.unassigned) countyOf(u).unassigned.add(u.problemId);
  return [...byCode.values()].map((c) => ({
    code: c.row.countyCode,
    name: c.row.countyName,
    priority: c.row.priority,
    problems: c.problems.size,
    assigned: c.assigned.size,
    unassigned: c.unassigned.size,
    expertsUsed: c.experts.size,
    meanKm: c.pairs > 0 ? Math.round((c.km / c.pairs) * 10) / 10 : null,
  }));
}

/** Share of a county's problems the plan assigns, 0–1. */
export const assignedShare = (county: PlanCountySummary) => (county.problems > 0 ? county.assigned / county.problems : 0);

/** Experts travelling from one home county into the selected county. */
export interface PlanFlow {
  fromCode: string;
  fromName: string;
  toCode: string;
  toName: string;
  /** Problems served along this route. */
  problems: number;
  experts: number;
}

/** Where the experts sent to `countyCode` come from, the busiest route first; their own county included. */
export function planFlowsInto(plan: Pick<PlanRows, "assignments">, countyCode: string): PlanFlow[] {
  const byHome = new Map<string, { row: PairRow; problemIds: Set<string>; expertIds: Set<string> }>();
  for (const a of plan.assignments) {
    if (a.countyCode !== countyCode) continue;
    let flow = byHome.get(a.expertCountyCode);
    if (!flow) byHome.set(a.expertCountyCode, (flow = { row: a, problemIds: new Set(), expertIds: new Set() }));
    flow.problemIds.add(a.problemId);
    flow.expertIds.add(a.expertId);
  }
  return [...byHome.values()]
    .map(({ row, problemIds, expertIds }) => ({
      fromCode: row.expertCountyCode,
      fromName: row.expertCountyName,
      toCode: row.countyCode,
      toName: row.countyName,
      problems: problemIds.size,
      experts: expertIds.size,
    }))
    .sort((a, b) => b.problems - a.problems || a.fromCode.localeCompare(b.fromCode));
}

/**
 * The smallest map that shows every county the plan touches — its problems' counties and its
 * experts' home counties, so every route can be drawn: one city's counties when they all lie in
 * one city, else the whole province by county.
 */
export function planMapCode(plan: PlanRows): string {
  const cities = new Set<string>();
  for (const row of [...plan.assignments, ...plan.unassigned]) cities.add(cityOf(row.countyCode));
  for (const a of plan.assignments) cities.add(cityOf(a.expertCountyCode));
  const [only] = cities;
  return cities.size === 1 && only !== undefined && hasRegionMap(only) ? only : provinceByCounty;
}

/** Zhejiang's county codes (33xxyy) sit under their city 33xx00. */
const cityOf = (countyCode: string) => `${countyCode.slice(0, 4)}00`;
