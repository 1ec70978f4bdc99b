import { z } from "zod";

/**
 * The scoring core of 职业技能竞赛: pure functions from a marking scheme and the judges' marks to
 * aspect scores, totals, places and prizes. The server stores marks and calls these; the web shows
 * the same numbers. No I/O here, so the property tests can throw generated marks at it.
 *
 * Marks are held to two decimals (hundredths) everywhere: every aspect score and every total is
 * rounded once, so "a genuine tie" means equal to the hundredth, not equal as floating point.
 */

export const aspectKinds = ["measurement", "judgement"] as const;
export type AspectKind = (typeof aspectKinds)[number];
export const aspectKindLabels: Record<AspectKind, string> = { measurement: "测量(客观)", judgement: "评价(主观)" };

export const aspectSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, { error: "评分项代码为1-20位字母、数字" }),
  name: z.string().trim().min(1, { error: "请填写评分项名称" }).max(60),
  kind: z.enum(aspectKinds, { error: "评分项类型只能是测量或评价" }),
  /** The most a judge may give on this aspect. */
  maxMark: z.number().positive({ error: "满分须大于0" }).max(1000),
  /**
   * The points this aspect contributes to the total: score / maxMark × weight. Equal to maxMark when
   * the scheme's marks already add up to the total (the usual case), so the weight changes nothing.
   */
  weight: z.number().positive({ error: "权重须大于0" }).max(1000),
});
export type Aspect = z.infer<typeof aspectSchema>;

/** How contestants equal on the total are told apart, in the event's stated order. */
export const tieBreakerSchema = z.discriminatedUnion("by", [
  /** The higher weighted subtotal of one kind (测量分 first is the common rule). */
  z.strictObject({ by: z.literal("kindSubtotal"), kind: z.enum(aspectKinds) }),
  /** The higher weighted score on one named aspect. */
  z.strictObject({ by: z.literal("aspect"), key: z.string() }),
]);
export type TieBreaker = z.infer<typeof tieBreakerSchema>;

/** The event's ranking rule in words, for the printed result sheet and the event page. */
export function rankingRuleText(scheme: { aspects: readonly { key: string; name: string }[]; dropExtremes: boolean; tieBreakers: readonly TieBreaker[] }): string {
  const steps = scheme.tieBreakers.map((t) => (t.by === "kindSubtotal" ? `${t.kind === "measurement" ? "测量分" : "评价分"}高者在前` : `“${scheme.aspects.find((a) => a.key === t.key)?.name ?? t.key}”得分高者在前`));
  const average = `评价分${scheme.dropExtremes ? "去掉一个最高分和一个最低分后" : ""}取平均`;
  return `${average}；总分相同时${steps.length ? `依次按${steps.join("、")}，仍相同者` : ""}并列，下一名次顺延。`;
}

export const markingSchemeSchema = z
  .strictObject({
    aspects: z.array(aspectSchema).min(1, { error: "至少一个评分项" }).max(50),
    /** Drop one highest and one lowest judgement before averaging (applies when at least 3 judges marked). */
    dropExtremes: z.boolean(),
    /** Judgements of one aspect further apart than this (highest − lowest, in marks) are flagged for the chief judge. */
    divergenceGap: z.number().min(0, { error: "分差阈值不能为负" }),
    tieBreakers: z.array(tieBreakerSchema).max(10),
  })
  .superRefine((s, ctx) => {
    const keys = s.aspects.map((a) => a.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["aspects"], message: "评分项代码不能重复" });
    for (const t of s.tieBreakers) {
      if (t.by === "aspect" && !keys.includes(t.key)) ctx.addIssue({ code: "custom", path: ["tieBreakers"], message: `并列规则引用了不存在的评分项“${t.key}”` });
    }
  });
export type MarkingScheme = z.infer<typeof markingSchemeSchema>;

/** One judge's mark on one aspect for one contestant. Measurement aspects take exactly one mark. */
export type Mark = { aspectKey: string; judgeId: string; mark: number };

export const round2 = (x: number) => Math.round(x * 100 + Number.EPSILON * Math.sign(x)) / 100;

export type AspectResult = {
  key: string;
  /** Raw score on the aspect's own scale (0..maxMark): the measurement, or the (trimmed) mean of judgements. */
  score: number | null;
  /** score / maxMark × weight, two decimals. */
  weighted: number | null;
  /** The marks that counted, after dropping extremes. */
  counted: number[];
  dropped: number[];
  /** Judgement spread (highest − lowest) beyond the scheme's gap. */
  divergent: boolean;
  spread: number;
};

/** Aspect score: measurement = its single mark; judgement = mean of the judges, trimmed when the scheme says so. */
export function scoreAspect(scheme: MarkingScheme, aspect: Aspect, marks: readonly number[]): AspectResult {
  const base = { key: aspect.key, counted: [] as number[], dropped: [] as number[], divergent: false, spread: 0 };
  if (marks.length === 0) return { ...base, score: null, weighted: null };
  const sorted = [...marks].sort((a, b) => a - b);
  const spread = round2(sorted[sorted.length - 1]! - sorted[0]!);
  if (aspect.kind === "measurement") {
    // One objective score: more than one mark is a data error the caller must prevent; the first counts.
    const score = round2(marks[0]!);
    return { ...base, score, weighted: round2((score / aspect.maxMark) * aspect.weight), counted: [score] };
  }
  let counted = sorted;
  let dropped: number[] = [];
  if (scheme.dropExtremes && sorted.length >= 3) {
    counted = sorted.slice(1, -1);
    dropped = [sorted[0]!, sorted[sorted.length - 1]!];
  }
  const score = round2(counted.reduce((s, m) => s + m, 0) / counted.length);
  return {
    ...base,
    score,
    weighted: round2((score / aspect.maxMark) * aspect.weight),
    counted,
    dropped,
    spread,
    divergent: spread > scheme.divergenceGap + 1e-9,
  };
}

