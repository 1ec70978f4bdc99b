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

  // Candidate arcs. Everything per arc is in typed arrays (a province-wide plan has ~1M candidates):
  // the terms are kept so decoding can explain each match, but objects are made only for the chosen.
  const expertIndex = new Map<string, number>();
  experts.forEach((e, i) => expertIndex.set(e.id, i));
  const helped = experts.map((e) => new Set(e.helpedEnterprises));
  const candidates = input.candidates;
  const n = candidates.length;
  const candExpert = new Int32Array(n);
  const candProblem = new Int32Array(n);
  const candFit = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const cand = candidates[c]!;
    const to = problemNode.get(cand.problem);
    if (to === undefined) throw new RangeError(`candidate names unknown problem ${cand.problem}`);
    const ei = expertIndex.get(cand.expert);
    if (ei === undefined) throw new RangeError(`candidate names unknown expert ${cand.expert}`);
    const pi = to - firstProblemNode;
    candExpert[c] = ei;
    candProblem[c] = pi;
    candFit[c] = expertNode.has(cand.expert) ? experts[ei]!.trades.indexOf(problems[pi]!.trade) : -1;
  }
  // Duplicate pairs: bucket candidates by problem (stable), then one stamp per expert finds repeats
  // within a bucket, so no string key or set entry is built per candidate. The first one stays.
  const bucketStart = new Int32Array(problems.length + 1);
  for (let c = 0; c < n; c++) bucketStart[candProblem[c]! + 1]!++;
  for (let pi = 0; pi < problems.length; pi++) bucketStart[pi + 1]! += bucketStart[pi]!;
  const fill = bucketStart.slice(0, problems.length);
  const byProblem = new Int32Array(n);
  for (let c = 0; c < n; c++) byProblem[fill[candProblem[c]!]!++] = c;
  const stamp = new Int32Array(experts.length).fill(-1);
  const duplicate = new Uint8Array(n);
  for (let pi = 0; pi < problems.length; pi++) {
    for (let k = bucketStart[pi]!; k < bucketStart[pi + 1]!; k++) {
      const c = byProblem[k]!;
      // Only kept candidates count as seen, as in a one-pass filter: a dropped one never blocks.
      if (candFit[c]! < 0) continue;
      const ei = candExpert[c]!;
      if (stamp[ei] === pi) duplicate[c] = 1;
      else stamp[ei] = pi;
    }
  }

  // Distances per county pair, asked of the caller once each rather than once per candidate.
  const countyIndex = new Map<string, number>();
  const countyOf = (code: string) => {
    let i = countyIndex.get(code);
    if (i === undefined) countyIndex.set(code, (i = countyIndex.size));
    return i;
  };
  const expertCounty = Int32Array.from(experts, (e) => countyOf(e.homeCounty));
  const problemCounty = Int32Array.from(problems, (p) => countyOf(p.county));
  const counties = [...countyIndex.keys()];
  const nc = counties.length;
  const distanceMemo = new Float64Array(nc * nc).fill(-1);
  const distanceOf = (ei: number, pi: number) => {
    const k = expertCounty[ei]! * nc + problemCounty[pi]!;
    let d = distanceMemo[k]!;
    if (d < 0) {
      const from = experts[ei]!.homeCounty;
      const to = problems[pi]!.county;
      d = input.distance(from, to);
      if (!Number.isSafeInteger(d) || d < 0) throw new RangeError(`distance ${from}→${to} is ${d}, not a non-negative integer`);
      distanceMemo[k] = d;
    }
    return d;
  };

  const kept = n - duplicate.reduce((sum, x) => sum + x, 0);
  const arcProblem = new Int32Array(kept);
  const arcExpert = new Int32Array(kept);
  const termTradeFit = new Float64Array(kept);
  const termSkill = new Float64Array(kept);
  const termTravel = new Float64Array(kept);
  const termLoad = new Float64Array(kept);
  const termContinuity = new Float64Array(kept);
  const eligibleCount = new Int32Array(problems.length);
  let dropped = 0;
  let maxArcCost = 0;
  let candidateArcs = 0;
  for (let c = 0; c < n; c++) {
    const fit = candFit[c]!;
    if (fit < 0 || duplicate[c] === 1) {
      dropped++;
      continue;
    }
    const ei = candExpert[c]!;
    const pi = candProblem[c]!;
    const expert = experts[ei]!;
    const distance = distanceOf(ei, pi);
    const tradeFit = weights.tradeFit * fit;
    const skill = weights.skill * Math.max(0, weights.maxSkillLevel - expert.skillLevel);
    const travel = weights.travel * distance;
    const load = weights.load * expert.currentLoad;
    const continuity = helped[ei]!.has(problems[pi]!.enterprise) ? 0 : weights.continuity;
    const cost = tradeFit + skill + travel + load + continuity;
    b.addArc(expertNode.get(expert.id)!, firstProblemNode + pi, 1, cost);
    const a = candidateArcs++;
    arcProblem[a] = pi;
    arcExpert[a] = ei;
    termTradeFit[a] = tradeFit;
    termSkill[a] = skill;
    termTravel[a] = travel;
    termLoad[a] = load;
    termContinuity[a] = continuity;
    eligibleCount[pi]!++;
    maxArcCost = Math.max(maxArcCost, cost);
  }

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
        const terms: CostTerms = {
          tradeFit: termTradeFit[a]!,
          skill: termSkill[a]!,
          travel: termTravel[a]!,
          load: termLoad[a]!,
          continuity: termContinuity[a]!,
        };
        assignments.push({ problem: problems[arcProblem[a]!]!.id, expert: experts[arcExpert[a]!]!.id, cost: network.cost[a]!, terms });
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
