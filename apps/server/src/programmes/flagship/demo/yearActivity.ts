import { demoActors } from "./demoActors";
import { tradeCodes, type ProblemStatus } from "@jiangxin/domain";
import { randomUUID } from "node:crypto";
import type { AppContext } from "../../../platform/context";
import type { problemTeamMembers, problems } from "../problems/tables";
import type { sessionExperts } from "../serviceSessions/tables";
import { addDays, apportion, isoDay, noonOf, shuffle } from "../../../fixtures/demoDays";
import { problemTitles, trainingTopics } from "./demoVocabulary";
import { fitIntoYear } from "./fitIntoYear";
import type { SessionPlan, YearTargets } from "./planSessions";
import { eventNotes, pathTo } from "./problemPath";
import { shortCountyName, type Population } from "./provincePopulation";
import type { Random } from "../../../fixtures/random";
import type { YearRows } from "./yearRows";

export type SolvedProblem = { id: string; county: string; day: string };

export type YearActivityOptions = {
  year: number;
  target: YearTargets;
  plan: SessionPlan;
  population: Population;
  campaignQuota: number;
  waitingCount: number;
  agreementCount: number;
  /** Sessions fall on days 0 … lastSessionDay of the year. */
  lastSessionDay: number;
  /**
   * Set while the year is still running (its date today): nothing after it has happened, so a
   * problem stops at the step it had reached, and later completions, verifications and check-ins
   * are left out. Unset, a finished year: late steps are pressed into December (fitIntoYear).
   */
  today?: string;
  /** The day a problem still waiting in a demand list was submitted. */
  waitingDay: (rnd: Random) => string;
  /** The county of a problem still waiting (default: any county alike). */
  waitingCounty?: (rnd: Random) => string;
  /** The firms a session in `county` visits. */
  firmsFor: (county: string, count: number) => string[];
  /** Problems of earlier years solved in this one: their benefit counts in it. */
  carriedSolved?: readonly SolvedProblem[];
};

/**
 * One year of 劳模工匠助企行 on a population: sessions with their teams, firms, problems (and each
 * problem's timeline), trainings, outcomes, agreements and the year's 进山区海岛县 campaign. The
 * session volumes are the plan's exactly; for a finished year so are the solved problems and the
 * benefit. Every draw comes from `rnd`, in a fixed order, so a seed gives the same year.
 */
