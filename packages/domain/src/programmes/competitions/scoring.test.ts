import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  markingSchemeSchema,
  prizeForPlace,
  rankContestants,
  rankingRuleText,
  round2,
  scoreAspect,
  scoreContestant,
  type Mark,
  type MarkingScheme,
} from "./scoring";

const scheme: MarkingScheme = {
  aspects: [
    { key: "M1", name: "操作规范", kind: "measurement", maxMark: 40, weight: 40 },
    { key: "J1", name: "照护沟通", kind: "judgement", maxMark: 10, weight: 60 },
  ],
  dropExtremes: true,
  divergenceGap: 2,
  tieBreakers: [{ by: "kindSubtotal", kind: "measurement" }],
};

const marks = (id: string, m1: number, js: number[]): Mark[] => [
  { aspectKey: "M1", judgeId: "j0", mark: m1 },
  ...js.map((mark, i) => ({ aspectKey: "J1", judgeId: `j${i + 1}`, mark })),
];

describe("marking scheme", () => {
  it("refuses repeated aspect keys and a tie-breaker on a missing aspect, in Chinese", () => {
    const bad = markingSchemeSchema.safeParse({ ...scheme, aspects: [scheme.aspects[0], scheme.aspects[0]], tieBreakers: [{ by: "aspect", key: "X" }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(["评分项代码不能重复", "并列规则引用了不存在的评分项“X”"]);
  });
});

describe("aspect scores", () => {
  it("drops the highest and the lowest judgement, weights by the aspect's share, flags divergence", () => {
    const r = scoreAspect(scheme, scheme.aspects[1]!, [7, 8, 9.5]);
    expect(r).toMatchObject({ score: 8, counted: [8], dropped: [7, 9.5], spread: 2.5, divergent: true });
    expect(r.weighted).toBe(48);
    const close = scoreAspect(scheme, scheme.aspects[1]!, [7, 8, 9]);
    expect(close.divergent).toBe(false); // a spread equal to the gap is not beyond it
  });

  it("keeps every judgement with fewer than three judges or when the scheme does not drop", () => {
    expect(scoreAspect(scheme, scheme.aspects[1]!, [6, 9]).score).toBe(7.5);
    expect(scoreAspect({ ...scheme, dropExtremes: false }, scheme.aspects[1]!, [6, 8, 10]).score).toBe(8);
  });

  it("has no total until every aspect is marked", () => {
    expect(scoreContestant(scheme, "a", [{ aspectKey: "M1", judgeId: "j", mark: 30 }])).toMatchObject({ total: null, complete: false });
    expect(scoreContestant(scheme, "a", marks("a", 30, [8, 8, 8])).total).toBe(78);
  });
});

describe("ranking", () => {
  it("shares a place on a genuine tie and skips the next; the stated tie-breaker splits the rest", () => {
    const s = [
      scoreContestant(scheme, "A", marks("A", 36, [9, 9, 9])), // 36 + 54 = 90
      scoreContestant(scheme, "B", marks("B", 30, [10, 10, 10])), // 30 + 60 = 90, lower measurement
      scoreContestant(scheme, "C", marks("C", 30, [8, 8, 8])), // 78
      scoreContestant(scheme, "D", marks("D", 30, [8, 8, 8])), // 78, same measurement: shares
      scoreContestant(scheme, "E", marks("E", 20, [5, 5, 5])), // 50
      scoreContestant(scheme, "F", [{ aspectKey: "M1", judgeId: "j", mark: 40 }]), // incomplete: no place
    ];
    const r = rankContestants(scheme, s);
    expect(r.map((x) => [x.contestantId, x.place, x.shared])).toEqual([
      ["A", 1, false],
      ["B", 2, false],
      ["C", 3, true],
      ["D", 3, true],
      ["E", 5, false],
    ]);
  });

  it("gives prizes by counts; a tie across a boundary lifts both", () => {
    const counts = { first: 1, second: 2, third: 3, merit: 0 };
    expect([1, 2, 3, 4, 6, 7].map((p) => prizeForPlace(counts, p))).toEqual(["first", "second", "second", "third", "third", null]);
  });
});

// ---- properties on generated marks ----

const aspectArb = fc.record({
  kind: fc.constantFrom("measurement" as const, "judgement" as const),
  maxMark: fc.integer({ min: 1, max: 100 }),
  weight: fc.integer({ min: 1, max: 100 }),
});
const schemeArb = fc
  .record({
    aspects: fc.array(aspectArb, { minLength: 1, maxLength: 5 }),
    dropExtremes: fc.boolean(),
    divergenceGap: fc.integer({ min: 0, max: 20 }),
    breakOnMeasurement: fc.boolean(),
  })
  .map(({ aspects, dropExtremes, divergenceGap, breakOnMeasurement }): MarkingScheme => ({
    aspects: aspects.map((a, i) => ({ ...a, key: `A${i}`, name: `项${i}` })),
    dropExtremes,
    divergenceGap,
    tieBreakers: breakOnMeasurement ? [{ by: "kindSubtotal", kind: "measurement" }] : [],
  }));

/** A scheme, and 1–12 contestants each with marks on every aspect (judgements by 1–5 judges), on a half-mark grid. */
const fieldArb = schemeArb.chain((s) =>
  fc
    .array(
      fc.tuple(...s.aspects.map((a) => fc.array(fc.integer({ min: 0, max: a.maxMark * 2 }).map((h) => h / 2), { minLength: 1, maxLength: a.kind === "measurement" ? 1 : 5 }))),
      { minLength: 1, maxLength: 12 },
    )
    .map((people) => ({
      scheme: s,
      scores: people.map((perAspect, c) =>
        scoreContestant(
          s,
          `c${String(c).padStart(2, "0")}`,
          perAspect.flatMap((ms, i) => ms.map((mark, j) => ({ aspectKey: `A${i}`, judgeId: `j${j}`, mark }))),
        ),
      ),
    })),
);

describe("properties", () => {
  it("an aspect's score lies within its counted marks and its maximum; weights scale linearly", () => {
    fc.assert(
      fc.property(schemeArb, fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 7 }), (s, raw) => {
        const a = s.aspects[0]!;
        const ms = raw.map((m) => Math.min(m / 2, a.maxMark));
        const r = scoreAspect(s, a, a.kind === "measurement" ? ms.slice(0, 1) : ms);
        expect(r.score!).toBeGreaterThanOrEqual(Math.min(...r.counted) - 0.01);
        expect(r.score!).toBeLessThanOrEqual(Math.max(...r.counted) + 0.01);
        expect(r.weighted!).toBeLessThanOrEqual(a.weight + 0.01);
        if (a.kind === "judgement") {
          expect(r.divergent).toBe(Math.max(...ms) - Math.min(...ms) > s.divergenceGap);
          expect(r.dropped.length).toBe(s.dropExtremes && ms.length >= 3 ? 2 : 0);
        }
      }),
    );
  });

  it("dropping extremes makes the score immune to one wild judgement", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 6 }), fc.integer({ min: 0, max: 20 }), (ms, wild) => {
        const a = { key: "J", name: "J", kind: "judgement" as const, maxMark: 20, weight: 20 };
        const s: MarkingScheme = { aspects: [a], dropExtremes: true, divergenceGap: 5, tieBreakers: [] };
        // Replacing the current maximum by anything at least as high changes nothing.
        const sorted = [...ms].sort((x, y) => x - y);
        const higher = [...sorted.slice(0, -1), Math.max(sorted[sorted.length - 1]!, wild)];
        expect(scoreAspect(s, a, higher).score).toBe(scoreAspect(s, a, sorted).score);
      }),
    );
  });

  it("places are ordered by total, ties share a place, and places skip by the size of the tie", () => {
    fc.assert(
      fc.property(fieldArb, ({ scheme: s, scores }) => {
        const r = rankContestants(s, scores);
        expect(r.length).toBe(scores.length);
        for (let i = 1; i < r.length; i++) {
          const [a, b] = [r[i - 1]!, r[i]!];
          expect(a.total!).toBeGreaterThanOrEqual(b.total!);
          if (a.place === b.place) {
            expect(a.total).toBe(b.total);
            expect(a.tieBreaks).toEqual(b.tieBreaks);
          } else expect(b.place).toBe(i + 1);
        }
        expect(r[0]?.place).toBe(1);
        // Total = sum of weighted aspect scores, to the hundredth.
        for (const c of r) expect(Math.abs(c.total! - round2(c.aspects.reduce((x, a) => x + a.weighted!, 0)))).toBeLessThan(0.011);
      }),
    );
  });

  it("ranking does not depend on the order contestants are given in", () => {
    fc.assert(
      fc.property(fieldArb, fc.integer(), ({ scheme: s, scores }, seed) => {
        const shuffled = [...scores].sort((a, b) => ((a.contestantId.charCodeAt(2) * 31 + seed) % 7) - ((b.contestantId.charCodeAt(2) * 31 + seed) % 7));
        const place = (xs: typeof scores) => Object.fromEntries(rankContestants(s, xs).map((x) => [x.contestantId, x.place]));
        expect(place(shuffled)).toEqual(place(scores));
      }),
    );
  });

  it("prizes: never more winners than the counts unless a tie straddles the last prize place", () => {
    fc.assert(
      fc.property(fieldArb, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), ({ scheme: s, scores }, f, se, th) => {
        const counts = { first: f, second: se, third: th, merit: 0 };
        const r = rankContestants(s, scores);
        const winners = r.filter((x) => prizeForPlace(counts, x.place) !== null);
        const limit = f + se + th;
        if (winners.length > limit) expect(winners.at(-1)!.shared).toBe(true);
        // Better place never gets a lesser prize.
        const order = ["first", "second", "third", "merit", null];
        for (let i = 1; i < r.length; i++) expect(order.indexOf(prizeForPlace(counts, r[i - 1]!.place))).toBeLessThanOrEqual(order.indexOf(prizeForPlace(counts, r[i]!.place)));
      }),
    );
  });
});

describe("rankingRuleText", () => {
  it("states the event's own tie-breakers in order, for the printed sheet", () => {
    expect(rankingRuleText(scheme)).toBe("评价分去掉一个最高分和一个最低分后取平均；总分相同时依次按测量分高者在前，仍相同者并列，下一名次顺延。");
    expect(rankingRuleText({ ...scheme, dropExtremes: false, tieBreakers: [{ by: "aspect", key: "J1" }, { by: "kindSubtotal", kind: "judgement" }] })).toBe(
      "评价分取平均；总分相同时依次按“照护沟通”得分高者在前、评价分高者在前，仍相同者并列，下一名次顺延。",
    );
    expect(rankingRuleText({ ...scheme, tieBreakers: [] })).toContain("总分相同时并列");
  });
});
