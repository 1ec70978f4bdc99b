import type { AssignmentWeights, Candidate } from "@jiangxin/matching";

/** `slots`: experts the problem still needs (its team size less pinned members), 1 if absent. */
export type ArcProblem = { id: string; trade: string; county: number; enterpriseId: string; slots?: number };
export type ArcExpert = { id: string; trades: readonly string[]; homeCounty: number; skillLevel: number; room: number; currentLoad: number };

/**
 * Candidate experts of each problem: the cheapest by the model's own cost among those with the trade
 * and room, plus every one who helped the enterprise before (their continuity discount could make
 * them best). Problems of one trade in one county share their list, so the work is per (trade,
 * county) group, not per problem. Forbidden pairs are left out; a pinned problem gets its pinned
 * expert only.
 *
 * A group's list is at least `minPerProblem` long and grows (up to `maxPerProblem`) until its
 * experts' free room is twice the group's problems, so a county with many problems of one trade does
 * not run out of candidates while the next-cheapest expert sits idle. The full bipartite graph would
 * be 20,000 × ~1,000 arcs at province scale; the model's build and the solve grow with the arcs, and
 * the 3-second budget of a province-wide plan allows about 20–30 per problem (see docs/matching.md).
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
  minPerProblem: number;
  maxPerProblem: number;
}): Candidate[] {
  const { experts, weights: w, km } = input;
  // Per trade, its experts with the county-independent part of their cost, in flat arrays: the
  // groups (~30 trades × ~90 counties) then only add travel, looked up per home county.
  const byTrade = new Map<string, { index: number[]; base: number[]; home: number[] }>();
  let counties = 0;
  experts.forEach((e, i) => {
    if (e.room <= 0) return;
    counties = Math.max(counties, e.homeCounty + 1);
    for (const t of e.trades) {
      let pool = byTrade.get(t);
      if (!pool) byTrade.set(t, (pool = { index: [], base: [], home: [] }));
      pool.index.push(i);
      pool.base.push(w.tradeFit * e.trades.indexOf(t) + w.skill * Math.max(0, w.maxSkillLevel - e.skillLevel) + w.load * e.currentLoad);
      pool.home.push(e.homeCounty);
    }
  });
  const travelTo = new Float64Array(counties);
  const expertIndex = new Map(experts.map((e, i) => [e.id, i]));
  const groupCache = new Map<string, string[]>();
  const groupKey = (trade: string, county: number) => `${trade}\u0000${county}`;
  const groupSize = new Map<string, number>();
  // Counted in slots: a team of three needs three times the room of a team of one.
  for (const p of input.problems) groupSize.set(groupKey(p.trade, p.county), (groupSize.get(groupKey(p.trade, p.county)) ?? 0) + (p.slots ?? 1));

  const cheapest = (trade: string, county: number): string[] => {
    const key = groupKey(trade, county);
    const cached = groupCache.get(key);
    if (cached) return cached;
    const pool = byTrade.get(trade);
    if (!pool) {
      groupCache.set(key, []);
      return [];
    }
    for (let h = 0; h < counties; h++) travelTo[h] = w.travel * km(h, county);
    // cost · 2^21 + index in one float: a native numeric sort orders by cost, then index (stable).
    const n = pool.index.length;
    const packed = new Float64Array(n);
    for (let k = 0; k < n; k++) packed[k] = (pool.base[k]! + travelTo[pool.home[k]!]!) * 2 ** 21 + pool.index[k]!;
    packed.sort();
    const ids: string[] = [];
    const roomWanted = 2 * (groupSize.get(key) ?? 1);
    let room = 0;
    for (let k = 0; k < Math.min(input.maxPerProblem, packed.length) && (k < input.minPerProblem || room < roomWanted); k++) {
      const e = experts[packed[k]! % 2 ** 21]!;
      ids.push(e.id);
      room += e.room;
    }
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
    const helpers = input.helpedBefore.get(p.enterpriseId);
    let ids: Iterable<string> = cheapest(p.trade, p.county);
    // Most problems have no helper and no forbid: no per-problem set or key is built for them.
    if (helpers) {
      const set = new Set(ids);
      for (const id of helpers) {
        const e = experts[expertIndex.get(id) ?? -1];
        if (e && e.room > 0 && e.trades.includes(p.trade)) set.add(id);
      }
      ids = set;
    }
    for (const id of ids) {
      if (input.forbids.size === 0 || !input.forbids.has(`${p.id}\u0000${id}`)) out.push({ problem: p.id, expert: id });
    }
  }
  return out;
}