export function makeYearActivity(ctx: AppContext, o: YearActivityOptions, rnd: Random, teamRnd: Random): { rows: YearRows; campaignId: string } {
  const { year, target, plan, population } = o;
  const { expertRows, expertTrades, firmName, firmsByCounty } = population;
  const actors = demoActors(ctx, population);
  const counties = ctx.regions.countiesUnder("330000");
  const isPriority = (code: string) => ctx.regions.priorityOn(code, `${year}-07-01`).length > 0;
  const happened = (day: string) => o.today === undefined || day <= o.today;
  const rows: YearRows = {
    campaigns: [],
    sessions: [],
    sessionFirms: [],
    sessionExperts: [],
    demandLists: [],
    problems: [],
    teamMembers: [],
    events: [],
    trainings: [],
    trainers: [],
    outcomes: [],
    agreements: [],
    agreementExperts: [],
    milestones: [],
    checkIns: [],
  };
  const solvedProblems: SolvedProblem[] = [];
  const yearStart = Date.parse(`${year}-01-01T00:00:00Z`);
  const campaignId = randomUUID();
  rows.campaigns.push({ id: campaignId, name: `${year}年“劳模工匠助企行”进山区海岛县专项行动`, year, priorityOnly: true, targets: { sessions: 30, trainees: 3000 }, ownerRegionCode: "330000" });

  // The campaign's dedicated sessions, spread over the priority counties rather than the first few.
  const prioritySessions = shuffle([...plan.sessionCounty.keys()].filter((i) => isPriority(plan.sessionCounty[i] ?? "")), rnd);
  const campaignSessions = new Set(prioritySessions.slice(0, o.campaignQuota));

  for (let s = 0; s < target.sessions; s++) {
    const county = plan.sessionCounty[s] ?? "330127";
    const id = randomUUID();
    const day = isoDay(new Date(yearStart + rnd.int(0, o.lastSessionDay) * 86_400_000));
    const tagged = campaignSessions.has(s);
    const team = new Set<number>();
    const size = plan.teamSizes[s] ?? 1;
    while (team.size < Math.min(size, expertRows.length)) team.add(rnd.int(0, expertRows.length - 1));
    const teamIds = [...team].map((i) => expertRows[i]?.id ?? "");
    const firms = o.firmsFor(county, plan.firmsPerSession[s] ?? 0);
    rows.sessions.push({ id, date: day, countyCode: county, title: `${shortCountyName(ctx, county)}劳模工匠助企行${tagged ? "专场" : ""}服务`, campaignId: tagged ? campaignId : null });
    for (const f of firms) rows.sessionFirms.push({ sessionId: id, enterpriseId: f });
    teamIds.forEach((e, i) => rows.sessionExperts.push({ sessionId: id, expertId: e, leader: i === 0 }));

    // Problems of the session: the solved ones the figures need, and about one in five more still open or closed.
    const solvedCount = plan.solvedPerSession[s] ?? 0;
    const extra = rnd.next() < 0.2 * Math.max(1, solvedCount) ? 1 : 0;
    const demandIds = new Map<string, string>();
    for (let k = 0; k < solvedCount + extra; k++) {
      const firm = firms[k % Math.max(1, firms.length)];
      if (!firm) break;
      const owner = teamIds[k % teamIds.length] ?? teamIds[0] ?? null;
      const ownerTrades = (owner && expertTrades.get(owner)) || ["6-18-02-04"];
      const trade = rnd.pick(ownerTrades);
      const planned: ProblemStatus = k < solvedCount ? "solved" : rnd.pick(["inDesign", "implementing", "followUp", "closed"] as const);
      const foundOnSite = rnd.next() < 0.3;
      let demandListId: string | null = null;
      if (!foundOnSite) {
        demandListId = demandIds.get(firm) ?? randomUUID();
        if (!demandIds.has(firm)) {
          demandIds.set(firm, demandListId);
          rows.demandLists.push({ id: demandListId, enterpriseId: firm, countyCode: county, source: rnd.next() < 0.5 ? "enterprise" : "union", submittedAt: noonOf(addDays(day, -rnd.int(7, 30))) });
        }
      }
      const fullPath = pathTo(planned, foundOnSite, rnd);
      const problemId = randomUUID();
      // When each step happened: the steps before the visit in the fortnight before it, the on-site ones
      // on the day, later ones in the weeks after.
      let at = addDays(day, -rnd.int(10, 20));
      const raw = fullPath.map((status, i) => {
        if (status === "onSite") at = day;
        else if (["solutionProposed", "unresolved"].includes(status)) at = day;
        else if (i > 0) at = addDays(at, fullPath.indexOf("onSite") > i ? rnd.int(1, 3) : rnd.int(1, 12));
        return at;
      });
      // A finished year: within it, so a solved problem counts in it. A running one: up to today.
      const stamps = o.today === undefined ? fitIntoYear(raw, day, `${year}-12-31`) : raw.filter((d) => d <= (o.today ?? d));
      const path = fullPath.slice(0, Math.max(1, stamps.length));
      const final = path[path.length - 1] ?? planned;
      const finalDay = stamps[stamps.length - 1] ?? day;
      rows.problems.push({
        id: problemId,
        enterpriseId: firm,
        countyCode: county,
        demandListId,
        sessionId: id,
        title: rnd.pick(problemTitles[trade]),
        description: `${firmName.get(firm) ?? ""}生产中遇到的技术难题，需${path.includes("onSite") ? "专家到现场" : "专家"}会诊并提出方案。`,
        trade,
        urgency: rnd.pick(["low", "normal", "normal", "high"] as const),
        status: final,
        statusChangedAt: noonOf(finalDay),
        ownerExpertId: owner,
        solution: path.includes("solutionProposed") ? "调整工艺参数并改进工装，现场示范操作" : null,
        solvedAt: final === "solved" ? noonOf(finalDay) : null,
        createdAt: noonOf(stamps[0] ?? day),
      });
      path.forEach((status, i) => {
        rows.events.push({ problemId, at: noonOf(stamps[i] ?? day), fromStatus: i === 0 ? null : (path[i - 1] ?? null), toStatus: status, ...(i < 2 ? actors.union(county) : actors.expert(owner)), note: eventNotes[status] ?? null });
      });
      if (final === "solved") solvedProblems.push({ id: problemId, county, day: finalDay });
    }

    const trainingId = randomUUID();
    rows.trainings.push({ id: trainingId, date: day, topic: rnd.pick(trainingTopics), countyCode: county, enterpriseId: firms[0] ?? null, trainees: plan.traineesPerSession[s] ?? 0, sessionId: id, campaignId: tagged ? campaignId : null });
    for (const e of teamIds.slice(0, 2)) rows.trainers.push({ trainingId, expertId: e });
  }

  // Problems waiting in demand lists, not yet visited: these fill the open and overdue lists and the planner's queue.
  for (let k = 0; k < o.waitingCount; k++) {
    const county = o.waitingCounty ? o.waitingCounty(rnd) : rnd.pick(counties);
    const pool = firmsByCounty.get(county) ?? [];
    const firm = pool[pool.length - 1 - (k % Math.max(1, Math.min(3, pool.length)))];
    if (!firm) continue;
    const day = o.waitingDay(rnd);
    const status: ProblemStatus = rnd.pick(["submitted", "accepted", "matched"] as const);
    const trade = rnd.pick(tradeCodes);
    const problemId = randomUUID();
    const listId = randomUUID();
    rows.demandLists.push({ id: listId, enterpriseId: firm, countyCode: county, source: "enterprise", submittedAt: noonOf(day) });
    const path: ProblemStatus[] = status === "submitted" ? ["submitted"] : status === "accepted" ? ["submitted", "accepted"] : ["submitted", "accepted", "matched"];
    const owner = status === "matched" ? (rnd.pick(expertRows).id ?? null) : null;
    rows.problems.push({ id: problemId, enterpriseId: firm, countyCode: county, demandListId: listId, title: rnd.pick(problemTitles[trade]), description: `${firmName.get(firm) ?? ""}提交的技术难题，等待安排专家。`, trade, urgency: "normal", status, statusChangedAt: noonOf(day), ownerExpertId: owner, createdAt: noonOf(day) });
    path.forEach((st, i) => rows.events.push({ problemId, at: noonOf(day), fromStatus: i === 0 ? null : (path[i - 1] ?? null), toStatus: st, ...(i === 0 ? actors.firm(firm) : actors.union(county)), note: eventNotes[st] ?? null }));
  }

  rows.teamMembers = assignTeams(rows.problems, rows.sessionExperts, expertTrades, teamRnd);

  // Benefit: skewed (a few big wins), scaled so the year's estimate is the target exactly.
  solvedProblems.push(...(o.carriedSolved ?? []));
  const weights = solvedProblems.map(() => Math.exp(rnd.next() * 3));
  const yuan = apportion(target.benefitYuan, weights);
  rows.outcomes = solvedProblems.map((p, i) => {
    const estimated = yuan[i] ?? 0;
    // Drawn in this order so a finished year keeps its stream; a running year verifies only what is due.
    const willVerify = rnd.next() < 0.7;
    const verifiedYuan = willVerify ? `${Math.round(estimated * (0.85 + rnd.next() * 0.2))}.00` : null;
    const laborIntensityReductionPct = rnd.next() < 0.5 ? (rnd.int(500, 4500) / 100).toFixed(2) : null;
    const failureRateReductionPct = rnd.next() < 0.5 ? (rnd.int(500, 3000) / 100).toFixed(2) : null;
    const verifiedOn = willVerify ? addDays(p.day, rnd.int(10, 60)) : null;
    const verified = verifiedOn !== null && happened(verifiedOn);
    return {
      problemId: p.id,
      countyCode: p.county,
      economicBenefitYuan: `${estimated}.00`,
      verifiedBenefitYuan: verified ? verifiedYuan : null,
      laborIntensityReductionPct,
      failureRateReductionPct,
      estimatedOn: p.day,
      verifiedOn: verified ? verifiedOn : null,
      enterpriseConfirmed: verified,
    };
  });

  // One-to-one agreements signed on some visits.
  // Each session's first firm and its team, looked up rather than searched for: at 10× (bench/stats) a
  // scan of every row per agreement took seconds.
  const firstFirmOf = new Map<string, string>();
  for (const r of rows.sessionFirms) if (!firstFirmOf.has(r.sessionId)) firstFirmOf.set(r.sessionId, r.enterpriseId);
  const teamOf = new Map<string, (typeof sessionExperts.$inferInsert)[]>();
  for (const r of rows.sessionExperts) teamOf.set(r.sessionId, [...(teamOf.get(r.sessionId) ?? []), r]);
  for (let k = 0; k < o.agreementCount; k++) {
    const session = rows.sessions[rnd.int(0, rows.sessions.length - 1)];
    const firm = session?.id ? firstFirmOf.get(session.id) : undefined;
    if (!session?.id || !firm) continue;
    const id = randomUUID();
    const signed = session.date;
    rows.agreements.push({ id, enterpriseId: firm, countyCode: session.countyCode, title: `${firmName.get(firm) ?? ""}一对一技术支持协议`, scopes: ["equipmentRenovation", "talentTraining"], signedOn: signed, startDate: signed, endDate: addDays(signed, 365), sessionId: session.id });
    for (const e of (teamOf.get(session.id) ?? []).slice(0, 2)) rows.agreementExperts.push({ agreementId: id, expertId: e.expertId });
    const done = (p: number, from: number, to: number) => {
      const day = rnd.next() < p ? addDays(signed, rnd.int(from, to)) : null;
      return day && happened(day) ? day : null;
    };
    rows.milestones.push(
      { agreementId: id, title: "完成设备改造方案", dueDate: addDays(signed, 60), doneOn: done(0.8, 30, 70) },
      { agreementId: id, title: "完成首期技术工人培训", dueDate: addDays(signed, 120), doneOn: done(0.5, 90, 130) },
      { agreementId: id, title: "改造成效评估", dueDate: addDays(signed, 300), doneOn: null },
    );
    if (happened(addDays(signed, 30))) rows.checkIns.push({ agreementId: id, date: addDays(signed, 30), note: "电话回访，设备改造按计划推进", byName: "县总工会" });
  }
  return { rows, campaignId };
}

