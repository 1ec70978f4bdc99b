import type { AssignmentWeights, Candidate } from "@jiangxin/matching";

export type ArcProblem = { id: string; trade: string; county: number; enterpriseId: string };
export type ArcExpert = { id: string; trades: readonly string[]; homeCounty: number; skillLevel: number; room: number; currentLoad: number };

/**
 * Candidate experts of each problem, about `perProblem` of them: the cheapest by the model's own
 * cost among those with the trade and room, plus every one who helped the enterprise before (their
 * continuity discount could make them best). Problems of one trade in one county share their list,
 * so the work is per (trade, county) group, not per problem. Forbidden pairs are left out; a pinned
 * problem gets its pinned expert only.
 *
 * The full bipartite graph would be 20,000 × ~700 arcs at province scale; the benchmark and
 * the solver are tuned for about 50 per problem, and the 51st-cheapest expert of a trade in a county
 * is rarely needed when 50 nearer ones exist (if they are all taken, the problem's reason says so).
 */
export function candidateArcs(input: {
  problems: readonly ArcProblem[];
  experts: readonly ArcExpert[];
  /** Integer km between county indices. */
  km: (a: number, b: number) => number;
  weights: AssignmentWeights;
  helpedBefore: ReadonlyMap<string, readonly string[]>;
  pins: ReadonlyMap<string, string>;
  forbids: ReadonlySet<string>;
  perProblem: number;
}): Candidate[] {
  const { experts, weights: w, km } = input;
  const byTrade = new Map<string, number[]>();
  experts.forEach((e, i) => {
    if (e.room <= 0) return;
    for (const t of e.trades) {
      const list = byTrade.get(t) ?? [];
      list.push(i);
      byTrade.set(t, list);
    }
  });
  const expertIndex = new Map(experts.map((e, i) => [e.id, i]));
  const groupCache = new Map<string, string[]>();

  const cheapest = (trade: string, county: number): string[] => {
    const key = `${trade}\u0000${county}`;
    const cached = groupCache.get(key);
    if (cached) return cached;
    const pool = byTrade.get(trade) ?? [];
    // cost · 2^21 + index in one float: a native numeric sort orders by cost, then index (stable).
    const packed = new Float64Array(pool.length);
    pool.forEach((ei, k) => {
      const e = experts[ei]!;
      const cost =
        w.tradeFit * e.trades.indexOf(trade) +
        w.skill * Math.max(0, w.maxSkillLevel - e.skillLevel) +
        w.travel * km(e.homeCounty, county) +
        w.load * e.currentLoad;
      packed[k] = cost * 2 ** 21 + ei;
    });
    packed.sort();
    const ids: string[] = [];
    for (let k = 0; k < Math.min(input.perProblem, packed.length); k++) ids.push(experts[packed[k]! % 2 ** 21]!.id);
    groupCache.set(key, ids);
    return ids;
  };

  const out: Candidate[] = [];
  for (const p of input.problems) {
    const pinned = input.pins.get(p.id);
    if (pinned !== undefined) {
      out.push({ problem: p.id, expert: pinned });
      continue;
    }
    const ids = new Set(cheapest(p.trade, p.county));
    for (const id of input.helpedBefore.get(p.enterpriseId) ?? []) {
      const e = experts[expertIndex.get(id) ?? -1];
      if (e && e.room > 0 && e.trades.includes(p.trade)) ids.add(id);
    }
    for (const id of ids) {
      if (!input.forbids.has(`${p.id}\u0000${id}`)) out.push({ problem: p.id, expert: id });
    }
  }
  return out;
}
