import type { FlowNetwork } from "./FlowNetwork";

export type ReferenceResult =
  | { readonly status: "optimal"; readonly cost: number; readonly flow: number[] }
  | { readonly status: "infeasible" }
  | { readonly status: "unbounded" };

/**
 * A deliberately simple min-cost flow solver for testing the network simplex on small networks:
 * successive shortest paths with Bellman-Ford, over an explicit residual arc list. It shares no code
 * with the simplex, so agreeing optima are evidence, not a tautology. Quadratic-ish and allocating:
 * never use it on real instances.
 */
export function referenceSolver(network: FlowNetwork): ReferenceResult {
  const n = network.nodeCount;
  const m = network.arcCount;
  const lower = (a: number) => (network.lower ? network.lower[a]! : 0);
  let supplySum = 0;
  for (let v = 0; v < n; v++) supplySum += network.supply[v]!;
  if (supplySum !== 0) return { status: "infeasible" };

  // Without a negative cycle of unlimited arcs, some optimum is paths from supplies to demands plus
  // cycles each limited by a finite arc, so no arc needs more than this: it can stand in for "unlimited".
  let bound = 1;
  for (let v = 0; v < n; v++) bound += Math.abs(network.supply[v]!);
  for (let a = 0; a < m; a++) bound += 2 * Math.abs(lower(a)) + (network.capacity[a] === Infinity ? 0 : network.capacity[a]!);

  const hasNegativeUnlimitedCycle = negativeCycleAmong(
    n,
    range(m).filter((a) => network.capacity[a] === Infinity).map((a) => [network.source[a]!, network.target[a]!, network.cost[a]!] as const),
  );
  const capacity = range(m).map((a) => (network.capacity[a] === Infinity ? bound + lower(a) : network.capacity[a]!));
  const result = successiveShortestPaths(network, capacity);
  if (result.status === "optimal" && hasNegativeUnlimitedCycle) return { status: "unbounded" };
  return result;
}

function successiveShortestPaths(network: FlowNetwork, capacity: number[]): ReferenceResult {
  const n = network.nodeCount;
  const m = network.arcCount;
  const excess = range(n).map((v) => network.supply[v]!);
  // Residual arcs in pairs: 2a is arc a forward, 2a+1 its reverse.
  const from: number[] = [];
  const to: number[] = [];
  const residual: number[] = [];
  const cost: number[] = [];
  const flow: number[] = [];
  for (let a = 0; a < m; a++) {
    const s = network.source[a]!;
    const t = network.target[a]!;
    const lo = network.lower ? network.lower[a]! : 0;
    const c = network.cost[a]!;
    // Start at the lower bound, and at the upper bound where the cost is negative, so that the
    // residual network has no negative arc and hence no negative cycle.
    const start = c < 0 ? capacity[a]! : lo;
    flow.push(start);
    excess[s] = excess[s]! - start;
    excess[t] = excess[t]! + start;
    from.push(s, t);
    to.push(t, s);
    residual.push(capacity[a]! - start, start - lo);
    cost.push(c, -c);
  }
  const superSource = n;
  const superSink = n + 1;
  for (let v = 0; v < n; v++) {
    const x = excess[v]!;
    if (x > 0) {
      from.push(superSource, v);
      to.push(v, superSource);
      residual.push(x, 0);
      cost.push(0, 0);
    } else if (x < 0) {
      from.push(v, superSink);
      to.push(superSink, v);
      residual.push(-x, 0);
      cost.push(0, 0);
    }
  }
  let remaining = 0;
  for (let v = 0; v < n; v++) remaining += Math.max(0, excess[v]!);

  while (remaining > 0) {
    // Bellman-Ford from the super source over residual arcs.
    const dist = new Array<number>(n + 2).fill(Infinity);
    const via = new Array<number>(n + 2).fill(-1);
    dist[superSource] = 0;
    for (let round = 0; round < n + 2; round++) {
      let changed = false;
      for (let r = 0; r < residual.length; r++) {
        if (residual[r]! <= 0) continue;
        const d = dist[from[r]!]! + cost[r]!;
        if (d < dist[to[r]!]!) {
          dist[to[r]!] = d;
          via[to[r]!] = r;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (dist[superSink] === Infinity) return { status: "infeasible" };
    let push = remaining;
    for (let v = superSink; v !== superSource; v = from[via[v]!]!) push = Math.min(push, residual[via[v]!]!);
    for (let v = superSink; v !== superSource; v = from[via[v]!]!) {
      const r = via[v]!;
      residual[r] = residual[r]! - push;
      residual[r ^ 1] = residual[r ^ 1]! + push;
      if (r < 2 * m) flow[r >> 1] = flow[r >> 1]! + (r & 1 ? -push : push);
    }
    remaining -= push;
  }
  let total = 0;
  for (let a = 0; a < m; a++) total += flow[a]! * network.cost[a]!;
  return { status: "optimal", cost: total, flow };
}

/** Bellman-Ford from a virtual source joined to every node: is there any negative cycle? */
function negativeCycleAmong(n: number, arcs: readonly (readonly [number, number, number])[]): boolean {
  const dist = new Array<number>(n).fill(0);
  for (let round = 0; round <= n; round++) {
    let changed = false;
    for (const [s, t, c] of arcs) {
      if (dist[s]! + c < dist[t]!) {
        dist[t] = dist[s]! + c;
        changed = true;
      }
    }
    if (!changed) return false;
  }
  return true;
}

function range(k: number): number[] {
  return Array.from({ length: k }, (_, i) => i);
}
