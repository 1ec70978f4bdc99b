import type { FlowNetwork } from "./FlowNetwork";

export interface PhaseOneArcs {
  /** 1 for the arcs priced in the first phase, 0 for the rest. */
  readonly member: Uint8Array;
  /** How many arcs are members; equal to arcCount when a first phase would not pay. */
  readonly count: number;
  /** Per node, the input arc of least cost entering it, or -1 (for the solver's initial pivots). */
  readonly cheapestIn: Int32Array;
}

/**
 * Hub nodes have more than this many times the mean degree. In the assignment model these are the
 * shortfall and idle nodes, whose arcs decide which slots stay empty: they are always priced.
 */
const HUB_DEGREE_FACTOR = 8;
/** Below this share of all arcs a first phase is worth its second look at the rest. */
const MAX_SHARE = 0.7;

/**
 * The arcs the network simplex prices first: each node's `perNode` cheapest entering arcs, plus
 * every arc at a hub node. An optimum rarely sends flow down an arc dearer than the sixteen best
 * ways into a node, so most pivots can be chosen from this smaller set with smaller pricing blocks;
 * the solver then prices every arc, so the answer is exact either way (see networkSimplex).
 * Two passes over the arcs: degrees and the perNode cheapest costs per node, then membership.
 */
export function phaseOneArcs(network: FlowNetwork, perNode: number): PhaseOneArcs {
  const { nodeCount: n, arcCount: m, source, target, cost } = network;
  const k = Math.max(1, Math.floor(perNode));
  const inDegree = new Int32Array(n);
  const outDegree = new Int32Array(n);
  const cheapestIn = new Int32Array(n).fill(-1);
  // best[t * k .. t * k + k - 1]: the k least costs entering t so far, ascending.
  const best = new Float64Array(n * k).fill(Infinity);
  for (let a = 0; a < m; a++) {
    const s = source[a]!;
    const t = target[a]!;
    const c = cost[a]!;
    inDegree[t] = inDegree[t]! + 1;
    outDegree[s] = outDegree[s]! + 1;
    const base = t * k;
    let p = base + k - 1;
    if (c < best[p]!) {
      while (p > base && best[p - 1]! > c) {
        best[p] = best[p - 1]!;
        p--;
      }
      best[p] = c;
      if (p === base) cheapestIn[t] = a;
    }
  }
  const member = new Uint8Array(m);
  if (m === 0) return { member, count: 0, cheapestIn };
  const hub = HUB_DEGREE_FACTOR * (m / Math.max(n, 1));
  let count = 0;
  for (let a = 0; a < m; a++) {
    const t = target[a]!;
    if (cost[a]! <= best[t * k + k - 1]! || inDegree[t]! > hub || outDegree[source[a]!]! > hub) {
      member[a] = 1;
      count++;
    }
  }
  if (count > MAX_SHARE * m) {
    member.fill(1);
    count = m;
  }
  return { member, count, cheapestIn };
}
