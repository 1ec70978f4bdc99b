import { outcomeCodes, type RecuperationFairnessReport, type RecuperationShare } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";

/**
 * The round's applications as the draw job read and drew them (recuperation/rounds/runRound.ts), in the
 * order read: the report is counted from these arrays, not by scanning the round's rows again (at 1.5
 * million applications seven grouped scans took 12.6 s on PostgreSQL, and on PGlite each one made every
 * other request wait for its single connection).
 */
export type DrawnApplications = {
  /** Applications read (the arrays below may be longer). */
  count: number;
  group: Int32Array;
  /** The last year on recuperation as the draw read it; 0 for none. */
  lastYear: Int32Array;
  /** Index into `FairnessContext.unions`; `unions.length` for a union without a quota row. */
  union: Int32Array;
  /** Indexes into the key lists beside them (null: not recorded). */
  county: Int32Array;
  countyKeys: (string | null)[];
  sex: Int32Array;
  sexKeys: (string | null)[];
  occupation: Int32Array;
  occupationKeys: (string | null)[];
  /** The draw's result per application (allocate's): position 0 = not eligible, session -1 = none. */
  position: Int32Array;
  session: Int32Array;
  outcome: Uint8Array;
};

export type FairnessContext = {
  year: number;
  noRepeatYears: number;
  drawMs: number;
  /** The unions with a drawable quota this year (catalogue/drawableQuotas: what the draw could give their own members). */
  unions: { id: string; quota: number }[];
  groupLabel: (rank: number) => string;
  countyLabel: (code: string) => string;
};

/** The report without the union names (the caller names only the ≤ 200 unions listed). */
export type FairnessFigures = Omit<RecuperationFairnessReport, "unions"> & { unions: { unionId: string; quota: number; placed: number }[] };

const sexLabels: Record<string, string> = { male: "男", female: "女" };
/** How many unions the report lists: those using least of their quota. */
const listedUnions = 200;

/** Shares by a category: applicants, eligible and placed per key, in key order (code points, as PostgreSQL's C collation; null last). */
function shares(d: DrawnApplications, keyOf: Int32Array, keys: (string | null)[], label: (key: string | null) => string): RecuperationShare[] {
  const applicants = new Int32Array(keys.length);
  const eligible = new Int32Array(keys.length);
  const placed = new Int32Array(keys.length);
  for (let i = 0; i < d.count; i++) {
    const key = keyOf[i]!;
    applicants[key]!++;
    if (d.position[i]! > 0) eligible[key]!++;
    if (d.session[i]! >= 0) placed[key]!++;
  }
  return keys
    .map((key, k) => ({ key: key ?? "", label: label(key), applicants: applicants[k]!, eligible: eligible[k]!, placed: placed[k]!, isNull: key === null }))
    .filter((s) => s.applicants > 0)
    .sort((a, b) => Number(a.isNull) - Number(b.isNull) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ isNull: _, ...share }) => share);
}

/**
 * A round's fairness figures from the draw's own arrays: each group's, sex's, occupation's and county's
 * share of places against its share of eligible applicants, the repeat rule's effect, and quota use per
 * union. Pure: the same arrays give the same figures.
 */
export function fairnessFigures(d: DrawnApplications, c: FairnessContext): FairnessFigures {
  let eligible = 0;
  let placed = 0;
  let repeatApplicants = 0;
  let repeatPlaced = 0;
  let placedBefore = 0;
  const unionPlaced = new Int32Array(c.unions.length + 1);
  const groupCounts = new Map<number, { applicants: number; eligible: number; placed: number }>();
  const recentFrom = c.year - c.noRepeatYears;
  for (let i = 0; i < d.count; i++) {
    const isEligible = d.position[i]! > 0;
    const isPlaced = d.session[i]! >= 0;
    const lastYear = d.lastYear[i]!;
    if (isEligible) eligible++;
    if (d.outcome[i] === outcomeCodes.ineligible) repeatApplicants++;
    if (isPlaced) {
      placed++;
      unionPlaced[d.union[i]!]!++;
      if (lastYear) placedBefore++;
      if (c.noRepeatYears > 0 && lastYear && lastYear >= recentFrom) repeatPlaced++;
    }
    const g = d.group[i]!;
    let counts = groupCounts.get(g);
    if (!counts) groupCounts.set(g, (counts = { applicants: 0, eligible: 0, placed: 0 }));
    counts.applicants++;
    if (isEligible) counts.eligible++;
    if (isPlaced) counts.placed++;
  }
  const unions = c.unions.map((u, k) => ({ unionId: u.id, quota: u.quota, placed: unionPlaced[k]! }));
  // Least used first (share of quota), then the larger quota; the id only makes ties reproducible.
  unions.sort((a, b) => a.placed / Math.max(1, a.quota) - b.placed / Math.max(1, b.quota) || b.quota - a.quota || (a.unionId < b.unionId ? -1 : 1));
  return {
    applicants: d.count,
    eligible,
    placed,
    repeatApplicants,
    repeatPlaced,
    placedBefore,
    groups: [...groupCounts]
      .sort(([a], [b]) => a - b)
      .map(([rank, counts]) => ({ key: String(rank), label: c.groupLabel(rank), ...counts })),
    sex: shares(d, d.sex, d.sexKeys, (k) => (k ? (sexLabels[k] ?? k) : "未知")),
    occupation: shares(d, d.occupation, d.occupationKeys, (k) => k ?? "未填写"),
    county: shares(d, d.county, d.countyKeys, (k) => (k ? c.countyLabel(k) : "未知")),
    unionTotals: {
      unions: unions.length,
      quota: unions.reduce((s, u) => s + u.quota, 0),
      placed: unions.reduce((s, u) => s + u.placed, 0),
      fullyUsed: unions.filter((u) => u.quota > 0 && u.placed >= u.quota).length,
    },
    unions: unions.slice(0, listedUnions),
    drawMs: Math.round(c.drawMs),
  };
}

/** The report: the figures, with the groups' labels and the listed unions' names read (two small queries). */
export async function fairnessReport(ctx: AppContext, db: Db, d: DrawnApplications, c: Omit<FairnessContext, "groupLabel" | "countyLabel">): Promise<RecuperationFairnessReport> {
  const groups = await queryRows<{ rank: number; label: string }>(db, sql`select rank, label from recuperation_groups`);
  const groupLabel = new Map(groups.map((g) => [g.rank, g.label]));
  const figures = fairnessFigures(d, { ...c, groupLabel: (rank) => groupLabel.get(rank) ?? `第${rank}组`, countyLabel: (code) => ctx.regions.get(code)?.name ?? code });
  const listed = figures.unions.map((u) => u.unionId);
  const names = listed.length
    ? new Map((await queryRows<{ id: string; name: string }>(db, sql`select id, name from unions where id = any(${`{${listed.join(",")}}`}::uuid[])`)).map((u) => [u.id, u.name]))
    : new Map<string, string>();
  return { ...figures, unions: figures.unions.map((u) => ({ unionId: u.unionId, unionName: names.get(u.unionId) ?? "", quota: u.quota, placed: u.placed })) };
}
