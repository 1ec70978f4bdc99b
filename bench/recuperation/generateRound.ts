import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seededRandom } from "../../apps/server/src/fixtures/random";

/**
 * A province year for the recuperation draw, seeded: `sessions` sessions of 100–300 places (about
 * 0.8 places per application, so the draw has losers), `unions` unions with quotas in proportion to
 * their (skewed) membership, and `applications` applications: group 1 (10 %), 2 (20 %), 3 (70 %),
 * one to three choices with popular sessions more often chosen, a last year for one in five.
 */
// Ids shaped as uuids, so the database path (bench/recuperation/dbPath.ts) stores the very same ids and
// its draw can be compared row by row with the command's.
const hex12 = (i: number) => i.toString(16).padStart(12, "0");
export const benchApplicantId = (i: number) => `a0000000-0000-4000-8000-${hex12(i + 1)}`;
export const benchUnionId = (u: number) => `b0000000-0000-4000-8000-${hex12(u + 1)}`;

export type GeneratedRound = { sessions: number; unions: number; applications: number; year: number };

export function generateRoundCsv(dir: string, opts: GeneratedRound & { seed: number }): void {
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(opts.seed);
  const sessionIds = Array.from({ length: opts.sessions }, (_, s) => `S${String(s + 1).padStart(5, "0")}`);
  const unionIds = Array.from({ length: opts.unions }, (_, u) => benchUnionId(u));
  const targetPlaces = Math.round(opts.applications * 0.8);
  const capacities = sessionIds.map(() => random.int(100, 300));
  const capSum = capacities.reduce((a, b) => a + b, 0);
  writeFileSync(
    join(dir, "sessions.csv"),
    "session_id,capacity\n" + sessionIds.map((id, s) => `${id},${Math.max(1, Math.round((capacities[s]! * targetPlaces) / capSum))}`).join("\n") + "\n",
  );
  // Membership weights: a few large unions, many small ones.
  const weights = unionIds.map(() => 1 / (0.02 + random.next()));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const cumulative = new Float64Array(weights.length);
  weights.reduce((acc, w, u) => (cumulative[u] = acc + w / weightSum), 0);
  writeFileSync(
    join(dir, "unions.csv"),
    "union_id,quota\n" + unionIds.map((id, u) => `${id},${Math.round((weights[u]! / weightSum) * opts.applications * 0.85)}`).join("\n") + "\n",
  );
  const pickUnion = (): number => {
    const r = random.next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Popular sessions: the square of a uniform number favours the low indexes.
  const pickSession = (): string => sessionIds[Math.floor(random.next() ** 2 * sessionIds.length)]!;
  const chunks: string[] = ["applicant_id,union_id,group,choice1,choice2,choice3,last_year\n"];
  let rows: string[] = [];
  for (let i = 0; i < opts.applications; i++) {
    const g = random.next();
    const group = g < 0.1 ? 1 : g < 0.3 ? 2 : 3;
    const count = random.int(1, 3);
    const choices = [pickSession(), count > 1 ? pickSession() : "", count > 2 ? pickSession() : ""];
    const lastYear = random.next() < 0.2 ? String(opts.year - random.int(1, 8)) : "";
    rows.push(`${benchApplicantId(i)},${unionIds[pickUnion()]},${group},${choices.join(",")},${lastYear}`);
    if (rows.length === 100_000) {
      chunks.push(rows.join("\n") + "\n");
      rows = [];
    }
  }
  if (rows.length) chunks.push(rows.join("\n") + "\n");
  writeFileSync(join(dir, "applications.csv"), chunks.join(""));
}
