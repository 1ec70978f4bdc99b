/**
 * The outcome of a min-cost flow solve. `flow` is indexed like the network's arcs. `potential`
 * certifies optimality: with reduced cost rc(a) = cost(a) + potential(source) - potential(target),
 * every arc below capacity has rc >= 0 and every arc above its lower bound has rc <= 0.
 */
export type MinCostFlowResult =
  | { readonly status: "optimal"; readonly cost: number; readonly flow: Float64Array; readonly potential: Float64Array }
  | {
      readonly status: "infeasible";
      /**
       * Nodes whose supply or demand could not be routed (empty when the supplies do not even sum to
       * zero). Used to point at the offending input line.
       */
      readonly stranded: readonly number[];
    }
  | { readonly status: "unbounded" };
