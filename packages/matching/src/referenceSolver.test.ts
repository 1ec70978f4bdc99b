import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FlowNetwork } from "./FlowNetwork";
import { referenceSolver } from "./referenceSolver";
import { checkFlow } from "./testing/checkFlow";
import { describeNetwork, randomNetwork } from "./testing/randomNetwork";

/** Tries every integer flow within the bounds: the reference's own reference. */
function bruteForce(network: FlowNetwork): number | "infeasible" {
  const m = network.arcCount;
  const flow = new Array<number>(m).fill(0);
  let best: number | "infeasible" = "infeasible";
  const visit = (a: number): void => {
    if (a === m) {
      let cost = 0;
      const balance = new Array<number>(network.nodeCount).fill(0);
      for (let i = 0; i < m; i++) {
        balance[network.source[i]!]! += flow[i]!;
        balance[network.target[i]!]! -= flow[i]!;
        cost += flow[i]! * network.cost[i]!;
      }
      if (balance.every((b, v) => b === network.supply[v]) && (best === "infeasible" || cost < best)) best = cost;
      return;
    }
    for (let f = network.lower?.[a] ?? 0; f <= network.capacity[a]!; f++) {
      flow[a] = f;
      visit(a + 1);
    }
  };
  visit(0);
  return best;
}

describe("referenceSolver", () => {
  it("agrees with exhaustive search on tiny networks", () => {
    fc.assert(
      fc.property(randomNetwork({ maxNodes: 4, maxArcs: 5, unlimited: false, lowerBounds: true, ring: false }), (network) => {
        const r = referenceSolver(network);
        const expected = bruteForce(network);
        expect(r.status === "optimal" ? r.cost : r.status, describeNetwork(network)).toBe(expected);
        if (r.status === "optimal") expect(checkFlow(network, r.flow, r.cost)).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });
});
