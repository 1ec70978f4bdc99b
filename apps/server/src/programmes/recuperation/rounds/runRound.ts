import { allocationSteps, choicesPerApplication, isEligible, LotteryHasher, type AllocationInput, type RecuperationFairnessReport } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";
import { drawableQuotas } from "../catalogue/drawableQuotas";
import { fairnessReport, type DrawnApplications } from "./fairnessReport";

/**
 * Statement sizes: rows per page read, result rows per INSERT, draw positions per offers INSERT.
 * PGlite runs in this thread, so a statement holds the event loop as well as its only connection:
 * at 100,000 applications (load 3–4, bench:recuperation's probes) a page of 50,000 held both ~1 s and
 * 10,000 offers 0.5–1.5 s; these sizes keep each under ~0.4 s. On PostgreSQL a statement holds only its
 * pool connection, and the same small sizes made the 1.5 M draw 72 s slower (docs/recuperation.md).
 */
const statementSizes = {
  pglite: { page: 5_000, results: 2_500, offers: 2_500 },
  postgres: { page: 10_000, results: 10_000, offers: 10_000 },
} as const;
/**
 * Iterations of the draw's loops per step (allocationSteps): at 1.5 million applications about 200
 * steps of ~5–20 ms each, instead of one call holding the event loop for the whole ~1–1.5 s draw.
 */
const drawSlice = 100_000;

export type RoundProgress = (step: string, done: number, total: number) => Promise<void> | void;

export type RoundTimings = { readMs: number; drawMs: number; writeMs: number; reportMs: number; applications: number; placed: number };

/**
 * The web's draw over the database (issue 14): reads the round's applications a page at a time as
 * one text per page (PGlite and node-postgres both turn rows into objects slowly; one string per
 * page is parsed here), hashes each applicant id under the seed, runs the same draw as the
 * auditors' command (`allocationSteps`, yielding between slices), inserts position, outcome and session into recuperation_draw_results in
 * chunks of 10,000 rows per INSERT … SELECT FROM unnest(arrays), makes the draw's offers and the
 * fairness report. It yields to the event loop between pages, so other
 * requests are served while it runs. The same seed gives the same result, so a run interrupted by a
 * restart can be run again without anyone being able to choose among results.
 *
 * As each page is read, its applications' last_year takes in the person's recorded places of earlier
 * rounds (accepted or stayed), so the rule "not again within N years" reads records, not declarations.
 */
