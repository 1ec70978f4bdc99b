import {
  priorityKindLabels,
  skillLevelLabels,
  skillRank,
  trades,
  type Expert,
  type ExpertSuggestion,
  type PriorityKind,
  type TradeCode,
} from "@jiangxin/domain";

/**
 * The points each reason is worth. Integers, in one place, so the person deciding (and the campaign
 * planner later) can read exactly why one expert ranks above another.
 *
 * Trade match outweighs all other terms together (35 + 40 + 10 + 25 = 110 < 200): an expert of the
 * wrong trade next door is never proposed ahead of the right trade across the province.
 */
export const suggestionWeights = {
  tradeMatch: 200,
  /** Per step on the 8-step skill ladder (学徒工 0 … 首席技师 7). */
  perSkillRank: 5,
  /** Points for distance 0; one point less per `kmPerPoint` km, never below 0 (unknown distance: 0). */
  nearbyMax: 40,
  kmPerPoint: 10,
  /** Scaled by the share of capacity still free, so load spreads over the pool. */
  spareCapacityMax: 10,
  helpedBefore: 25,
  /**
   * The same for every expert on one problem, so it does not reorder one list; it lifts problems in
   * 山区/海岛 counties when suggestions for several problems are compared (campaign planning).
   */
  priorityCounty: 15,
} as const;

export type RankProblem = { trade: string; countyCode: string; priority: readonly PriorityKind[] };
export type RankCandidate = { expert: Expert; distanceKm: number | null; helpedBefore: boolean };

export const defaultSuggestionLimit = 10;
/** A name search or the distance order shows more than the ten suggestions: one screen on a phone. */
export const searchSuggestionLimit = 20;

const tradeName = (code: string) => (code in trades ? trades[code as TradeCode] : code);

function distancePoints(km: number | null): number {
  if (km === null) return 0;
  return Math.max(0, suggestionWeights.nearbyMax - Math.floor(km / suggestionWeights.kmPerPoint));
}

function summaryOf(problem: RankProblem, c: RankCandidate, tradeMatch: boolean): string {
  const e = c.expert;
  const parts = [
    tradeMatch ? `工种对口(${tradeName(problem.trade)})` : `工种不对口(专长${e.trades.map(tradeName).join("、")})`,
    skillLevelLabels[e.skillLevel],
    e.homeCountyCode === problem.countyCode ? "本县专家" : c.distanceKm === null ? "距离未知" : `距离${Math.round(c.distanceKm)}公里`,
    `在办${e.openProblems}/${e.maxOpenProblems}`,
  ];
  if (c.helpedBefore) parts.push("曾服务该企业");
  for (const kind of problem.priority) parts.push(`${priorityKindLabels[kind]}优先`);
  return parts.join("·");
}

/**
 * Ranks the pool for one problem: only active, available experts with capacity left, best first.
 * Ties go to the nearer expert, then by name, so the order is stable from one call to the next.
 */
export function rankExperts(problem: RankProblem, candidates: readonly RankCandidate[], limit = defaultSuggestionLimit, sort: "score" | "distance" = "score"): ExpertSuggestion[] {
  const w = suggestionWeights;
  const priorityCounty = problem.priority.length > 0;
  const ranked = candidates
    .filter((c) => c.expert.active && c.expert.availability === "available" && c.expert.openProblems < c.expert.maxOpenProblems)
    .map((c) => {
      const e = c.expert;
      const tradeMatch = e.trades.includes(problem.trade as TradeCode);
      const capacityLeft = e.maxOpenProblems - e.openProblems;
      const score =
        (tradeMatch ? w.tradeMatch : 0) +
        skillRank(e.skillLevel) * w.perSkillRank +
        distancePoints(c.distanceKm) +
        Math.floor((w.spareCapacityMax * capacityLeft) / e.maxOpenProblems) +
        (c.helpedBefore ? w.helpedBefore : 0) +
        (priorityCounty ? w.priorityCounty : 0);
      const suggestion: ExpertSuggestion = {
        expert: e,
        score,
        reasons: {
          tradeMatch,
          skillLevel: e.skillLevel,
          distanceKm: c.distanceKm === null ? null : Math.round(c.distanceKm * 10) / 10,
          openProblems: e.openProblems,
          capacityLeft,
          helpedBefore: c.helpedBefore,
          priorityCounty,
          priorityKinds: [...problem.priority],
        },
        summary: summaryOf(problem, c, tradeMatch),
      };
      return suggestion;
    });
  const nearer = (a: ExpertSuggestion, b: ExpertSuggestion) => (a.reasons.distanceKm ?? Infinity) - (b.reasons.distanceKm ?? Infinity);
  ranked.sort(
    (a, b) =>
      (sort === "distance" ? nearer(a, b) : 0) ||
      b.score - a.score ||
      (a.reasons.distanceKm ?? Infinity) - (b.reasons.distanceKm ?? Infinity) ||
      a.expert.name.localeCompare(b.expert.name, "zh-CN") ||
      a.expert.id.localeCompare(b.expert.id),
  );
  return ranked.slice(0, limit);
}