/**
 * Teams of 1, 2 and 3 experts at about 80/15/5 %. A problem with an owner gets its co-experts from
 * its session's team, then from the pool, always of its trade (so its team size is what was found);
 * a problem still waiting keeps the size drawn, for the planner to fill. Its own random stream, so
 * every other draw of the year (and so every figure of the article) is as before.
 */
function assignTeams(
  problemRows: (typeof problems.$inferInsert)[],
  sessionExpertRows: readonly (typeof sessionExperts.$inferInsert)[],
  expertTrades: ReadonlyMap<string | undefined, readonly string[]>,
  rnd: Random,
): (typeof problemTeamMembers.$inferInsert)[] {
  const sessionTeams = new Map<string, string[]>();
  for (const r of sessionExpertRows) sessionTeams.set(r.sessionId, [...(sessionTeams.get(r.sessionId) ?? []), r.expertId]);
  const byTrade = new Map<string, string[]>();
  for (const [id, trades] of expertTrades) for (const t of trades) if (id) byTrade.set(t, [...(byTrade.get(t) ?? []), id]);
  const rows: (typeof problemTeamMembers.$inferInsert)[] = [];
  for (const p of problemRows) {
    const u = rnd.next();
    const size = u < 0.8 ? 1 : u < 0.95 ? 2 : 3;
    const owner = p.ownerExpertId;
    if (!owner || !p.id) {
      p.teamSize = size;
      continue;
    }
    const team = new Set([owner]);
    const fits = (id: string) => !team.has(id) && (expertTrades.get(id) ?? []).includes(p.trade);
    for (const id of (p.sessionId && sessionTeams.get(p.sessionId)) || []) if (team.size < size && fits(id)) team.add(id);
    const pool = byTrade.get(p.trade) ?? [];
    for (let tries = 0; team.size < size && pool.length > 0 && tries < 20; tries++) {
      const id = rnd.pick(pool);
      if (fits(id)) team.add(id);
    }
    p.teamSize = team.size;
    for (const id of team) if (id !== owner) rows.push({ problemId: p.id, expertId: id, addedAt: p.createdAt });
  }
  return rows;
}
