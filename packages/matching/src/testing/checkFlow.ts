import type { FlowNetwork } from "../FlowNetwork";

/**
 * Everything that makes `flow` an optimal flow, checked from first principles: bounds, conservation
 * of each node's supply, the stated cost, and (given potentials) complementary slackness. Returns
 * the violations found, empty when there are none.
 */
export function checkFlow(network: FlowNetwork, flow: ArrayLike<number>, cost: number, potential?: ArrayLike<number>): string[] {
  const problems: string[] = [];
  const balance = new Float64Array(network.nodeCount);
  let total = 0;
  for (let a = 0; a < network.arcCount; a++) {
    const f = flow[a]!;
    const lo = network.lower?.[a] ?? 0;
    if (!Number.isInteger(f) || f < lo || f > network.capacity[a]!) problems.push(`arc ${a}: flow ${f} outside [${lo}, ${network.capacity[a]}]`);
    balance[network.source[a]!]! += f;
    balance[network.target[a]!]! -= f;
    total += f * network.cost[a]!;
    if (potential) {
      const rc = network.cost[a]! + potential[network.source[a]!]! - potential[network.target[a]!]!;
      if (f < network.capacity[a]! && rc < 0) problems.push(`arc ${a}: below capacity with reduced cost ${rc}`);
      if (f > lo && rc > 0) problems.push(`arc ${a}: above lower bound with reduced cost ${rc}`);
    }
  }
  for (let v = 0; v < network.nodeCount; v++) {
    if (balance[v] !== network.supply[v]) problems.push(`node ${v}: net outflow ${balance[v]} but supply ${network.supply[v]}`);
  }
  if (total !== cost) problems.push(`stated cost ${cost} but flow costs ${total}`);
  return problems;
}
