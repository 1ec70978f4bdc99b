import type { DemoActors } from "./demoActors";
import { isOpenProblemStatus, problemStatusSchema } from "@jiangxin/domain";
import { addDays, daysBetween, isoDay, noonOf } from "../../../fixtures/demoDays";
import { progressNotes } from "./problemPath";
import type { Random } from "../../../fixtures/random";
import type { YearRows } from "./yearRows";

/**
 * How long an open problem has been quiet today: most were touched in the last fortnight, some have
 * stalled a few weeks, a few for months. This is what the overdue list shows a newcomer.
 */
function quietDays(rnd: Random): number {
  const u = rnd.next();
  return u < 0.7 ? rnd.int(0, 13) : u < 0.92 ? rnd.int(14, 45) : rnd.int(46, 150);
}

/**
 * Progress notes that people working on open problems would have logged by `today`, and recent
 * check-ins on running agreements: without them every problem under way would look abandoned since
 * its last move. Notes are added to `into`; nothing is dated after today.
 */
export function keepPipelineCurrent(years: readonly YearRows[], into: YearRows, today: string, rnd: Random, actors: DemoActors): void {
  const lastEvent = new Map<string, string>();
  for (const y of years) for (const e of y.events) if (e.at) {
    const day = isoDay(e.at);
    if (day > (lastEvent.get(e.problemId) ?? "")) lastEvent.set(e.problemId, day);
  }
  for (const y of years) for (const p of y.problems) {
    const status = problemStatusSchema.parse(p.status ?? "submitted");
    if (!p.id || !isOpenProblemStatus(status)) continue;
    const quiet = quietDays(rnd);
    const last = lastEvent.get(p.id) ?? today;
    if (daysBetween(last, today) <= quiet) continue;
    const waiting = ["submitted", "accepted", "matched"].includes(status);
    into.events.push({
      problemId: p.id,
      at: noonOf(addDays(today, -quiet)),
      fromStatus: status,
      toStatus: status,
      ...(waiting ? actors.union(p.countyCode ?? "") : actors.expert(p.ownerExpertId)),
      note: waiting ? "电话联系企业，确认需求细节" : rnd.pick(progressNotes),
    });
  }
  for (const y of years) for (const a of y.agreements) {
    const signed = a.signedOn;
    if (!a.id || !a.endDate || a.endDate <= today || daysBetween(signed, today) < 45 || rnd.next() >= 0.6) continue;
    const latest = Math.min(75, daysBetween(signed, today) - 31);
    into.checkIns.push({ agreementId: a.id, date: addDays(today, -rnd.int(3, Math.max(3, latest))), note: rnd.pick(["实地走访，改造设备运行稳定", "电话回访，培训计划按期推进", "专家到厂复查，企业反馈良好"]), byName: "县总工会" });
  }
}