export async function runRound(ctx: AppContext, db: Db, roundId: string, seed: string, progress: RoundProgress = () => {}): Promise<RoundTimings> {
  const [round] = await queryRows<{ year: number; no_repeat_years: number; total: number }>(
    db,
    sql`select year, no_repeat_years, (select count(*)::int from recuperation_applications where round_id = ${roundId}) as total
        from recuperation_rounds where id = ${roundId} and status = 'running'`,
  );
  // Only a round its caller has just set running (startRun: from committed or failed) is drawn: the
  // clean-up below must never touch the offers of a drawn or published round.
  if (!round) throw new Error(`round ${roundId} is not running`);
  const t0 = performance.now();
  // A run that failed part-way may have left results (and, had it got that far, the draw's offers):
  // they go first, together, so a rerun replaces the round's results instead of adding to them. Nobody
  // reads them meanwhile: results show only once the round is drawn, and offers only once published.
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from recuperation_offers o using recuperation_applications a
      where a.id = o.application_id and a.round_id = ${roundId} and o.source = 'draw'`);
    await tx.execute(sql`delete from recuperation_draw_results where round_id = ${roundId}`);
  });

  // Sessions of the year with the places other rounds' offers still hold; quotas (what each union keeps for its own members: catalogue/drawableQuotas) with what they used.
  const sessions = await queryRows<{ id: string; left: number }>(
    db,
    sql`select s.id, greatest(0, s.capacity - (select count(*) from recuperation_offers o join recuperation_applications a on a.id = o.application_id
          where o.session_id = s.id and o.status in ('offered', 'accepted', 'stayed') and a.round_id <> ${roundId}))::int as left
        from recuperation_sessions s where s.year = ${round.year} order by s.code`,
  );
  const quotas = await queryRows<{ union_id: string; quota: number; left: number }>(
    db,
    // One grouped pass over the year's held offers, not a count per union: that walked every application
    // of each union (this round's included, through the union index) to find its offers.
    sql`select q.union_id, q.quota, greatest(0, q.quota - coalesce(used.n, 0))::int as left
        from ${drawableQuotas(round.year)} q
        left join (select a.union_id, count(*) as n from recuperation_offers o join recuperation_applications a on a.id = o.application_id
                   join recuperation_rounds r on r.id = a.round_id
                   where r.year = ${round.year} and o.status in ('offered', 'accepted', 'stayed') and a.round_id <> ${roundId}
                   group by a.union_id) used on used.union_id = q.union_id`,
  );
  const sessionIndex = new Map(sessions.map((s, i) => [s.id, i]));
  const unionIndex = new Map(quotas.map((q, i) => [q.union_id, i]));
  // Applications of a union without a quota row draw against a quota of 0 (an extra slot at the end).
  const unionQuota = Int32Array.from([...quotas.map((q) => q.left), 0]);
  const noQuota = quotas.length;

  const { page: pageSize, results: writeChunk, offers: offerChunk } = statementSizes[ctx.database.kind];
  const n = round.total;
  const ids: string[] = new Array<string>(n);
  const input: AllocationInput = {
    sessionCapacity: Int32Array.from(sessions.map((s) => s.left)),
    unionQuota,
    union: new Int32Array(n),
    group: new Int32Array(n),
    choices: new Int32Array(n * choicesPerApplication).fill(-1),
    eligible: new Uint8Array(n),
    lotteryHi: new Uint32Array(n),
    lotteryLo: new Uint32Array(n),
  };
  // What the fairness report counts by, per application (fairnessReport.ts): categories as indexes.
  const lastYear = new Int32Array(n);
  const county = new Int32Array(n);
  const sex = new Int32Array(n);
  const occupation = new Int32Array(n);
  const countyKeys = new Keys();
  const sexKeys = new Keys();
  const occupationKeys = new Keys();
  // sex and occupation are free text (a comma, a quote, a line break may be in them): they come last, as
  // one JSON array, parsed once per distinct pair (there are few).
  const pairs = new Map<string, [number, number]>();
  const hasher = new LotteryHasher(seed);
  let k = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  // One page of the round's applications, in person order after `after`: the last_year update and the read
  // below must cover exactly the same rows.
  const pageAfter = (from: string) => sql`select * from recuperation_applications where round_id = ${roundId} and person_id > ${from}::uuid order by person_id limit ${pageSize}`;
  while (k < n) {
    // The page's applicants first take in their recorded places of earlier rounds (accepted or stayed), so
    // the rule "not again within N years" reads records, not declarations: one statement per page (through
    // the person index), not one over the round, which in a year after the first would walk every earlier
    // offer in one go and hold PGlite (and with it the server's thread) for as long as that takes.
    await db.execute(sql`
      update recuperation_applications a set last_year = greatest(a.last_year, prior.year)
      from (select a2.person_id, max(s.year) as year
            from recuperation_offers o
            join recuperation_applications a2 on a2.id = o.application_id
            join recuperation_sessions s on s.id = o.session_id
            where o.status in ('accepted', 'stayed') and a2.round_id <> ${roundId}
              and a2.person_id in (select person_id from (${pageAfter(after)}) page)
            group by a2.person_id) prior
      where a.round_id = ${roundId} and a.person_id = prior.person_id and (a.last_year is null or a.last_year < prior.year)`);
    const [page] = await queryRows<{ body: string | null; last: string | null }>(
      db,
      sql`select string_agg(concat_ws(',', id, union_id, group_rank, choice1, coalesce(choice2::text, ''), coalesce(choice3::text, ''), coalesce(last_year::text, ''), county_code, json_build_array(sex, occupation)), E'\n' order by person_id) as body,
                 max(person_id::text) as last
          from (${pageAfter(after)}) p`,
    );
    if (!page?.body || !page.last) break;
    for (const line of page.body.split("\n")) {
      const f = line.split(",");
      const id = f[0]!;
      ids[k] = id;
      input.union[k] = unionIndex.get(f[1]!) ?? noQuota;
      input.group[k] = Number(f[2]);
      for (let c = 0; c < choicesPerApplication; c++) {
        const s = f[3 + c] ? sessionIndex.get(f[3 + c]!) : undefined;
        // A choice of another year's session cannot be drawn (the form offers this year's only).
        input.choices[k * choicesPerApplication + c] = s ?? -1;
      }
      const last = f[6] ? Number(f[6]) : null;
      input.eligible[k] = isEligible(last, round.year, round.no_repeat_years) ? 1 : 0;
      lastYear[k] = last ?? 0;
      county[k] = countyKeys.of(f[7]!);
      const tail = f.length === 9 ? f[8]! : f.slice(8).join(",");
      let pair = pairs.get(tail);
      if (!pair) {
        const [s, o] = JSON.parse(tail) as [string | null, string | null];
        pairs.set(tail, (pair = [sexKeys.of(s), occupationKeys.of(o)]));
      }
      sex[k] = pair[0];
      occupation[k] = pair[1];
      hasher.hashString(id);
      input.lotteryHi[k] = hasher.hi;
      input.lotteryLo[k] = hasher.lo;
      k++;
    }
    after = page.last;
    await progress("读取申请", k, n);
    await yieldToEventLoop();
  }
  const readMs = performance.now() - t0;

  await progress("摇号", 0, k);
  const typed: AllocationInput = {
    ...input,
    union: input.union.subarray(0, k),
    group: input.group.subarray(0, k),
    choices: input.choices.subarray(0, k * choicesPerApplication),
    eligible: input.eligible.subarray(0, k),
    lotteryHi: input.lotteryHi.subarray(0, k),
    lotteryLo: input.lotteryLo.subarray(0, k),
  };
  // The same draw as the command's, one slice at a time; between slices the event loop serves others.
  // drawMs is the draw's own time (its slices), not the time others took in between.
  const steps = allocationSteps(typed, drawSlice);
  let drawMs = 0;
  let result;
  for (;;) {
    const t1 = performance.now();
    const step = steps.next();
    drawMs += performance.now() - t1;
    if (step.done) {
      result = step.value;
      break;
    }
    await progress("摇号", step.value.done, step.value.total);
    await yieldToEventLoop();
  }

  const t2 = performance.now();
  // Rows in draw order, then the ineligible: the (round, position) index then only grows at its end.
  const writeOrder = new Uint32Array(k);
  writeOrder.set(result.order);
  let w = result.order.length;
  for (let i = 0; i < k; i++) if (!result.position[i]) writeOrder[w++] = i;
  let placed = 0;
  for (let start = 0; start < k; start += writeChunk) {
    const end = Math.min(k, start + writeChunk);
    // Four array literals, one element per application: the statement carries no per-row SQL text to
    // parse, and the rows go in as plain INSERTs into the narrow results table (one primary key and the
    // position index), not as UPDATEs through every index of recuperation_applications.
    const idList: string[] = [];
    const positions: string[] = [];
    const outcomes: string[] = [];
    const drawn: string[] = [];
    for (let j = start; j < end; j++) {
      const i = writeOrder[j]!;
      const s = result.session[i]!;
      if (s >= 0) placed++;
      idList.push(ids[i]!);
      positions.push(result.position[i] ? String(result.position[i]) : "NULL");
      outcomes.push(String(result.outcome[i]));
      drawn.push(s >= 0 ? sessions[s]!.id : "NULL");
    }
    const literal = (items: string[]) => `{${items.join(",")}}`;
    await db.execute(sql`
      insert into recuperation_draw_results (round_id, application_id, position, outcome, session_id)
      select ${roundId}::uuid, v.* from unnest(${literal(idList)}::uuid[], ${literal(positions)}::int[], ${literal(outcomes)}::smallint[], ${literal(drawn)}::uuid[]) as v`);
    await progress("写入结果", end, k);
    // Between chunks other requests get the event loop and (on PGlite's one connection) the database.
    await yieldToEventLoop();
  }
  // Fresh statistics before the joins below: PGlite has no autovacuum, and a server's would come too
  // late, so the planner would take the round's rows for an empty table and nest loops over them.
  await db.execute(sql`analyze recuperation_draw_results`);
  // The draw's offers in slices of draw positions (the (round, position) index finds each slice), not
  // one statement: at 300,000 applications one INSERT held PGlite's only connection for ~25 s, and every
  // other request waited behind it. A run that fails between slices is cleaned up by the rerun above.
  const drawnCount = result.order.length;
  for (let from = 0; from < drawnCount; from += offerChunk) {
    const to = Math.min(drawnCount, from + offerChunk);
    await db.execute(sql`
      insert into recuperation_offers (application_id, session_id, source, status, offered_at)
      select application_id, session_id, 'draw', 'offered', ${ctx.now().toISOString()}::timestamptz
      from recuperation_draw_results
      where round_id = ${roundId} and position > ${from} and position <= ${to} and session_id is not null`);
    await progress("生成录取名额", to, drawnCount);
    await yieldToEventLoop();
  }
  const writeMs = performance.now() - t2;

  const t3 = performance.now();
  await progress("统计公平性报告", k, k);
  const drawn: DrawnApplications = {
    count: k,
    group: input.group,
    lastYear,
    union: input.union,
    county,
    countyKeys: countyKeys.list,
    sex,
    sexKeys: sexKeys.list,
    occupation,
    occupationKeys: occupationKeys.list,
    position: result.position,
    session: result.session,
    outcome: result.outcome,
  };
  const report: RecuperationFairnessReport = await fairnessReport(ctx, db, drawn, {
    year: round.year,
    noRepeatYears: round.no_repeat_years,
    drawMs,
    unions: quotas.map((q) => ({ id: q.union_id, quota: q.quota })),
  });
  await db.execute(sql`update recuperation_rounds set report = ${JSON.stringify(report)}::jsonb where id = ${roundId}`);
  return { readMs, drawMs, writeMs, reportMs: performance.now() - t3, applications: k, placed };
}

/** Distinct values numbered in the order first seen (a category's keys for the report). */
class Keys {
  readonly list: (string | null)[] = [];
  private readonly index = new Map<string | null, number>();
  of(key: string | null): number {
    let k = this.index.get(key);
    if (k === undefined) {
      k = this.list.length;
      this.index.set(key, k);
      this.list.push(key);
    }
    return k;
  }
}
