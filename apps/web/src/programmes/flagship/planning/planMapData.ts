import type { MapArea, MapFlow, MapMarker } from "../stats/charts/mapOption";
import { assignedShare, type PlanCountySummary, type PlanFlow } from "./planCountySummary";

/** What the plan's map shades a county by. */
export type PlanMapMetric = "share" | "unassigned";

export type Seats = ReadonlyMap<string, { lng: number; lat: number }>;

/** The tooltip of a county: its problems, how many the plan covers, by how many experts, how far. */
export function countyLines(county: PlanCountySummary): string[] {
  return [
    `待匹配难题：${county.problems} 个`,
    `已安排：${county.assigned} 个（${Math.round(assignedShare(county) * 100)}%）`,
    `未安排：${county.unassigned} 个`,
    `动用专家：${county.expertsUsed} 位`,
    `平均距离：${county.meanKm === null ? "—" : `${county.meanKm} 公里`}`,
  ];
}

/** The share is drawn in whole percent so the colour scale reads 0%–100%. */
export function planMapAreas(counties: readonly PlanCountySummary[], metric: PlanMapMetric): MapArea[] {
  return counties.map((c) => ({ code: c.code, value: metric === "share" ? Math.round(assignedShare(c) * 100) : c.unassigned, lines: countyLines(c) }));
}

/** The plan's 山区/海岛 counties at their seats (a county without a known seat goes unmarked). */
export function planMarkers(counties: readonly PlanCountySummary[], seats: Seats): MapMarker[] {
  return counties.flatMap((c) => {
    const seat = seats.get(c.code);
    return c.priority.length > 0 && seat ? [{ code: c.code, name: c.name, kinds: c.priority, lng: seat.lng, lat: seat.lat }] : [];
  });
}

/**
 * Routes from the experts' home seats to the county; the county's own experts travel no route.
 * The width grows with the assignments on it, slowly, so one busy route does not hide the rest.
 */
export function planFlowLines(flows: readonly PlanFlow[], seats: Seats): MapFlow[] {
  return flows.flatMap((f) => {
    const from = seats.get(f.fromCode);
    const to = seats.get(f.toCode);
    if (f.fromCode === f.toCode || !from || !to) return [];
    return [{ from: [from.lng, from.lat], to: [to.lng, to.lat], label: `${f.fromName} → ${f.toName}：${f.experts} 位专家，${f.problems} 个难题`, width: Math.min(6, 1.5 + Math.log2(f.problems)) }];
  });
}
