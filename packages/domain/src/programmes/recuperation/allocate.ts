/**
 * The recuperation draw (issue 14), one pure function over typed arrays so that the auditors' command,
 * the web's round job and the benchmark run the same code on 1.5 million applications in well under
 * a second (no object per applicant):
 *
 * 1. Eligible applicants (not on recuperation within the last N years: the caller decides that, see
 *    `isEligible`) are ordered by priority group (1 first), then by lottery number ascending
 *    (`lottery.ts`), then — should two 64-bit numbers ever be equal — by input order.
 * 2. In that order each applicant gets the first of their choices that still has a place, as long as
 *    their union's quota has a place left; otherwise they wait (serial dictatorship).
 *
 * The sort is a stable LSD radix sort on the 64-bit lottery number (four 16-bit passes) followed by a
 * stable counting sort on the group, so it is linear and exact.
 */

/** Why an application got no place. */
export const outcomeCodes = {
  placed: 0,
  /** On recuperation within the last N years (or the rule otherwise excluded it). */
  ineligible: 1,
  /** Its union's quota was used up by applicants ahead of it. */
  quotaFull: 2,
  /** Every session it chose was full when its turn came. */
  choicesFull: 3,
  /** It named no session. */
  noChoice: 4,
} as const;
export type OutcomeCode = (typeof outcomeCodes)[keyof typeof outcomeCodes];

/** How many ranked choices an application carries (the CSV's choice1..choice3). */
export const choicesPerApplication = 3;

export type AllocationInput = {
  /** Places per session, by session index. */
  sessionCapacity: Int32Array;
  /** Places per union for the year still open to this round, by union index. */
  unionQuota: Int32Array;
  /** Per application: its union's index. */
  union: Int32Array;
  /** Per application: its priority group, 1 the highest. */
  group: Int32Array;
  /** Per application, `choicesPerApplication` session indexes in order of preference; -1 for none. */
  choices: Int32Array;
  /** Per application: 1 if eligible. */
  eligible: Uint8Array;
  /** Per application: the lottery number's high and low 32 bits. */
  lotteryHi: Uint32Array;
  lotteryLo: Uint32Array;
};

export type AllocationResult = {
  /** The eligible applications' indexes in draw order. */
  order: Uint32Array;
  /** Per application: its 1-based position in the draw, 0 when ineligible. */
  position: Int32Array;
  /** Per application: the session index it got, -1 for none. */
  session: Int32Array;
  /** Per application: which of its choices it got (1–3), 0 for none. */
  choiceRank: Uint8Array;
  /** Per application: an `outcomeCodes` value. */
  outcome: Uint8Array;
  /** Places left per session and quota left per union after the draw. */
  sessionLeft: Int32Array;
  quotaLeft: Int32Array;
};

/** "Not again within N years": someone last on recuperation in `lastYear` may apply in `year`. */
export function isEligible(lastYear: number | null | undefined, year: number, noRepeatYears: number): boolean {
  if (lastYear == null || noRepeatYears <= 0) return true;
  return lastYear < year - noRepeatYears;
}

/** Sorts the eligible applications into draw order (group, then lottery number, then input order). */
export function drawOrder(input: Pick<AllocationInput, "group" | "eligible" | "lotteryHi" | "lotteryLo">): Uint32Array {
  const { group, eligible, lotteryHi, lotteryLo } = input;
  const n = eligible.length;
  let count = 0;
  for (let i = 0; i < n; i++) count += eligible[i]!;
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (eligible[i]) a[k++] = i;

  const histogram = new Uint32Array(65536);
  radixPass(a, b, lotteryLo, 0, histogram);
  radixPass(b, a, lotteryLo, 16, histogram);
  radixPass(a, b, lotteryHi, 0, histogram);
  radixPass(b, a, lotteryHi, 16, histogram);

  // Stable counting sort by group (small positive integers).
  let maxGroup = 0;
  for (let k = 0; k < count; k++) {
    const g = group[a[k]!]!;
    if (!(g >= 1)) throw new RangeError(`application ${a[k]}: group ${g} is not a positive integer`);
    if (g > maxGroup) maxGroup = g;
  }
  const starts = new Uint32Array(maxGroup + 2);
  for (let k = 0; k < count; k++) starts[group[a[k]!]! + 1]!++;
  for (let g = 1; g <= maxGroup + 1; g++) starts[g]! += starts[g - 1]!;
  for (let k = 0; k < count; k++) {
    const i = a[k]!;
    b[starts[group[i]!]!++] = i;
  }
  return b;
}

/** One stable pass of the radix sort: `from` into `to` by the 16-bit digit of `words` at `shift`. */
function radixPass(from: Uint32Array, to: Uint32Array, words: Uint32Array, shift: number, histogram: Uint32Array): void {
  const count = from.length;
  histogram.fill(0);
  for (let k = 0; k < count; k++) histogram[(words[from[k]!]! >>> shift) & 0xffff]!++;
  let sum = 0;
  for (let d = 0; d < 65536; d++) {
    const c = histogram[d]!;
    histogram[d] = sum;
    sum += c;
  }
  for (let k = 0; k < count; k++) {
    const i = from[k]!;
    to[histogram[(words[i]! >>> shift) & 0xffff]!++] = i;
  }
}

/** Runs the draw. Inputs are not modified. */
export function allocate(input: AllocationInput): AllocationResult {
  const n = input.eligible.length;
  const { union, choices } = input;
  const order = drawOrder(input);
  const sessionLeft = input.sessionCapacity.slice();
  const quotaLeft = input.unionQuota.slice();
  const position = new Int32Array(n);
  const session = new Int32Array(n).fill(-1);
  const choiceRank = new Uint8Array(n);
  const outcome = new Uint8Array(n).fill(outcomeCodes.ineligible);

  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    position[i] = k + 1;
    const base = i * choicesPerApplication;
    let named = false;
    let placed = -1;
    let rank = 0;
    for (let c = 0; c < choicesPerApplication; c++) {
      const s = choices[base + c]!;
      if (s < 0) continue;
      named = true;
      if (sessionLeft[s]! > 0) {
        placed = s;
        rank = c + 1;
        break;
      }
    }
    if (!named) outcome[i] = outcomeCodes.noChoice;
    else if (quotaLeft[union[i]!]! <= 0) outcome[i] = outcomeCodes.quotaFull;
    else if (placed < 0) outcome[i] = outcomeCodes.choicesFull;
    else {
      sessionLeft[placed]!--;
      quotaLeft[union[i]!]!--;
      session[i] = placed;
      choiceRank[i] = rank;
      outcome[i] = outcomeCodes.placed;
    }
  }
  return { order, position, session, choiceRank, outcome, sessionLeft, quotaLeft };
}
