import { and, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { openLoadByExpert } from "../problems/expertLoad";
import { problemTeamMembers, problems } from "../problems/tables";
import { serviceSessions, sessionEnterprises, sessionExperts } from "../serviceSessions/tables";

export type PlanProblemRow = {
  id: string;
  no: number;
  createdAt: Date;
  title: string;
  trade: string;
  enterpriseId: string;
  enterpriseName: string;
  countyCode: string;
  /** 需要专家人数, 1–3. */
  teamSize: number;
};

/**
 * Problems waiting for an expert: "accepted" (已受理) and not yet owned. `scope` is the actor's
 * scopeCondition; `counties` narrows to a region or a campaign; the period is on the recording date.
 */
export async function loadWaitingProblems(
  db: Db,
  f: { scope: SQL; counties?: readonly string[]; since?: Date; before?: Date },
): Promise<PlanProblemRow[]> {
  // A voided problem is nobody's work: it never enters the planner.
  const conditions: SQL[] = [f.scope, eq(problems.status, "accepted"), isNull(problems.ownerExpertId), isNull(problems.voidedAt)];
  if (f.counties) conditions.push(f.counties.length > 0 ? inArray(problems.countyCode, [...f.counties]) : sql`false`);
  if (f.since) conditions.push(gte(problems.createdAt, f.since));
  if (f.before) conditions.push(lt(problems.createdAt, f.before));
  return db
    .select({
      id: problems.id,
      no: problems.no,
      createdAt: problems.createdAt,
      title: problems.title,
      trade: problems.trade,
      enterpriseId: problems.enterpriseId,
      enterpriseName: enterprises.name,
      countyCode: problems.countyCode,
      teamSize: problems.teamSize,
    })
    .from(problems)
    .innerJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
    .where(and(...conditions))
    .orderBy(problems.no);
}

export type PlanExpertRow = {
  id: string;
  name: string;
  employer: string;
  homeCountyCode: string;
  skillLevel: string;
  trades: string[];
  maxOpenProblems: number;
  openProblems: number;
};

/**
 * The provincial pool as the planner sees it: active, available experts, each with its open load
 * (problems owned or helped on). The load is grouped queries rather than the per-row subquery the
 * expert list uses: at 10,000 experts that is the difference between one scan and 10,000 probes.
 */
export async function loadPoolExperts(db: Db): Promise<PlanExpertRow[]> {
  const [pool, loads] = await Promise.all([
    db
      .select({
        id: experts.id,
        name: experts.name,
        employer: experts.employer,
        homeCountyCode: experts.homeCountyCode,
        skillLevel: experts.skillLevel,
        trades: experts.trades,
        maxOpenProblems: experts.maxOpenProblems,
      })
      .from(experts)
      .where(and(eq(experts.active, true), eq(experts.availability, "available"))),
    openLoadByExpert(db),
  ]);
  return pool.map((e) => ({ ...e, openProblems: loads.get(e.id) ?? 0 }));
}

/**
 * Who helped which enterprise before: owned or helped on one of its problems, or was on a session
 * that visited it (the same rule as the single-problem suggestions). Returned as enterprise → experts.
 */
export async function loadHelpedBefore(db: Db): Promise<Map<string, string[]>> {
  const [owned, helpedOn, visited] = await Promise.all([
    db
      .selectDistinct({ enterpriseId: problems.enterpriseId, expertId: problems.ownerExpertId })
      .from(problems)
      .where(and(isNotNull(problems.ownerExpertId), isNull(problems.voidedAt))),
    db
      .selectDistinct({ enterpriseId: problems.enterpriseId, expertId: problemTeamMembers.expertId })
      .from(problemTeamMembers)
      .innerJoin(problems, eq(problems.id, problemTeamMembers.problemId))
      .where(isNull(problems.voidedAt)),
    db
      .selectDistinct({ enterpriseId: sessionEnterprises.enterpriseId, expertId: sessionExperts.expertId })
      .from(sessionExperts)
      .innerJoin(sessionEnterprises, eq(sessionEnterprises.sessionId, sessionExperts.sessionId))
      .innerJoin(serviceSessions, eq(serviceSessions.id, sessionExperts.sessionId))
      .where(isNull(serviceSessions.voidedAt)),
  ]);
  const byEnterprise = new Map<string, Set<string>>();
  for (const { enterpriseId, expertId } of [...owned, ...helpedOn, ...visited]) {
    if (!expertId) continue;
    const set = byEnterprise.get(enterpriseId) ?? new Set<string>();
    set.add(expertId);
    byEnterprise.set(enterpriseId, set);
  }
  return new Map([...byEnterprise].map(([k, v]) => [k, [...v]]));
}
