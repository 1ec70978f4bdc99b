import type { FlowNetwork } from "./FlowNetwork";
import { FlowNetworkBuilder } from "./FlowNetworkBuilder";
import {
  defaultWeights,
  type Assignment,
  type AssignmentInput,
  type AssignmentPlan,
  type AssignmentWeights,
  type CostTerms,
  type UnassignedSlot,
} from "./model";

export interface AssignmentModel {
  readonly network: FlowNetwork;
  readonly weights: AssignmentWeights;
  /** Penalty of a team's first missing slot, by priority tier. */
  readonly tierPenalties: readonly number[];
  /** Turns an optimal flow of `network` back into assignments with their reasons. */
  decode(flow: ArrayLike<number>, totalCost: number): AssignmentPlan;
}

/**
 * The campaign as a min-cost flow:
 *
 *   expert (supply = capacity - load) --1, fit+skill+travel+load+continuity--> problem (demand = team)
 *   expert --room, 0--> idle                     unused capacity drains here
 *   shortfall --1 per slot, tier penalty--> problem   a slot left empty
 *   shortfall --all slots, 0--> idle             shortfall supply that was not needed
 *
 * shortfall supplies the number of slots and idle absorbs all capacity, so the network is always
 * feasible. Expert-to-problem arcs have capacity 1: an expert is on a team at most once.
 */
