import type { FlowNetwork } from "./FlowNetwork";

/**
 * Throws a RangeError naming the first arc or node that the solver cannot handle exactly. The
 * solver keeps node potentials as doubles; they stay exact while (max |cost| + 1) * (nodes + 1)
 * stays well inside 2^53, which is checked here instead of silently returning a wrong optimum.
 * Returns the largest |cost|, which the solver needs anyway (artificial costs, cost array width).
 */
export function validateFlowNetwork(network: FlowNetwork): number {
  const { nodeCount: n, arcCount: m, source, target, lower, capacity, cost, supply } = network;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`bad node count ${n}`);
  if (source.length < m || target.length < m || capacity.length < m || cost.length < m || (lower && lower.length < m)) {
    throw new RangeError("arc arrays are shorter than arcCount");
  }
  if (supply.length < n) throw new RangeError("supply array is shorter than nodeCount");
  let maxCost = 0;
  for (let a = 0; a < m; a++) {
    const s = source[a]!;
    const t = target[a]!;
    if (s < 0 || s >= n || t < 0 || t >= n) throw new RangeError(`arc ${a}: node out of range`);
    const c = cost[a]!;
    if (!Number.isSafeInteger(c)) throw new RangeError(`arc ${a}: cost ${c} is not a safe integer`);
    maxCost = Math.max(maxCost, Math.abs(c));
    const lo = lower ? lower[a]! : 0;
    const hi = capacity[a]!;
    if (!Number.isSafeInteger(lo)) throw new RangeError(`arc ${a}: lower bound ${lo} is not a safe integer`);
    if (hi !== Infinity && !Number.isSafeInteger(hi)) throw new RangeError(`arc ${a}: capacity ${hi} is not a safe integer or Infinity`);
    if (hi < lo) throw new RangeError(`arc ${a}: capacity ${hi} is below lower bound ${lo}`);
  }
  for (let v = 0; v < n; v++) {
    if (!Number.isSafeInteger(supply[v])) throw new RangeError(`node ${v}: supply ${supply[v]} is not a safe integer`);
  }
  if ((maxCost + 1) * (n + 1) * 4 > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`costs up to ${maxCost} on ${n} nodes could exceed exact double arithmetic`);
  }
  return maxCost;
}
