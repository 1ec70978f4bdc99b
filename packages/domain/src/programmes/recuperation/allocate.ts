/**
 * The recuperation draw (issue 14), pure code over typed arrays so that the auditors' command,
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
 *
 * The draw is written once, as the generator `allocationSteps`, which yields between slices of its
 * loops so the web's job never holds the event loop for the whole draw; `allocate` runs it to the end
 * without yielding (the command), with the same loops.
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

/**
 * How far a stepped draw has got, in iterations of its per-application loops: about 2 per application
 * (picking the eligible ones) and 12 per eligible one (eight radix loops, three for the group, the draw).
 */
export type AllocationProgress = { done: number; total: number };

/**
 * Counts loop iterations against the slice: `run` processes `[from, to)` of one loop; after every
 * `slice` iterations in all (across loops) the generator yields, so a caller can let others run.
 */
type Meter = { slice: number; left: number; done: number; total: number };
function* chunked(meter: Meter, length: number, run: (from: number, to: number) => void): Generator<AllocationProgress, void, void> {
  for (let from = 0; from < length; ) {
    const to = Math.min(length, from + meter.left);
    run(from, to);
    meter.left -= to - from;
    meter.done += to - from;
    from = to;
    if (meter.left === 0) {
      meter.left = meter.slice;
      yield { done: meter.done, total: meter.total };
    }
  }
}

/** Sorts the eligible applications into draw order (group, then lottery number, then input order). */
export function drawOrder(input: Pick<AllocationInput, "group" | "eligible" | "lotteryHi" | "lotteryLo">): Uint32Array {
  return runToEnd(drawOrderSteps(input, { slice: Infinity, left: Infinity, done: 0, total: 0 }));
}

function runToEnd<T>(steps: Generator<AllocationProgress, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function* drawOrderSteps(input: Pick<AllocationInput, "group" | "eligible" | "lotteryHi" | "lotteryLo">, meter: Meter): Generator<AllocationProgress, Uint32Array, void> {
  const { group, eligible, lotteryHi, lotteryLo } = input;
  const n = eligible.length;
  let count = 0;
  meter.total = 2 * n;
  yield* chunked(meter, n, (from, to) => (count += countEligible(eligible, from, to)));
  // Now that the eligible are counted, the rest of the work is known: 12 loops over them.
  meter.total = 2 * n + 12 * count;
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  let filled = 0;
  yield* chunked(meter, n, (from, to) => (filled = gatherEligible(eligible, a, filled, from, to)));

  const histogram = new Uint32Array(65536);
  yield* radixPass(meter, a, b, lotteryLo, 0, histogram);
  yield* radixPass(meter, b, a, lotteryLo, 16, histogram);
  yield* radixPass(meter, a, b, lotteryHi, 0, histogram);
  yield* radixPass(meter, b, a, lotteryHi, 16, histogram);

  // Stable counting sort by group (small positive integers).
  let maxGroup = 0;
  yield* chunked(meter, count, (from, to) => (maxGroup = Math.max(maxGroup, largestGroup(group, a, from, to))));
  const starts = new Uint32Array(maxGroup + 2);
  yield* chunked(meter, count, (from, to) => countGroups(group, a, starts, from, to));
  for (let g = 1; g <= maxGroup + 1; g++) starts[g]! += starts[g - 1]!;
  yield* chunked(meter, count, (from, to) => scatterByGroup(group, a, b, starts, from, to));
  return b;
}

// The loops' bodies are small plain functions over a range, so each is optimised as a tight loop
// whether it runs once over everything (`allocate`) or slice by slice (`allocationSteps`).

function countEligible(eligible: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) count += eligible[i]!;
  return count;
}

function gatherEligible(eligible: Uint8Array, into: Uint32Array, filled: number, from: number, to: number): number {
  let k = filled;
  for (let i = from; i < to; i++) if (eligible[i]) into[k++] = i;
  return k;
}