export function buildAssignmentModel(input: AssignmentInput): AssignmentModel {
  const weights: AssignmentWeights = { ...defaultWeights, ...input.weights };
  for (const key of ["tradeFit", "skill", "maxSkillLevel", "travel", "load", "continuity", "emptierTeam"] as const) {
    if (!Number.isSafeInteger(weights[key]) || weights[key] < 0) throw new RangeError(`weight ${key} must be a non-negative integer`);
  }
  const { problems, experts } = input;
  const b = new FlowNetworkBuilder();

  const expertNode = new Map<string, number>();
  const nodeExpert: number[] = [];
  let totalRoom = 0;
  experts.forEach((e, i) => {
    const room = e.capacity - e.currentLoad;
    if (expertNode.has(e.id)) throw new RangeError(`expert ${e.id} listed twice`);
    if (room > 0) {
      expertNode.set(e.id, b.addNode(room));
      nodeExpert.push(i);
      totalRoom += room;
    }
  });
  const problemNode = new Map<string, number>();
  const firstProblemNode = b.nodeCount;
  let totalSlots = 0;
  let maxTier = 0;
  for (const p of problems) {
    if (problemNode.has(p.id)) throw new RangeError(`problem ${p.id} listed twice`);
    if (!Number.isInteger(p.teamSize) || p.teamSize < 1) throw new RangeError(`problem ${p.id}: team size ${p.teamSize}`);
    if (!Number.isInteger(p.priorityTier) || p.priorityTier < 0) throw new RangeError(`problem ${p.id}: priority tier ${p.priorityTier}`);
    problemNode.set(p.id, b.addNode(-p.teamSize));
    totalSlots += p.teamSize;
    maxTier = Math.max(maxTier, p.priorityTier);
  }
  const shortfall = b.addNode(totalSlots);
  const idle = b.addNode(-totalRoom);

  // Candidate arcs. Terms are kept per arc (as flat arrays) so that decoding can explain each match.
  const expertIndex = new Map<string, number>(experts.map((e, i) => [e.id, i]));
  const helped = experts.map((e) => new Set(e.helpedEnterprises));
  const seen = new Set<string>();
  const arcProblem: number[] = [];
  const arcExpert: number[] = [];
  const terms: CostTerms[] = [];
  const eligibleCount = new Int32Array(problems.length);
  let dropped = 0;
  let maxArcCost = 0;
  for (const c of input.candidates) {
    const from = expertNode.get(c.expert);
    const to = problemNode.get(c.problem);
    const key = `${c.expert}\u0000${c.problem}`;
    if (to === undefined) throw new RangeError(`candidate names unknown problem ${c.problem}`);
    if (!expertIndex.has(c.expert)) throw new RangeError(`candidate names unknown expert ${c.expert}`);
    const expert = experts[expertIndex.get(c.expert)!]!;
    const pi = to - firstProblemNode;
    const problem = problems[pi]!;
    const fit = expert.trades.indexOf(problem.trade);
    if (from === undefined || fit < 0 || seen.has(key)) {
      dropped++;
      continue;
    }
    seen.add(key);
    const distance = input.distance(expert.homeCounty, problem.county);
    if (!Number.isSafeInteger(distance) || distance < 0) {
      throw new RangeError(`distance ${expert.homeCounty}→${problem.county} is ${distance}, not a non-negative integer`);
    }
    const t: CostTerms = {
      tradeFit: weights.tradeFit * fit,
      skill: weights.skill * Math.max(0, weights.maxSkillLevel - expert.skillLevel),
      travel: weights.travel * distance,
      load: weights.load * expert.currentLoad,
      continuity: helped[expertIndex.get(c.expert)!]!.has(problem.enterprise) ? 0 : weights.continuity,
    };
    const cost = t.tradeFit + t.skill + t.travel + t.load + t.continuity;
    b.addArc(from, to, 1, cost);
    arcProblem.push(pi);
    arcExpert.push(expertIndex.get(c.expert)!);
    terms.push(t);
    eligibleCount[pi]!++;
    maxArcCost = Math.max(maxArcCost, cost);
  }
  const candidateArcs = terms.length;

  const tierPenalties = input.weights?.unassignedPenalty?.slice() ?? strictTierPenalties(maxTier, {
    maxArcCost,
    pathArcs: 2 * Math.min(nodeExpert.length, problems.length) + 2,
    emptierTeam: weights.emptierTeam,
  });
  if (tierPenalties.length <= maxTier) throw new RangeError(`unassignedPenalty needs an entry for tier ${maxTier}`);

  // Missing slots cost more the emptier the team: the k-th missing slot adds (k-1) * emptierTeam.
  const shortfallArcStart = b.arcCount;
  const slotOf: number[] = [];
  problems.forEach((p, pi) => {
    for (let k = 1; k <= p.teamSize; k++) {
      b.addArc(shortfall, firstProblemNode + pi, 1, tierPenalties[p.priorityTier]! + (k - 1) * weights.emptierTeam);
      slotOf.push(pi);
    }
  });
  nodeExpert.forEach((_, node) => b.addArc(node, idle, experts[nodeExpert[node]!]!.capacity - experts[nodeExpert[node]!]!.currentLoad, 0));
  b.addArc(shortfall, idle, totalSlots, 0);
  const network = b.build();

  return {
    network,
    weights,
    tierPenalties,
    decode(flow, totalCost) {
      const assignments: Assignment[] = [];
      const filled = new Int32Array(problems.length);
      for (let a = 0; a < candidateArcs; a++) {
        if (flow[a] !== 1) continue;
        const t = terms[a]!;
        assignments.push({ problem: problems[arcProblem[a]!]!.id, expert: experts[arcExpert[a]!]!.id, cost: network.cost[a]!, terms: t });
        filled[arcProblem[a]!]!++;
      }
      const unassigned: UnassignedSlot[] = [];
      const missingSoFar = new Int32Array(problems.length);
      for (let i = 0; i < slotOf.length; i++) {
        const a = shortfallArcStart + i;
        if (flow[a] !== 1) continue;
        const pi = slotOf[i]!;
        const slot = filled[pi]! + ++missingSoFar[pi]!;
        const eligible = eligibleCount[pi]!;
        const reason = eligible === 0 ? "no-eligible-expert" : slot > eligible ? "too-few-eligible-experts" : "experts-needed-elsewhere";
        unassigned.push({ problem: problems[pi]!.id, slot, penalty: network.cost[a]!, reason });
      }
      return { assignments, unassigned, totalCost, droppedCandidates: dropped };
    },
  };
}

/**
 * Tier penalties large enough that priority is lexicographic. Comparing two plans, the difference
 * splits into alternating paths through the shortfall node; one that fills a slot of tier t and
 * empties one of a lower tier (or takes idle capacity) uses at most `pathArcs` candidate arcs, so its
 * assignment costs rise by less than pathArcs * maxArcCost, and its slot surcharges by at most
 * 4 * emptierTeam. A gap above that between tiers, and below tier 0, means any such path pays.
 */
export function strictTierPenalties(maxTier: number, bounds: { maxArcCost: number; pathArcs: number; emptierTeam: number }): number[] {
  const gap = bounds.pathArcs * bounds.maxArcCost + 4 * bounds.emptierTeam + 1;
  return Array.from({ length: maxTier + 1 }, (_, tier) => (tier + 1) * gap);
}
