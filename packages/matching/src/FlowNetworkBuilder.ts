import type { FlowNetwork } from "./FlowNetwork";

/** Grows the typed arrays of a {@link FlowNetwork} as nodes and arcs are added. */
export class FlowNetworkBuilder {
  private nodes = 0;
  private arcs = 0;
  private supply = new Float64Array(16);
  private source = new Int32Array(16);
  private target = new Int32Array(16);
  private lower: Float64Array | undefined;
  private capacity = new Float64Array(16);
  private cost = new Float64Array(16);

  get nodeCount(): number {
    return this.nodes;
  }

  get arcCount(): number {
    return this.arcs;
  }

  /** Adds a node and returns its index. */
  addNode(supply = 0): number {
    if (this.nodes === this.supply.length) this.supply = grow(this.supply, this.nodes * 2);
    this.supply[this.nodes] = supply;
    return this.nodes++;
  }

  addSupply(node: number, amount: number): void {
    this.checkNode(node);
    this.supply[node] = (this.supply[node] ?? 0) + amount;
  }

  /** Adds an arc and returns its index. */
  addArc(from: number, to: number, capacity: number, cost: number, lower = 0): number {
    this.checkNode(from);
    this.checkNode(to);
    if (this.arcs === this.source.length) {
      const size = this.arcs * 2;
      this.source = grow(this.source, size);
      this.target = grow(this.target, size);
      this.capacity = grow(this.capacity, size);
      this.cost = grow(this.cost, size);
      if (this.lower) this.lower = grow(this.lower, size);
    }
    if (lower !== 0 && !this.lower) this.lower = new Float64Array(this.source.length);
    const a = this.arcs++;
    this.source[a] = from;
    this.target[a] = to;
    this.capacity[a] = capacity;
    this.cost[a] = cost;
    if (this.lower) this.lower[a] = lower;
    return a;
  }

  build(): FlowNetwork {
    const m = this.arcs;
    return {
      nodeCount: this.nodes,
      arcCount: m,
      supply: this.supply.slice(0, this.nodes),
      source: this.source.slice(0, m),
      target: this.target.slice(0, m),
      lower: this.lower?.slice(0, m),
      capacity: this.capacity.slice(0, m),
      cost: this.cost.slice(0, m),
    };
  }

  private checkNode(node: number): void {
    if (!Number.isInteger(node) || node < 0 || node >= this.nodes) throw new RangeError(`no node ${node}`);
  }
}

function grow<T extends Float64Array | Int32Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(size, 16));
  bigger.set(array);
  return bigger;
}
