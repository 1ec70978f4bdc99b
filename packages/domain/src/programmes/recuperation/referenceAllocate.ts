/**
 * The draw written as plainly as the issue states it — objects, bigint lottery numbers, Array.sort —
 * so the tests can compare the typed-array `allocate` with it and the benchmark can time both in the
 * same run. The lottery function is passed in (the tests give node:crypto's SHA-256, an independent
 * check of `lottery.ts`). Not exported from the package's index: nothing in the product uses it.
 */
export type PlainApplication = {
  applicantId: string;
  unionId: string;
  group: number;
  choices: readonly string[];
  lastYear: number | null;
};

export type PlainOutcome = { applicantId: string; sessionId: string | null; position: number | null };

export function referenceAllocate(
  applications: readonly PlainApplication[],
  sessionCapacity: ReadonlyMap<string, number>,
  unionQuota: ReadonlyMap<string, number>,
  opts: { seed: string; year: number; noRepeatYears: number; lottery: (seed: string, applicantId: string) => bigint },
): PlainOutcome[] {
  const eligible = applications
    .map((a, index) => ({ a, index, lottery: opts.lottery(opts.seed, a.applicantId) }))
    .filter(({ a }) => a.lastYear === null || opts.noRepeatYears <= 0 || a.lastYear < opts.year - opts.noRepeatYears);
  eligible.sort((x, y) => x.a.group - y.a.group || (x.lottery < y.lottery ? -1 : x.lottery > y.lottery ? 1 : x.index - y.index));

  const left = new Map(sessionCapacity);
  const quota = new Map(unionQuota);
  const outcomes: PlainOutcome[] = applications.map((a) => ({ applicantId: a.applicantId, sessionId: null, position: null }));
  eligible.forEach(({ a, index }, k) => {
    outcomes[index]!.position = k + 1;
    if ((quota.get(a.unionId) ?? 0) <= 0) return;
    const got = a.choices.find((s) => (left.get(s) ?? 0) > 0);
    if (got === undefined) return;
    left.set(got, left.get(got)! - 1);
    quota.set(a.unionId, quota.get(a.unionId)! - 1);
    outcomes[index]!.sessionId = got;
  });
  return outcomes;
}
