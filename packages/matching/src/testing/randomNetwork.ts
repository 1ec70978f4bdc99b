import fc from "fast-check";
import type { FlowNetwork } from "../FlowNetwork";
import { FlowNetworkBuilder } from "../FlowNetworkBuilder";

export interface RandomNetworkShape {
  readonly maxNodes: number;
  readonly maxArcs: number;
  /** Allow unlimited-capacity arcs (and so unbounded instances). */
  readonly unlimited: boolean;
  /** Allow non-zero lower bounds. */
  readonly lowerBounds: boolean;
  /** Add, half the time, a ring of roomy costly arcs (too roomy for exhaustive search). */
  readonly ring: boolean;
}

/**
 * Small random networks for property tests. Supplies are balanced most of the time (an unbalanced
 * network is trivially infeasible and would make most runs uninteresting); small capacities make
 * infeasible and degenerate instances common, which is where simplex bugs hide.
 */
export function randomNetwork(shape: RandomNetworkShape): fc.Arbitrary<FlowNetwork> {
  return fc.integer({ min: 1, max: shape.maxNodes }).chain((n) => {
    const node = fc.integer({ min: 0, max: n - 1 });
    const arc = fc.record({
      s: node,
      t: node,
      cap: shape.unlimited ? fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 5 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }) : fc.integer({ min: 0, max: 5 }),
      cost: fc.integer({ min: -6, max: 12 }),
      lower: shape.lowerBounds ? fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }) : fc.constant(0),
    });
    return fc.record({
      supplies: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -4, max: 4 })), { minLength: n, maxLength: n }),
      balanced: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      arcs: fc.array(arc, { maxLength: shape.maxArcs }),
      // Half the networks get a ring of roomy, costly arcs: they are feasible, and their optimum may
      // route supply over several expensive hops (which is what the artificial arcs' cost must beat).
      ring: shape.ring ? fc.option(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n, maxLength: n }), { freq: 2 }) : fc.constant(null),
    }).map(({ supplies, balanced, arcs, ring }) => {
      const b = new FlowNetworkBuilder();
      if (balanced) supplies[n - 1] = supplies[n - 1]! - supplies.reduce((x, y) => x + y, 0);
      for (const s of supplies) b.addNode(s);
      for (const a of arcs) b.addArc(a.s, a.t, Math.max(a.cap, a.lower), a.cost, a.lower);
      if (ring && n > 1) ring.forEach((cost, v) => b.addArc(v, (v + 1) % n, 4 * n, cost));
      return b.build();
    });
  });
}

/** A readable form of a network for failure messages. */
export function describeNetwork(network: FlowNetwork): string {
  const arcs = Array.from({ length: network.arcCount }, (_, a) =>
    `${network.source[a]}->${network.target[a]} [${network.lower?.[a] ?? 0},${network.capacity[a]}] $${network.cost[a]}`);
  return `supply ${Array.from(network.supply).join(" ")}; ${arcs.join("; ")}`;
}
