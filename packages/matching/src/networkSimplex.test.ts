import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlowNetworkBuilder } from "./FlowNetworkBuilder";
import { networkSimplex } from "./networkSimplex";
import { referenceSolver } from "./referenceSolver";
import { checkFlow } from "./testing/checkFlow";
import { describeNetwork, randomNetwork } from "./testing/randomNetwork";

describe("networkSimplex", () => {
  it("solves a textbook instance", () => {
    // Two sources, two sinks; the cheap direct arcs are too small, so some flow takes the long way.
    const b = new FlowNetworkBuilder();
    const [s1, s2, t1, t2] = [b.addNode(4), b.addNode(2), b.addNode(-3), b.addNode(-3)];
    b.addArc(s1, t1, 2, 1);
    b.addArc(s1, t2, 5, 4);
    b.addArc(s2, t2, 1, 1);
    b.addArc(s2, t1, 5, 2);
    const r = networkSimplex(b.build());
    expect(r.status).toBe("optimal");
    // s1->t1 2 (2), s1->t2 2 (8), s2->t2 1 (1), s2->t1 1 (2): 13
    if (r.status === "optimal") expect(r.cost).toBe(13);
  });

  it("reports infeasibility and the stranded nodes", () => {
    const b = new FlowNetworkBuilder();
    b.addNode(3);
    b.addNode(-3);
    b.addArc(0, 1, 2, 1);
    expect(networkSimplex(b.build())).toEqual({ status: "infeasible", stranded: [0, 1] });
  });

  it("routes supply over a path dearer than any single arc", () => {
    // The artificial arcs must cost more than whole paths, not just more than one arc.
    const b = new FlowNetworkBuilder();
    b.addNode(1);
    b.addNode(0);
    b.addNode(0);
    b.addNode(-1);
    b.addArc(0, 1, 1, 12);
    b.addArc(1, 2, 1, 12);
    b.addArc(2, 3, 1, 12);
    const r = networkSimplex(b.build());
    expect(r.status === "optimal" && r.cost).toBe(36);
  });

  it("reports unbalanced supplies as infeasible", () => {
    const b = new FlowNetworkBuilder();
    b.addNode(1);
    expect(networkSimplex(b.build()).status).toBe("infeasible");
  });

  it("reports a negative cycle of unlimited capacity as unbounded only when a flow exists", () => {
    const b = new FlowNetworkBuilder();
    b.addNode(0);
    b.addNode(0);
    b.addArc(0, 1, Infinity, -1);
    b.addArc(1, 0, Infinity, 0);
    expect(networkSimplex(b.build()).status).toBe("unbounded");
    b.addNode(1);
    b.addNode(-1); // no arc reaches node 3
    expect(networkSimplex(b.build()).status).toBe("infeasible");
  });

  it("applies lower bounds", () => {
    const b = new FlowNetworkBuilder();
    b.addNode(0);
    b.addNode(0);
    b.addArc(0, 1, 5, 3, 2);
    b.addArc(1, 0, 5, 1);
    const r = networkSimplex(b.build());
    expect(r.status === "optimal" && [r.cost, Array.from(r.flow)]).toEqual([8, [2, 2]]);
  });

  it("rejects costs too large to stay exact", () => {
    const b = new FlowNetworkBuilder();
    b.addNode(0);
    b.addNode(0);
    b.addArc(0, 1, 1, 2 ** 52);
    expect(() => networkSimplex(b.build())).toThrow(RangeError);
  });

  const compare = (shape: Parameters<typeof randomNetwork>[0], numRuns: number) => {
    let twoPhase = 0;
    let restShifts = 0;
    fc.assert(
      fc.property(randomNetwork(shape), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (network, blockSize, phaseOneIncoming, rebase) => {
        const expected = referenceSolver(network);
        // Small blocks exercise the wrap-around of the pricing scan; few entering arcs per node in
        // the first phase make small networks run both phases (province-sized ones price 16).
        // A drift limit of 1 re-bases the potentials at every pivot that shifts the rest of the tree.
        const actual = networkSimplex(network, {
          blockSize,
          phaseOneIncoming,
          potentialDriftLimit: rebase ? 1 : undefined,
          onStats: (s) => {
            if (s.phaseOneArcs < network.arcCount) twoPhase++;
            restShifts += s.restShifts;
          },
        });
        const context = describeNetwork(network);
        expect(actual.status, context).toBe(expected.status);
        if (actual.status === "optimal" && expected.status === "optimal") {
          expect(actual.cost, context).toBe(expected.cost);
          expect(checkFlow(network, actual.flow, actual.cost, actual.potential), context).toEqual([]);
        }
      }),
      { numRuns },
    );
    // The second phase and the shifts of the rest of the tree must actually have been exercised.
    expect(twoPhase).toBeGreaterThan(numRuns / 10);
    expect(restShifts).toBeGreaterThan(numRuns / 20);
  };

  it("matches the reference solver on random small networks", () => {
    compare({ maxNodes: 8, maxArcs: 24, unlimited: false, lowerBounds: false, ring: true }, 2500);
  });

  it("matches the reference solver with lower bounds and unlimited arcs", () => {
    compare({ maxNodes: 6, maxArcs: 16, unlimited: true, lowerBounds: true, ring: true }, 1500);
  });

  it("matches the reference solver on denser networks", () => {
    compare({ maxNodes: 16, maxArcs: 80, unlimited: false, lowerBounds: false, ring: true }, 400);
  });
});
