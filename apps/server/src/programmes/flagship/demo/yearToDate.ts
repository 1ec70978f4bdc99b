import { demoActors } from "./demoActors";
import type { AppContext } from "../../../platform/context";
import { addDays, daysBetween, shuffle } from "../../../fixtures/demoDays";
import { carryOver } from "./carryOver";
import { keepPipelineCurrent } from "./keepPipelineCurrent";
import { firmsNeeded, planSessions } from "./planSessions";
import { scaledTargets } from "./provinceYear";
import { addEnterprise, type Population } from "./provincePopulation";
import { seededRandom } from "../../../fixtures/random";
import { makeYearActivity } from "./yearActivity";
import type { YearRows } from "./yearRows";

export type YearToDateSummary = {
  year: number;
  today: string;
  sessions: number;
  expertParticipations: number;
  enterprisesServed: number;
  problemsSolved: number;
  workerTrainings: number;
  benefitYuan: number;
  campaignId: string;
};

/** This year's work against last year's: a few per cent more. */
const growth = 1.04;

/**
 * The current year from 1 January up to `today` on last year's population, at last year's pace:
 * last year's sessions fell over its first 351 days, so this year has the share of them that fits
 * in the days gone, × `growth`. Last year's open problems move on first (carryOver; the ones solved
 * count in this year, so the new sessions solve that many fewer), then the year's activity stops at
 * today, and the open pipeline gets the progress notes people would have logged. Its own stream
 * (`seed`), so last year stays exactly as generated; `last.rows` are changed in place.
 */
export function generateYearToDate(ctx: AppContext, last: { population: Population; rows: YearRows }, opts: { today: string; scale: number; seed: number }): { rows: YearRows; summary: YearToDateSummary } {
  const rnd = seededRandom(opts.seed);
  const { today, scale } = opts;
  const year = Number(today.slice(0, 4));
  const elapsed = daysBetween(`${year}-01-01`, today);
  const share = Math.min(1, (elapsed + 1) / 351) * growth;
  const { population } = last;

  const actors = demoActors(ctx, population);
  const carried = carryOver(last.rows, population, today, rnd, actors);
  const target = scaledTargets(scale * share);
  target.problemsSolved = Math.max(0, target.problemsSolved - carried.solved.length);
  const counties = ctx.regions.countiesUnder("330000");
  const isPriority = (code: string) => ctx.regions.priorityOn(code, `${year}-07-01`).length > 0;
  const plan = planSessions(counties, isPriority, target, rnd);
  const weight = (code: string) => (isPriority(code) ? 2.5 : 1);
  const totalWeight = counties.reduce((a, c) => a + weight(c), 0);

  // Each county's firms in a fresh order, so this year revisits some of last year's and reaches
  // others; a county that needs more firms than it has gets new ones (registered this year).
  const order = new Map<string, string[]>();
  for (const [county, need] of firmsNeeded(counties, plan)) {
    const firms = shuffle([...(population.firmsByCounty.get(county) ?? [])], rnd);
    while (firms.length < need) firms.push(addEnterprise(ctx, population, county, rnd));
    order.set(county, firms);
  }
  const cursor = new Map<string, number>();
  const firmsFor = (county: string, count: number) => {
    const start = cursor.get(county) ?? 0;
    cursor.set(county, start + count);
    return (order.get(county) ?? []).slice(start, start + count);
  };

  const { rows, campaignId } = makeYearActivity(
    ctx,
    {
      year,
      target,
      plan,
      population,
      campaignQuota: Math.max(1, Math.round(36 * scale * share)),
      // The backlog is a stock, not a flow: about as many waiting as at last year's end, a little
      // more, and like the sessions mostly in the priority counties, so their county federations
      // (淳安, 武义 among the demo accounts) have a queue on the planning page.
      waitingCount: Math.round(400 * scale),
      waitingCounty: (r) => {
        let u = r.next() * totalWeight;
        return counties.find((c) => (u -= weight(c)) < 0) ?? counties[counties.length - 1] ?? "330127";
      },
      agreementCount: Math.round(300 * scale * share),
      lastSessionDay: elapsed,
      today,
      // Demand lists come in all the time and are dealt with within weeks; a few wait for months.
      waitingDay: (r) => addDays(today, -(r.next() < 0.85 ? r.int(0, 40) : r.int(41, 150))),
      firmsFor,
      carriedSolved: carried.solved,
    },
    rnd,
    seededRandom(opts.seed ^ 0x7ea3),
  );
  rows.events.push(...carried.events);
  keepPipelineCurrent([last.rows, rows], rows, today, rnd, actors);

  const solvedThisYear = rows.problems.filter((p) => p.status === "solved").length + carried.solved.length;
  return {
    rows,
    summary: {
      year,
      today,
      sessions: target.sessions,
      expertParticipations: target.expertParticipations,
      enterprisesServed: target.enterprisesServed,
      problemsSolved: solvedThisYear,
      workerTrainings: target.workerTrainings,
      benefitYuan: target.benefitYuan,
      campaignId,
    },
  };
}
