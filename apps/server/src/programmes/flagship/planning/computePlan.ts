import { chinaMidnight, expertDetailOf, nextDay, type PlanAssignment, type PlanComputeInput, type PlanResult, type PlanUnassigned, planUnassignedReasonLabels, type PriorityKind, priorityKindLabels, type SkillLevel, skillLevelLabels, skillLevels, skillRank, todayInChina, type TradeCode, trades } from "@jiangxin/domain";
import { defaultWeights, planAssignments, type AssignmentWeights, type Expert, type Problem } from "@jiangxin/matching";
import { eq } from "drizzle-orm";
import { concernsActor, coversCounty, scopeCondition, visibleCounties } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { campaigns } from "../campaigns/tables";
import { problemCode } from "../problems/queries";
import { problems as problemsTable } from "../problems/tables";
import { distanceKm } from "../../../platform/regions/distanceKm";
import { candidateArcs, type ArcExpert, type ArcProblem } from "./candidateArcs";
import { idleOutsiders } from "./idleOutsiders";
import { loadHelpedBefore, loadPoolExperts, loadWaitingProblems, type PlanExpertRow, type PlanProblemRow } from "./queries";

/**
 * The planner's weights. Skill is on the domain's 8-step ladder (学徒工 1 … 首席技师 8); travel is
 * 1 per km between county seats, so 10 km weigh as much as one skill step and 15 km as one problem
 * already carried. Teams are the problem's 需要专家人数 (team_size); of each team the cheapest pair is
 * planned as its 负责专家 (ownerExpertId once accepted), the others as 协助专家.
 */
export const planWeights: AssignmentWeights = { ...defaultWeights, maxSkillLevel: skillLevels.length };
/** Candidate experts per problem, fewest and most (see candidateArcs and docs/matching.md). */
export const candidatesPerProblem = { min: 20, max: 60 };
/** Solves after the first that may add idle experts to problems left short (see idleOutsiders). */
const MAX_WIDENING_ROUNDS = 3;

const tradeName = (code: string) => (code in trades ? trades[code as TradeCode] : code);
const pairKey = (problemId: string, expertId: string) => `${problemId}\u0000${expertId}`;

/** The counties the plan covers: the actor's scope, narrowed by a region and by a campaign. */
async function plannedCounties(ctx: AppContext, actor: Actor, input: PlanComputeInput): Promise<readonly string[] | undefined> {
  const visible = visibleCounties(actor);
  let counties: readonly string[] | undefined = visible === "all" ? undefined : visible;
  if (input.regionCode) {
    const region = ctx.regions.require(input.regionCode);
    const under = ctx.regions.countiesUnder(input.regionCode);
    if (!under.every((c) => coversCounty(actor, c))) {
      throw new AppError("FORBIDDEN", `“${region.name}”不在您的辖区内`, { regionCode: `“${region.name}”不在您的辖区内` });
    }
    counties = under;
  }
  if (input.campaignId) {
    const [campaign] = await ctx.database.db.select().from(campaigns).where(eq(campaigns.id, input.campaignId));
    if (!campaign || !concernsActor(actor, campaign.ownerRegionCode, ctx.regions)) throw notFound("专项行动");
    let inCampaign = campaign.regionCodes.length > 0 ? campaign.regionCodes.flatMap((c) => ctx.regions.countiesUnder(c)) : ctx.regions.countiesUnder("330000");
    if (campaign.priorityOnly) {
      const today = todayInChina(ctx.now());
      inCampaign = inCampaign.filter((c) => ctx.regions.priorityOn(c, today).length > 0);
    }
    const set = new Set(inCampaign);
    counties = counties ? counties.filter((c) => set.has(c)) : [...set];
  }
  return counties;
}

/** Day boundaries in China time (UTC+8, no daylight saving). */
const nextChinaMidnight = (day: string) => chinaMidnight(nextDay(day));

