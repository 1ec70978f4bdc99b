import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, allocationSteps, choicesPerApplication, isEligible, outcomeCodes, type AllocationInput, type AllocationProgress, type AllocationResult } from "./allocate";
import { lotteryKeys } from "./lottery";
import { referenceAllocate, type PlainApplication } from "./referenceAllocate";

/** node:crypto's answer, independent of lottery.ts. */
function nodeLottery(seed: string, id: string): bigint {
  return createHash("sha256").update(`${seed}:${id}`, "utf8").digest().readBigUInt64BE(0);
}

type Round = {
  seed: string;
  year: number;
  noRepeatYears: number;
  capacities: number[];
  quotas: number[];
  applications: { union: number; group: number; choices: number[]; lastYear: number | null }[];
};

const roundArb: fc.Arbitrary<Round> = fc
  .record({
    seed: fc.string({ minLength: 1, maxLength: 20 }),
    year: fc.constant(2026),
    noRepeatYears: fc.integer({ min: 0, max: 5 }),
    capacities: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 8 }),
    quotas: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 5 }),
  })
  .chain((r) =>
    fc.record({
      seed: fc.constant(r.seed),
      year: fc.constant(r.year),
      noRepeatYears: fc.constant(r.noRepeatYears),
      capacities: fc.constant(r.capacities),
      quotas: fc.constant(r.quotas),
      applications: fc.array(
        fc.record({
          union: fc.integer({ min: 0, max: r.quotas.length - 1 }),
          group: fc.integer({ min: 1, max: 4 }),
          choices: fc.array(fc.integer({ min: 0, max: r.capacities.length - 1 }), { maxLength: choicesPerApplication }),
          lastYear: fc.option(fc.integer({ min: r.year - 8, max: r.year }), { nil: null }),
        }),
        { maxLength: 80 },
      ),
    }),
  );

const idOf = (i: number) => `A${i}`;

function typedInput(r: Round): AllocationInput {
  const n = r.applications.length;
  const { hi, lo } = lotteryKeys(r.seed, r.applications.map((_, i) => idOf(i)));
  const choices = new Int32Array(n * choicesPerApplication).fill(-1);
  r.applications.forEach((a, i) => a.choices.forEach((s, c) => (choices[i * choicesPerApplication + c] = s)));
  return {
    sessionCapacity: Int32Array.from(r.capacities),
    unionQuota: Int32Array.from(r.quotas),
    union: Int32Array.from(r.applications.map((a) => a.union)),
    group: Int32Array.from(r.applications.map((a) => a.group)),
    choices,
    eligible: Uint8Array.from(r.applications.map((a) => (isEligible(a.lastYear, r.year, r.noRepeatYears) ? 1 : 0))),
    lotteryHi: hi,
    lotteryLo: lo,
  };
}