export type ContestantScore = {
  contestantId: string;
  aspects: AspectResult[];
  /** Sum of weighted aspect scores; null until every aspect has its marks. */
  total: number | null;
  complete: boolean;
  divergentAspects: string[];
};

/** Every aspect of one contestant and the total (null while any aspect lacks marks). */
export function scoreContestant(scheme: MarkingScheme, contestantId: string, marks: readonly Mark[]): ContestantScore {
  const aspects = scheme.aspects.map((a) =>
    scoreAspect(
      scheme,
      a,
      marks.filter((m) => m.aspectKey === a.key).map((m) => m.mark),
    ),
  );
  const complete = aspects.every((a) => a.weighted !== null);
  const total = complete ? round2(aspects.reduce((s, a) => s + (a.weighted ?? 0), 0)) : null;
  return { contestantId, aspects, total, complete, divergentAspects: aspects.filter((a) => a.divergent).map((a) => a.key) };
}

/** The value a tie-breaker compares (higher is better). */
export function tieBreakValue(scheme: MarkingScheme, s: ContestantScore, t: TieBreaker): number {
  if (t.by === "aspect") return s.aspects.find((a) => a.key === t.key)?.weighted ?? 0;
  return round2(
    s.aspects.reduce((sum, a, i) => sum + (scheme.aspects[i]!.kind === t.kind ? (a.weighted ?? 0) : 0), 0),
  );
}

export type RankedContestant = ContestantScore & {
  /** 1-based; contestants equal on the total and on every tie-breaker share a place (1, 2, 2, 4). */
  place: number;
  shared: boolean;
  /** The tie-breaker values, in the scheme's order, for the result sheet. */
  tieBreaks: number[];
};

/**
 * Places for the complete contestants ("standard competition ranking"): sorted by total, then each
 * tie-breaker in order; those still equal share the place, and the next place skips as many.
 * Incomplete contestants get no place and are left out.
 */
export function rankContestants(scheme: MarkingScheme, scores: readonly ContestantScore[]): RankedContestant[] {
  const keyed = scores
    .filter((s) => s.complete && s.total !== null)
    .map((s) => ({ s, key: [s.total!, ...scheme.tieBreakers.map((t) => tieBreakValue(scheme, s, t))] }));
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
    return 0;
  };
  keyed.sort((a, b) => cmp(a.key, b.key) || a.s.contestantId.localeCompare(b.s.contestantId));
  const out: RankedContestant[] = [];
  keyed.forEach((k, i) => {
    const prev = out[i - 1];
    const place = prev && cmp(keyed[i - 1]!.key, k.key) === 0 ? prev.place : i + 1;
    out.push({ ...k.s, place, shared: false, tieBreaks: k.key.slice(1) });
  });
  const perPlace = new Map<number, number>();
  for (const r of out) perPlace.set(r.place, (perPlace.get(r.place) ?? 0) + 1);
  for (const r of out) r.shared = (perPlace.get(r.place) ?? 0) > 1;
  return out;
}

export const prizeKinds = ["first", "second", "third", "merit"] as const;
export type PrizeKind = (typeof prizeKinds)[number];
export const prizeLabels: Record<PrizeKind, string> = { first: "一等奖", second: "二等奖", third: "三等奖", merit: "优胜奖" };

export const prizeCountsSchema = z.strictObject({
  first: z.number().int().min(0).max(100),
  second: z.number().int().min(0).max(200),
  third: z.number().int().min(0).max(300),
  merit: z.number().int().min(0).max(1000),
});
export type PrizeCounts = z.infer<typeof prizeCountsSchema>;

/**
 * The prize for a place: places 1..first get 一等奖, the next `second` places 二等奖, and so on.
 * A shared place takes the prize of the place itself, so a tie across a boundary lifts both
 * contestants (two sharing 3rd when there are 3 first prizes both get 一等奖): nobody loses a prize
 * to a genuine tie, and the count can be exceeded by exactly the tie.
 */
export function prizeForPlace(counts: PrizeCounts, place: number): PrizeKind | null {
  let upTo = 0;
  for (const k of prizeKinds) {
    upTo += counts[k];
    if (place <= upTo) return k;
  }
  return null;
}

/** How many prizes an event's counts award in all (the article's "22 prizes" over two events). */
export const totalPrizes = (c: PrizeCounts) => c.first + c.second + c.third + c.merit;

/** 浙江金蓝领: the top three places of each event are nominated (a shared 3rd place nominates both). */
export const goldBlueCollarPlaces = 3;
export const isGoldBlueCollarNominee = (place: number) => place <= goldBlueCollarPlaces;

/** The other judges' marks are shown to a judge only once every allocated mark of the contestant is in. */
export function marksRevealed(expected: number, entered: number): boolean {
  return expected > 0 && entered >= expected;
}