export async function computePlan(ctx: AppContext, actor: Actor, input: PlanComputeInput): Promise<PlanResult> {
  const t0 = performance.now();
  const { db } = ctx.database;
  const counties = await plannedCounties(ctx, actor, input);
  const [problemRows, expertRows, helped] = await Promise.all([
    loadWaitingProblems(db, {
      scope: scopeCondition(actor, { county: problemsTable.countyCode }),
      counties,
      since: input.from ? chinaMidnight(input.from) : undefined,
      before: input.to ? nextChinaMidnight(input.to) : undefined,
    }),
    loadPoolExperts(db),
    loadHelpedBefore(db),
  ]);
  const t1 = performance.now();

  const today = todayInChina(ctx.now());
  const priorityMemo = new Map<string, PriorityKind[]>();
  const priorityOf = (county: string) => {
    let p = priorityMemo.get(county);
    if (!p) priorityMemo.set(county, (p = ctx.regions.priorityOn(county, today)));
    return p;
  };

  // Counties as small integers, distances as one matrix: the candidate search asks millions of times.
  const countyIndex = new Map<string, number>();
  const countyCodes: string[] = [];
  const indexOf = (code: string) => {
    let i = countyIndex.get(code);
    if (i === undefined) {
      countyIndex.set(code, (i = countyCodes.length));
      countyCodes.push(code);
    }
    return i;
  };
  problemRows.forEach((p) => indexOf(p.countyCode));
  expertRows.forEach((e) => indexOf(e.homeCountyCode));
  const n = countyCodes.length;
  const matrix = new Int32Array(n * n);
  for (let a = 0; a < n; a++) {
    const ra = ctx.regions.get(countyCodes[a]!);
    for (let b = a + 1; b < n; b++) {
      const rb = ctx.regions.get(countyCodes[b]!);
      // An unknown seat is treated as far (300 km, about the province's width) rather than as near.
      const d = ra?.lng != null && ra.lat != null && rb?.lng != null && rb.lat != null ? Math.round(distanceKm({ lng: ra.lng, lat: ra.lat }, { lng: rb.lng, lat: rb.lat })) : 300;
      matrix[a * n + b] = d;
      matrix[b * n + a] = d;
    }
  }
  const km = (a: number, b: number) => matrix[a * n + b]!;

  const problemById = new Map(problemRows.map((p) => [p.id, p]));
  const expertById = new Map(expertRows.map((e) => [e.id, e]));
  const room = (e: PlanExpertRow) => e.maxOpenProblems - e.openProblems;

  // Pins per problem: each pinned expert is on the team; a team larger than its pins plans the rest.
  const pinsOf = new Map<string, string[]>();
  input.pins?.forEach((pin, i) => {
    const p = problemById.get(pin.problemId);
    if (!p) throw new AppError("VALIDATION_FAILED", "锁定的难题不在本次规划范围内", { [`pins.${i}`]: "该难题不在本次规划范围内(已指派或不在所选区域)" });
    const e = expertById.get(pin.expertId);
    if (!e || room(e) <= 0 || !e.trades.includes(p.trade)) {
      throw new AppError("VALIDATION_FAILED", "锁定的专家不能承担该难题", { [`pins.${i}`]: "该专家工种不对口、已满负荷或暂不可服务" });
    }
    const list = pinsOf.get(p.id) ?? [];
    if (list.includes(e.id)) return;
    if (list.length >= p.teamSize) {
      throw new AppError("VALIDATION_FAILED", "锁定的专家多于需要专家人数", { [`pins.${i}`]: `该难题需要专家人数为${p.teamSize}人，锁定的专家过多` });
    }
    list.push(e.id);
    pinsOf.set(p.id, list);
  });
  const forbids = new Set((input.forbids ?? []).map((f) => pairKey(f.problemId, f.expertId)));

  /**
   * The model's problems. A problem without pins is itself, with its team size. Each pin becomes a
   * team of one whose only arc is the pinned expert, on a tier above every county's, so strict tier
   * penalties guarantee the pin (unless the expert is pinned to more problems than it has room
   * for); the problem's remaining slots are one more model problem, on the county's tier, from which
   * the pinned experts are forbidden (an expert at most once per team).
   */
  type Part = { problem: PlanProblemRow; pinned: string | null };
  const parts = new Map<string, Part>();
  const pinParts = new Map<string, string>();
  const arcProblems: ArcProblem[] = [];
  const modelProblems: Problem[] = [];
  for (const p of problemRows) {
    const county = indexOf(p.countyCode);
    const tier = priorityOf(p.countyCode).length > 0 ? 1 : 0;
    const pinned = pinsOf.get(p.id) ?? [];
    for (const expertId of pinned) {
      const id = pairKey(p.id, expertId);
      parts.set(id, { problem: p, pinned: expertId });
      pinParts.set(id, expertId);
      forbids.add(pairKey(p.id, expertId));
      arcProblems.push({ id, trade: p.trade, county, enterpriseId: p.enterpriseId, slots: 0 });
      modelProblems.push({ id, county: p.countyCode, enterprise: p.enterpriseId, trade: p.trade, priorityTier: 2, teamSize: 1 });
    }
    const rest = p.teamSize - pinned.length;
    if (rest > 0) {
      parts.set(p.id, { problem: p, pinned: null });
      arcProblems.push({ id: p.id, trade: p.trade, county, enterpriseId: p.enterpriseId, slots: rest });
      modelProblems.push({ id: p.id, county: p.countyCode, enterprise: p.enterpriseId, trade: p.trade, priorityTier: tier, teamSize: rest });
    }
  }

  const arcExperts: ArcExpert[] = expertRows.map((e) => ({
    id: e.id,
    trades: e.trades,
    homeCounty: indexOf(e.homeCountyCode),
    skillLevel: skillRank(e.skillLevel as SkillLevel) + 1,
    room: room(e),
    currentLoad: e.openProblems,
  }));
  const candidates = candidateArcs({
    problems: arcProblems,
    experts: arcExperts,
    km,
    weights: planWeights,
    helpedBefore: helped,
    pins: pinParts,
    forbids,
    minPerProblem: candidatesPerProblem.min,
    maxPerProblem: candidatesPerProblem.max,
  });
  const helpedBy = new Map<string, string[]>();
  for (const [enterprise, ids] of helped) {
    for (const id of ids) {
      const list = helpedBy.get(id);
      if (list) list.push(enterprise);
      else helpedBy.set(id, [enterprise]);
    }
  }
  const modelExperts: Expert[] = expertRows.map((e) => ({
    id: e.id,
    homeCounty: e.homeCountyCode,
    trades: e.trades,
    skillLevel: skillRank(e.skillLevel as SkillLevel) + 1,
    capacity: e.maxOpenProblems,
    // A pool member over its limit (the limit was lowered) simply has no room.
    currentLoad: Math.min(e.openProblems, e.maxOpenProblems),
    helpedEnterprises: helpedBy.get(e.id) ?? [],
  }));
  const t2 = performance.now();
  const solve = () =>
    planAssignments({ problems: modelProblems, experts: modelExperts, candidates, distance: (a, b) => km(indexOf(a), indexOf(b)), weights: planWeights });
  let plan = solve();
  let solves = 1;
  // Shortlists can leave a slot empty while an eligible expert outside them is idle: give those
  // problems every idle expert of their trade and solve again (rarely needed, and once is usually
  // enough; each round can only add arcs, so a few rounds settle it).
  for (let round = 0; round < MAX_WIDENING_ROUNDS; round++) {
    const extra = idleOutsiders({ plan, problems: arcProblems, experts: arcExperts, candidates, forbids, pins: pinParts, pairKey });
    if (extra.length === 0) break;
    for (const c of extra) candidates.push(c);
    plan = solve();
    solves++;
  }
  const t3 = performance.now();

  // 20,000 rows: what depends only on a county or an expert is worked out once, not per row.
  const countyMemo = new Map<string, { name: string; priority: PriorityKind[]; tags: string[] }>();
  const countyOf = (code: string) => {
    let c = countyMemo.get(code);
    if (!c) {
      const priority = priorityOf(code);
      countyMemo.set(code, (c = { name: ctx.regions.get(code)?.name ?? code, priority, tags: priority.map((k) => `${priorityKindLabels[k]}优先`) }));
    }
    return c;
  };
  const describe = (p: PlanProblemRow) => {
    const county = countyOf(p.countyCode);
    return {
      problemId: p.id,
      problemCode: problemCode(p.no, p.createdAt),
      problemTitle: p.title,
      trade: p.trade,
      enterpriseName: p.enterpriseName,
      countyCode: p.countyCode,
      countyName: county.name,
      priority: county.priority,
    };
  };
  let distanceSum = 0;
  const teams = new Map<string, PlanAssignment[]>();
  for (const a of plan.assignments) {
    const part = parts.get(a.problem)!;
    const p = part.problem;
    const e = expertById.get(a.expert)!;
    const d = km(indexOf(e.homeCountyCode), indexOf(p.countyCode));
    distanceSum += d;
    const county = countyOf(p.countyCode);
    const pinned = part.pinned === e.id;
    const fit = e.trades.indexOf(p.trade);
    const reasons: string[] = pinned ? ["人工锁定"] : [];
    reasons.push(
      fit === 0 ? `工种对口(${tradeName(p.trade)})` : `兼修工种(${tradeName(p.trade)})`,
      skillLevelLabels[e.skillLevel as SkillLevel] ?? e.skillLevel,
      e.homeCountyCode === p.countyCode ? "本县专家" : `距离${d}公里`,
      e.openProblems === 0 ? "当前无在办难题" : `在办${e.openProblems}/${e.maxOpenProblems}`,
    );
    if (a.terms.continuity === 0) reasons.push("曾服务该企业");
    for (const tag of county.tags) reasons.push(tag);
    const row: PlanAssignment = {
      ...describe(p),
      teamSize: p.teamSize,
      role: "member",
      expertId: e.id,
      expertName: e.name,
      expertDetail: expertDetailOf({ employer: e.employer, homeCountyName: countyOf(e.homeCountyCode).name, skillLevelLabel: skillLevelLabels[e.skillLevel as SkillLevel] ?? "" }),
      expertCountyName: countyOf(e.homeCountyCode).name,
      expertCountyCode: e.homeCountyCode,
      distanceKm: d,
      cost: a.cost,
      terms: a.terms,
      reasons,
      pinned,
    };
    const team = teams.get(p.id);
    if (team) team.push(row);
    else teams.set(p.id, [row]);
  }
  // Rows in problem order, each team together with its planned owner (the cheapest pair) first.
  const assignments: PlanAssignment[] = [];
  let priorityAssigned = 0;
  for (const p of problemRows) {
    const team = teams.get(p.id);
    if (!team) continue;
    team.sort((x, y) => x.cost - y.cost || (x.expertId < y.expertId ? -1 : 1));
    team[0]!.role = "owner";
    if (team[0]!.priority.length > 0) priorityAssigned++;
    for (const row of team) assignments.push(row);
  }

  const missing = new Map<string, { missing: number; reason: PlanUnassigned["reason"] | null; pinLost: boolean; pinReason: PlanUnassigned["reason"] }>();
  for (const u of plan.unassigned) {
    const part = parts.get(u.problem)!;
    const m = missing.get(part.problem.id) ?? { missing: 0, reason: null, pinLost: false, pinReason: u.reason };
    m.missing++;
    if (part.pinned) m.pinLost = true;
    else m.reason ??= u.reason;
    missing.set(part.problem.id, m);
  }
  const unassigned: PlanUnassigned[] = [];
  for (const p of problemRows) {
    const m = missing.get(p.id);
    if (!m) continue;
    const reason = m.reason ?? m.pinReason;
    const pinnedNote = m.pinLost ? "(锁定的专家已另有安排)" : "";
    unassigned.push({ ...describe(p), teamSize: p.teamSize, missing: m.missing, reason, reasonText: planUnassignedReasonLabels[reason] + pinnedNote });
  }
  const missingSlots = plan.unassigned.length;
  const t4 = performance.now();

  return {
    assignments,
    unassigned,
    totals: {
      problems: problemRows.length,
      priorityProblems: problemRows.filter((p) => priorityOf(p.countyCode).length > 0).length,
      assigned: teams.size,
      priorityAssigned,
      unassigned: unassigned.length,
      slots: problemRows.reduce((sum, p) => sum + p.teamSize, 0),
      assignedPairs: assignments.length,
      missingSlots,
      experts: expertRows.length,
      expertsUsed: new Set(assignments.map((a) => a.expertId)).size,
      candidateArcs: candidates.length,
      totalCost: plan.totalCost,
      meanDistanceKm: assignments.length > 0 ? Math.round((distanceSum / assignments.length) * 10) / 10 : 0,
    },
    timing: { loadMs: Math.round(t1 - t0), buildMs: Math.round(t2 - t1 + (t4 - t3)), solveMs: Math.round(t3 - t2), totalMs: Math.round(t4 - t0), solves },
  };
}