describe("allocate", () => {
  it("never exceeds a session's capacity or a union's quota", () => {
    fc.assert(
      fc.property(roundArb, (r) => {
        const res = allocate(typedInput(r));
        const perSession = new Array<number>(r.capacities.length).fill(0);
        const perUnion = new Array<number>(r.quotas.length).fill(0);
        r.applications.forEach((a, i) => {
          const s = res.session[i]!;
          if (s < 0) return;
          perSession[s]!++;
          perUnion[a.union]!++;
          expect(a.choices).toContain(s);
        });
        perSession.forEach((used, s) => expect(used).toBeLessThanOrEqual(r.capacities[s]!));
        perUnion.forEach((used, u) => expect(used).toBeLessThanOrEqual(r.quotas[u]!));
        perSession.forEach((used, s) => expect(res.sessionLeft[s]).toBe(r.capacities[s]! - used));
      }),
      { numRuns: 300 },
    );
  });

  it("passes nobody over: a place someone asked for above what they got went only to someone earlier, or their union's quota was spent before their turn", () => {
    fc.assert(
      fc.property(roundArb, (r) => {
        const res = allocate(typedInput(r));
        r.applications.forEach((a, i) => {
          const pos = res.position[i]!;
          if (pos === 0) return;
          const unionUsedBefore = r.applications.filter((b, j) => b.union === a.union && res.session[j]! >= 0 && res.position[j]! < pos).length;
          const better = res.choiceRank[i] ? a.choices.slice(0, res.choiceRank[i] - 1) : a.choices;
          for (const s of better) {
            const takenBefore = r.applications.filter((_, j) => res.session[j] === s && res.position[j]! < pos).length;
            const takenAfter = r.applications.some((_, j) => res.session[j] === s && res.position[j]! > pos);
            // It could not have had s: s was full before its turn, or its union had no quota left.
            expect(takenBefore >= r.capacities[s]! || unionUsedBefore >= r.quotas[a.union]!).toBe(true);
            if (takenAfter) expect(unionUsedBefore).toBeGreaterThanOrEqual(r.quotas[a.union]!);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same result for the same seed, and orders by group, then lottery number", () => {
    fc.assert(
      fc.property(roundArb, (r) => {
        const input = typedInput(r);
        const one = allocate(input);
        const two = allocate(typedInput(r));
        expect(Array.from(two.session)).toEqual(Array.from(one.session));
        expect(Array.from(two.position)).toEqual(Array.from(one.position));
        for (let k = 1; k < one.order.length; k++) {
          const p = one.order[k - 1]!;
          const q = one.order[k]!;
          const key = (i: number) => [input.group[i]!, (BigInt(input.lotteryHi[i]!) << 32n) | BigInt(input.lotteryLo[i]!)] as const;
          const [gp, lp] = key(p);
          const [gq, lq] = key(q);
          expect(gp < gq || (gp === gq && lp <= lq)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never places, nor ranks, anyone on recuperation within the last N years", () => {
    fc.assert(
      fc.property(roundArb, (r) => {
        const res = allocate(typedInput(r));
        r.applications.forEach((a, i) => {
          const within = r.noRepeatYears > 0 && a.lastYear !== null && a.lastYear >= r.year - r.noRepeatYears;
          if (within) {
            expect(res.session[i]).toBe(-1);
            expect(res.position[i]).toBe(0);
            expect(res.outcome[i]).toBe(outcomeCodes.ineligible);
          } else expect(res.position[i]).toBeGreaterThan(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the plain reference implementation (which hashes with node:crypto)", () => {
    fc.assert(
      fc.property(roundArb, (r) => {
        const res = allocate(typedInput(r));
        const plain: PlainApplication[] = r.applications.map((a, i) => ({
          applicantId: idOf(i),
          unionId: `U${a.union}`,
          group: a.group,
          choices: a.choices.map((s) => `S${s}`),
          lastYear: a.lastYear,
        }));
        const ref = referenceAllocate(
          plain,
          new Map(r.capacities.map((c, s) => [`S${s}`, c])),
          new Map(r.quotas.map((q, u) => [`U${u}`, q])),
          { seed: r.seed, year: r.year, noRepeatYears: r.noRepeatYears, lottery: nodeLottery },
        );
        ref.forEach((o, i) => {
          expect(res.session[i]! >= 0 ? `S${res.session[i]}` : null).toBe(o.sessionId);
          expect(res.position[i] || null).toBe(o.position);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("says why not: quota spent, choices full, no choice", () => {
    const input: AllocationInput = {
      sessionCapacity: Int32Array.from([1]),
      unionQuota: Int32Array.from([1, 5]),
      union: Int32Array.from([0, 0, 1, 1]),
      group: Int32Array.from([1, 1, 1, 2]),
      choices: Int32Array.from([0, -1, -1, 0, -1, -1, 0, -1, -1, -1, -1, -1]),
      eligible: Uint8Array.from([1, 1, 1, 1]),
      lotteryHi: Uint32Array.from([1, 2, 3, 0]),
      lotteryLo: Uint32Array.from([0, 0, 0, 0]),
    };
    const res = allocate(input);
    expect(Array.from(res.position)).toEqual([1, 2, 3, 4]);
    expect(Array.from(res.outcome)).toEqual([outcomeCodes.placed, outcomeCodes.quotaFull, outcomeCodes.choicesFull, outcomeCodes.noChoice]);
  });
});

/** Runs the stepped draw to the end, keeping what it yielded. */
function stepped(input: AllocationInput, slice: number): { result: AllocationResult; steps: AllocationProgress[] } {
  const generator = allocationSteps(input, slice);
  const steps: AllocationProgress[] = [];
  for (;;) {
    const next = generator.next();
    if (next.done) return { result: next.value, steps };
    steps.push(next.value);
  }
}

const sameResult = (a: AllocationResult, b: AllocationResult) => {
  for (const key of ["order", "position", "session", "choiceRank", "outcome", "sessionLeft", "quotaLeft"] as const) expect(Array.from(a[key]), key).toEqual(Array.from(b[key]));
};

/** Iterations of the draw's per-application loops: 2 per application, 12 per eligible one. */
const workOf = (input: AllocationInput) => 2 * input.eligible.length + 12 * input.eligible.reduce((s, e) => s + e, 0);

// The web's job (runRound) drives the stepped draw and gives the event loop back at every yield: it must
// be the same draw as the command's, and yield as often as its slice says, so no step holds the loop long.
describe("allocationSteps", () => {
  it("is the same draw as allocate, yielding once per slice of work, on generated rounds", () => {
    fc.assert(
      fc.property(roundArb, fc.integer({ min: 1, max: 40 }), (r, slice) => {
        const input = typedInput(r);
        const { result, steps } = stepped(input, slice);
        sameResult(result, allocate(input));
        expect(steps.length).toBe(Math.floor(workOf(input) / slice));
        steps.forEach((s, k) => {
          expect(s.done).toBe((k + 1) * slice);
          // The total is known once the eligible are counted (the first loop over the applications).
          if (s.done > input.eligible.length) expect(s.total).toBe(workOf(input));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("on 60,000 applications with a slice of 10,000 yields about 14 × n/slice times, the same draw", () => {
    const n = 60_000;
    let x = 14;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    const choices = new Int32Array(n * choicesPerApplication).fill(-1);
    for (let i = 0; i < n; i++) for (let c = 0; c < 1 + (next() % 3); c++) choices[i * choicesPerApplication + c] = next() % 300;
    const input: AllocationInput = {
      sessionCapacity: Int32Array.from({ length: 300 }, () => 100 + (next() % 100)),
      unionQuota: Int32Array.from({ length: 500 }, () => next() % 150),
      union: Int32Array.from({ length: n }, () => next() % 500),
      group: Int32Array.from({ length: n }, () => 1 + (next() % 3)),
      choices,
      eligible: Uint8Array.from({ length: n }, () => (next() % 5 ? 1 : 0)),
      lotteryHi: Uint32Array.from({ length: n }, next),
      lotteryLo: Uint32Array.from({ length: n }, next),
    };
    const { result, steps } = stepped(input, 10_000);
    sameResult(result, allocate(input));
    expect(steps.length).toBe(Math.floor(workOf(input) / 10_000));
    expect(steps.length).toBeGreaterThan(10 * (n / 10_000));
    expect(steps.length).toBeLessThanOrEqual(14 * (n / 10_000));
  });

  it("refuses a slice that is not a positive number", () => {
    expect(() => allocationSteps(typedInput({ seed: "s", year: 2026, noRepeatYears: 0, capacities: [1], quotas: [1], applications: [] }), 0).next()).toThrow(RangeError);
  });
});