function largestGroup(group: Int32Array, order: Uint32Array, from: number, to: number): number {
  let maxGroup = 0;
  for (let k = from; k < to; k++) {
    const g = group[order[k]!]!;
    if (!(g >= 1)) throw new RangeError(`application ${order[k]}: group ${g} is not a positive integer`);
    if (g > maxGroup) maxGroup = g;
  }
  return maxGroup;
}

function countGroups(group: Int32Array, order: Uint32Array, starts: Uint32Array, from: number, to: number): void {
  for (let k = from; k < to; k++) starts[group[order[k]!]! + 1]!++;
}

function scatterByGroup(group: Int32Array, from_: Uint32Array, to_: Uint32Array, starts: Uint32Array, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const i = from_[k]!;
    to_[starts[group[i]!]!++] = i;
  }
}

/** One stable pass of the radix sort: `from` into `to` by the 16-bit digit of `words` at `shift`. */
function* radixPass(meter: Meter, from: Uint32Array, to: Uint32Array, words: Uint32Array, shift: number, histogram: Uint32Array): Generator<AllocationProgress, void, void> {
  histogram.fill(0);
  yield* chunked(meter, from.length, (start, end) => digitHistogram(from, words, shift, histogram, start, end));
  let sum = 0;
  for (let d = 0; d < 65536; d++) {
    const c = histogram[d]!;
    histogram[d] = sum;
    sum += c;
  }
  yield* chunked(meter, from.length, (start, end) => scatterByDigit(from, to, words, shift, histogram, start, end));
}

function digitHistogram(order: Uint32Array, words: Uint32Array, shift: number, histogram: Uint32Array, from: number, to: number): void {
  for (let k = from; k < to; k++) histogram[(words[order[k]!]! >>> shift) & 0xffff]!++;
}

function scatterByDigit(order: Uint32Array, into: Uint32Array, words: Uint32Array, shift: number, histogram: Uint32Array, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const i = order[k]!;
    into[histogram[(words[i]! >>> shift) & 0xffff]!++] = i;
  }
}

/** Runs the draw to the end in one call (the auditors' command). Inputs are not modified. */
export function allocate(input: AllocationInput): AllocationResult {
  return runToEnd(allocationSteps(input, Infinity));
}

/**
 * The draw, exactly as `allocate`, as a generator that yields after every `slice` iterations of its
 * per-application loops (see `AllocationProgress`), so the web's job can give the event loop back
 * between slices instead of holding it for the whole draw. Its return value is the result.
 */
export function* allocationSteps(input: AllocationInput, slice: number): Generator<AllocationProgress, AllocationResult, void> {
  if (!(slice >= 1)) throw new RangeError(`slice ${slice} is not a positive number`);
  const meter: Meter = { slice, left: slice, done: 0, total: 0 };
  const n = input.eligible.length;
  const order = yield* drawOrderSteps(input, meter);
  const state: DrawState = {
    union: input.union,
    choices: input.choices,
    order,
    sessionLeft: input.sessionCapacity.slice(),
    quotaLeft: input.unionQuota.slice(),
    position: new Int32Array(n),
    session: new Int32Array(n).fill(-1),
    choiceRank: new Uint8Array(n),
    outcome: new Uint8Array(n).fill(outcomeCodes.ineligible),
  };
  yield* chunked(meter, order.length, (from, to) => drawRange(state, from, to));
  const { position, session, choiceRank, outcome, sessionLeft, quotaLeft } = state;
  return { order, position, session, choiceRank, outcome, sessionLeft, quotaLeft };
}

type DrawState = Pick<AllocationInput, "union" | "choices"> & AllocationResult;

/** Serial dictatorship over draw positions `[from, to)`. */
function drawRange(state: DrawState, from: number, to: number): void {
  const { union, choices, order, sessionLeft, quotaLeft, position, session, choiceRank, outcome } = state;
  for (let k = from; k < to; k++) {
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
}
