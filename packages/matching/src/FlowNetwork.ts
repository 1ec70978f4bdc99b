/**
 * A min-cost flow instance in flat typed arrays, so that networks with millions of arcs cost a few
 * tens of megabytes and no per-arc objects. Nodes are 0..nodeCount-1; arc i goes from source[i] to
 * target[i] and may carry between lower[i] (0 when `lower` is absent) and capacity[i] units, each at
 * cost[i]. Capacities may be Infinity. Costs, bounds and supplies are integers; Float64 holds them
 * exactly up to 2^53, which is why they are not Int32 (penalty costs of the assignment model exceed
 * 2^31 on province-sized campaigns).
 */
export interface FlowNetwork {
  readonly nodeCount: number;
  readonly arcCount: number;
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly lower?: Float64Array | undefined;
  readonly capacity: Float64Array;
  readonly cost: Float64Array;
  /** Supply (> 0) or demand (< 0) of each node. A feasible network's supplies sum to zero. */
  readonly supply: Float64Array;
}
