import type { AssignmentPlan, Candidate } from "@jiangxin/matching";
import type { ArcExpert, ArcProblem } from "./candidateArcs";

/**
 * Candidates for another solve: for each problem the plan left with an empty slot, every expert of
 * its trade who still has room after the plan and is not yet one of its candidates (nor forbidden).
 *
 * candidateArcs gives each problem a shortlist, so a problem can come back "experts needed
 * elsewhere" while an expert outside its list sits idle (4 of 20,000 in the province benchmark).
 * Solving again with these arcs added lets the strict priority tiers do their work on them: a slot
 * then stays empty only if every eligible expert is busy with work at least as urgent. Pinned parts
 * (ids in `pins`) keep their single arc.
 */
export function idleOutsiders(input: {
  plan: AssignmentPlan;
  problems: readonly ArcProblem[];
  experts: readonly ArcExpert[];
  candidates: readonly Candidate[];
  forbids: ReadonlySet<string>;
  pins: ReadonlyMap<string, string>;
  /** The forbid key of a (problem, expert) pair, as the caller builds it. */
  pairKey: (problemId: string, expertId: string) => string;
}): Candidate[] {
  const { plan, pairKey } = input;
  const short = new Set<string>();
  for (const u of plan.unassigned) if (!input.pins.has(u.problem)) short.add(u.problem);
  if (short.size === 0) return [];

  const used = new Map<string, number>();
  for (const a of plan.assignments) used.set(a.expert, (used.get(a.expert) ?? 0) + 1);
  const idleByTrade = new Map<string, string[]>();
  for (const e of input.experts) {
    if (e.room - (used.get(e.id) ?? 0) <= 0) continue;
    for (const t of e.trades) {
      const list = idleByTrade.get(t);
      if (list) list.push(e.id);
      else idleByTrade.set(t, [e.id]);
    }
  }
  if (idleByTrade.size === 0) return [];

  const existing = new Set<string>();
  for (const c of input.candidates) if (short.has(c.problem)) existing.add(pairKey(c.problem, c.expert));
  const extra: Candidate[] = [];
  for (const p of input.problems) {
    if (!short.has(p.id)) continue;
    for (const expert of idleByTrade.get(p.trade) ?? []) {
      const key = pairKey(p.id, expert);
      if (!existing.has(key) && !input.forbids.has(key)) extra.push({ problem: p.id, expert });
    }
  }
  return extra;
}
