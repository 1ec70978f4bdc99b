import type { AssignmentInput, AssignmentWeights, Candidate, Expert, Problem } from "@jiangxin/matching";

export interface FamilySpec {
  readonly name: string;
  readonly problems: number;
  readonly experts: number;
  /** Candidate experts per problem (fewer when the trade's pool is smaller). */
  readonly candidatesPerProblem: number;
  /** Probabilities of team sizes 1, 2, 3. */
  readonly teamSizes: readonly [number, number, number];
  readonly capacity: readonly [min: number, max: number];
  /** Experts already carry up to this share of their capacity. */
  readonly maxLoadShare: number;
  /** Each problem i has expert i among its candidates (with a shared trade): a perfect matching exists. */
  readonly planted: boolean;
  /** Round distances to this many km; with travel the only weight, costs tie a lot. */
  readonly distanceUnit: number;
  readonly weights?: Partial<AssignmentWeights>;
  readonly seed: number;
}

const full = (name: string, spec: Omit<FamilySpec, "name">): FamilySpec => ({ name, ...spec });
const base = { candidatesPerProblem: 50, teamSizes: [0.8, 0.15, 0.05], capacity: [1, 5], maxLoadShare: 0.5, planted: false, distanceUnit: 1 } as const;

/** The five families at province scale. */
export const families: readonly FamilySpec[] = [
  full("slack", { ...base, problems: 20_000, experts: 10_000, seed: 1 }),
  full("teams-of-one", { ...base, problems: 20_000, experts: 10_000, teamSizes: [1, 0, 0], seed: 2 }),
  full("county-ties", {
    ...base, problems: 20_000, experts: 10_000, distanceUnit: 25, seed: 3,
    weights: { tradeFit: 0, skill: 0, load: 0, continuity: 0, emptierTeam: 0, travel: 1 },
  }),
  full("tight-1:1", { ...base, problems: 20_000, experts: 20_000, teamSizes: [1, 0, 0], capacity: [1, 1], maxLoadShare: 0, planted: true, seed: 4 }),
  full("scarce", { ...base, problems: 50_000, experts: 20_000, capacity: [1, 3], maxLoadShare: 0, seed: 5 }),
];

/** The same families, twenty times smaller, for CI and quick checks. */
export const smallFamilies: readonly FamilySpec[] = families.map((f) => ({
  ...f,
  problems: f.problems / 20,
  experts: f.experts / 20,
  candidatesPerProblem: 20,
}));

const TRADES = 30;
const COUNTIES = 90;

/** mulberry32: tiny, seedable, good enough to make varied instances reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic campaign: 90 counties scattered over a 400 km square (the first 26 "mountain", tier 1;
 * the last 6 "island", tier 2), 30 trades, experts with 1–3 trades, and for each problem up to
 * `candidatesPerProblem` random experts who share its trade.
 */
export function generateCampaign(spec: FamilySpec): AssignmentInput {
  const rnd = random(spec.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const seats = Array.from({ length: COUNTIES }, () => [rnd() * 400, rnd() * 400] as const);
  const tierOf = (c: number) => (c >= COUNTIES - 6 ? 2 : c < 26 ? 1 : 0);

  const experts: Expert[] = [];
  const byTrade: number[][] = Array.from({ length: TRADES }, () => []);
  for (let i = 0; i < spec.experts; i++) {
    const trades = new Set<number>();
    const count = int(1, 3);
    while (trades.size < count) trades.add(int(0, TRADES - 1));
    for (const t of trades) byTrade[t]!.push(i);
    const capacity = int(spec.capacity[0], spec.capacity[1]);
    experts.push({
      id: `e${i}`,
      homeCounty: `${int(0, COUNTIES - 1)}`,
      trades: [...trades].map((t) => `t${t}`),
      skillLevel: int(1, 5),
      capacity,
      currentLoad: Math.floor(rnd() * (spec.maxLoadShare * capacity + 1)),
      helpedEnterprises: [`ent${int(0, spec.problems - 1)}`, `ent${int(0, spec.problems - 1)}`],
    });
  }

  const problems: Problem[] = [];
  const candidates: Candidate[] = [];
  const [p1, p2] = spec.teamSizes;
  for (let i = 0; i < spec.problems; i++) {
    const county = int(0, COUNTIES - 1);
    const planted = spec.planted && i < spec.experts ? i : -1;
    const trade = planted >= 0 ? experts[planted]!.trades[0]! : `t${int(0, TRADES - 1)}`;
    const r = rnd();
    problems.push({
      id: `p${i}`,
      county: `${county}`,
      enterprise: `ent${i}`,
      trade,
      priorityTier: tierOf(county),
      teamSize: r < p1 ? 1 : r < p1 + p2 ? 2 : 3,
    });
    const pool = byTrade[Number(trade.slice(1))]!;
    const chosen = new Set<number>();
    if (planted >= 0) chosen.add(planted);
    const want = Math.min(spec.candidatesPerProblem, pool.length);
    while (chosen.size < want) chosen.add(pool[int(0, pool.length - 1)]!);
    for (const e of chosen) candidates.push({ problem: `p${i}`, expert: `e${e}` });
  }

  const unit = spec.distanceUnit;
  const distance = (from: string, to: string) => {
    const a = seats[Number(from)]!;
    const b = seats[Number(to)]!;
    return Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]) / unit) * unit;
  };
  return { problems, experts, candidates, distance, weights: spec.weights };
}
