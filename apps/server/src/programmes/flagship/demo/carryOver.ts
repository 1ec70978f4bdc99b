import type { DemoActors } from "./demoActors";
import { isOpenProblemStatus, problemStatusSchema, type ProblemStatus } from "@jiangxin/domain";
import { addDays, isoDay, noonOf } from "../../../fixtures/demoDays";
import { eventNotes, stepBy } from "./problemPath";
import type { Population } from "./provincePopulation";
import type { Random } from "../../../fixtures/random";
import type { SolvedProblem } from "./yearActivity";
import type { YearRows } from "./yearRows";

/** The steps a problem left open at the end of last year takes next, to a final status. */
function nextSteps(status: ProblemStatus, rnd: Random): ProblemStatus[] {
  const afterVisit = (): ProblemStatus[] =>
    rnd.next() < 0.8 ? ["solutionProposed", "implementing", "solved"] : ["unresolved", "followUp", rnd.next() < 0.7 ? "solved" : "closed"];
  switch (status) {
    case "submitted":
      return ["accepted", "matched", "onSite", ...afterVisit()];
    case "accepted":
      return ["matched", "onSite", ...afterVisit()];
    case "matched":
      return ["onSite", ...afterVisit()];
    case "onSite":
      return afterVisit();
    case "solutionProposed":
    case "inDesign":
      return ["implementing", "solved"];
    case "implementing":
      return ["solved"];
    case "unresolved":
      return ["followUp", "solved"];
    case "followUp":
      return [rnd.next() < 0.75 ? "solved" : "closed"];
    default:
      return [];
  }
}

/** Days from the previous step to `to`: quick before the visit, weeks for the work after it. */
function gap(to: ProblemStatus, first: boolean, rnd: Random): number {
  if (to === "accepted") return rnd.int(1, 5);
  if (to === "matched") return rnd.int(3, 15);
  if (to === "onSite") return rnd.int(5, 20);
  if (to === "solutionProposed" || to === "unresolved") return 0;
  // Work already under way at the year's end was long-running: its next step came later.
  return first ? rnd.int(20, 200) : rnd.int(10, 60);
}

/**
 * Moves last year's open problems on into this year, up to `today`: the waiting ones were visited,
 * the ones under way solved or closed, each step an event dated this year. Last year's rows are
 * changed in place (its figures do not move: solved counts in the year solved); the new events are
 * returned with the problems solved this year, whose benefit belongs to it. Last year's undone
 * agreement milestones that fell due are mostly done, on about their due date.
 */
export function carryOver(last: YearRows, population: Population, today: string, rnd: Random, actors: DemoActors): { events: YearRows["events"]; solved: SolvedProblem[] } {
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const events: YearRows["events"] = [];
  const solved: SolvedProblem[] = [];
  const byTrade = new Map<string, string[]>();
  for (const [id, trades] of population.expertTrades) for (const t of trades) byTrade.set(t, [...(byTrade.get(t) ?? []), id]);
  for (const p of last.problems) {
    const status = problemStatusSchema.parse(p.status ?? "submitted");
    if (!p.id || !isOpenProblemStatus(status)) continue;
    let at = isoDay(p.statusChangedAt ?? new Date());
    let from: ProblemStatus = status;
    const steps = nextSteps(status, rnd);
    for (const [i, to] of steps.entries()) {
      at = addDays(at, gap(to, i === 0 && !["submitted", "accepted", "matched"].includes(status), rnd));
      // Nothing moves into last year: a step there would change its figures (solved counts in the year solved).
      if (at < yearStart) at = addDays(yearStart, rnd.int(1, 20));
      if (at > today) break;
      if (to === "matched" && !p.ownerExpertId) {
        const pool = byTrade.get(p.trade) ?? [];
        p.ownerExpertId = pool.length > 0 ? rnd.pick(pool) : (rnd.pick(population.expertRows).id ?? null);
        // Only the owner was found: the team is what was found, as for last year's visited problems.
        p.teamSize = 1;
      }
      if (to === "solutionProposed") p.solution = "调整工艺参数并改进工装，现场示范操作";
      events.push({ problemId: p.id, at: noonOf(at), fromStatus: from, toStatus: to, ...(stepBy(to).byRole === "county" ? actors.union(p.countyCode ?? "") : actors.expert(p.ownerExpertId)), note: eventNotes[to] ?? null });
      p.status = to;
      p.statusChangedAt = noonOf(at);
      from = to;
      if (to === "solved") {
        p.solvedAt = noonOf(at);
        solved.push({ id: p.id, county: p.countyCode, day: at });
      }
    }
  }
  for (const m of last.milestones) {
    if (m.doneOn || m.dueDate >= today || rnd.next() >= 0.7) continue;
    const done = addDays(m.dueDate, rnd.int(-20, 25));
    m.doneOn = done > today ? today : done;
  }
  return { events, solved };
}
