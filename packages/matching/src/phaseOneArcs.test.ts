import { describe, expect, it } from "vitest";
import { FlowNetworkBuilder } from "./FlowNetworkBuilder";
import { phaseOneArcs } from "./phaseOneArcs";

/**
 * Forty problems, each entered by four of twenty experts at costs 4, 1, 3, 1, and by a shortfall
 * node (like the assignment model's, with the dear penalty arcs).
 */
function campaign() {
  const b = new FlowNetworkBuilder();
  const experts = Array.from({ length: 20 }, () => b.addNode(0));
  const shortfall = b.addNode(0);
  const costs = [4, 1, 3, 1];
  const problems: number[] = [];
  for (let p = 0; p < 40; p++) {
    const problem = b.addNode(0);
    problems.push(problem);
    costs.forEach((cost, i) => b.addArc(experts[(p + 5 * i) % 20]!, problem, 1, cost));
  }
  for (const problem of problems) b.addArc(shortfall, problem, 1, 1000);
  return { network: b.build(), experts, problems };
}

describe("phaseOneArcs", () => {
  it("keeps the arcs near each node's cheapest way in, and every arc at a hub", () => {
    const { network, experts, problems } = campaign();
    const { member, count, cheapestIn } = phaseOneArcs(network, 1);
    const kept = (a: number) => member[a] === 1;
    problems.forEach((problem, p) => {
      const arcs = [0, 1, 2, 3].map((i) => p * 4 + i);
      // One arc per node asked for: the margin is 0, so both arcs of cost 1 (tied for the
      // cheapest) are kept and the dearer two wait for the second phase.
      expect(arcs.map(kept)).toEqual([false, true, false, true]);
      expect(cheapestIn[problem]).toBe(arcs[1]);
      // The shortfall node reaches all forty problems, far above the mean degree: a hub, so its
      // dear arcs are priced from the start.
      expect(kept(160 + p)).toBe(true);
    });
    expect(count).toBe(80 + 40);
    expect(cheapestIn[experts[0]!]).toBe(-1);
  });

  it("widens the margin when asked for more arcs per node", () => {
    const { network } = campaign();
    // Two per node: the margin grows to 2 and takes in the arcs of cost 3; 160 of 200 arcs is over
    // the 70 % at which pricing everything at once is cheaper.
    expect(phaseOneArcs(network, 2).count).toBe(200);
  });

  it("prices everything at once when the first phase would keep most arcs", () => {
    const b = new FlowNetworkBuilder();
    const [s, t] = [b.addNode(1), b.addNode(-1)];
    for (const cost of [2, 2, 2, 3]) b.addArc(s, t, 1, cost);
    const { member, count } = phaseOneArcs(b.build(), 1);
    expect(count).toBe(4);
    expect(Array.from(member)).toEqual([1, 1, 1, 1]);
  });
});
