import { finalProblemStatuses, todayInChina, urgencies, type MyTask, type MyTasks, type ProblemStatus, type TaskEnterprise } from "@jiangxin/domain";
import { and, asc, eq, gte, inArray, isNull, notInArray, or } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { attachmentsOfOwners } from "../../../platform/attachments";
import type { AppContext } from "../../../platform/context";
import { enterprises } from "../../../masterData/enterprises";
import { lastActivityAt, problemCode } from "../problems/queries";
import { problemTeamMembers, problems } from "../problems/tables";
import { serviceSessions, sessionEnterprises, sessionExperts } from "../serviceSessions/tables";

const enterpriseColumns = {
  id: enterprises.id,
  name: enterprises.name,
  address: enterprises.address,
  countyCode: enterprises.countyCode,
  contactName: enterprises.contactName,
  contactPhoneMasked: enterprises.contactPhoneMasked,
};
type EnterpriseRow = { id: string; name: string; address: string | null; countyCode: string; contactName: string; contactPhoneMasked: string };

/**
 * 我的任务 for an expert login: the open problems it owns or helps with, each with the firm (address,
 * contact) and the next visit to that firm it is on, today's first; and its visits from today on.
 * Voided problems and sessions are left out. Anyone else has no tasks (an empty list).
 */
export async function myTasksFor(ctx: AppContext, actor: Actor): Promise<MyTasks> {
  const today = todayInChina(ctx.now());
  const expertId = actor.role === "expert" ? actor.expertId : null;
  if (!expertId) return { today, tasks: [], visits: [] };
  const { db } = ctx.database;
  const toEnterprise = (e: EnterpriseRow): TaskEnterprise => {
    const county = ctx.regions.get(e.countyCode);
    const city = county?.parentCode ? ctx.regions.get(county.parentCode) : undefined;
    return { ...e, countyName: county?.name ?? e.countyCode, cityName: city?.name ?? "" };
  };

  const helping = db.select({ id: problemTeamMembers.problemId }).from(problemTeamMembers).where(eq(problemTeamMembers.expertId, expertId));
  const problemRows = await db
    .select({ problem: problems, enterprise: enterpriseColumns, lastActivityAt: lastActivityAt() })
    .from(problems)
    .innerJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
    .where(
      and(
        or(eq(problems.ownerExpertId, expertId), inArray(problems.id, helping)),
        notInArray(problems.status, [...finalProblemStatuses]),
        isNull(problems.voidedAt),
      ),
    )
    .limit(200);

  // The visits it is on from today: one row per visited firm.
  const visitRows = await db
    .select({ sessionId: serviceSessions.id, date: serviceSessions.date, title: serviceSessions.title, countyCode: serviceSessions.countyCode, enterprise: enterpriseColumns })
    .from(sessionExperts)
    .innerJoin(serviceSessions, eq(serviceSessions.id, sessionExperts.sessionId))
    .innerJoin(sessionEnterprises, eq(sessionEnterprises.sessionId, serviceSessions.id))
    .innerJoin(enterprises, eq(enterprises.id, sessionEnterprises.enterpriseId))
    .where(and(eq(sessionExperts.expertId, expertId), gte(serviceSessions.date, today), isNull(serviceSessions.voidedAt)))
    .orderBy(asc(serviceSessions.date), asc(serviceSessions.id), asc(enterprises.name))
    .limit(500);

  const visits = new Map<string, MyTasks["visits"][number]>();
  for (const v of visitRows) {
    const visit = visits.get(v.sessionId) ?? { sessionId: v.sessionId, date: v.date, title: v.title, countyName: ctx.regions.get(v.countyCode)?.name ?? v.countyCode, enterprises: [] };
    visit.enterprises.push(toEnterprise(v.enterprise));
    visits.set(v.sessionId, visit);
  }
  /** The first coming visit to each firm (rows are in date order). */
  const nextVisitOf = new Map<string, { sessionId: string; date: string; title: string }>();
  for (const v of visitRows) if (!nextVisitOf.has(v.enterprise.id)) nextVisitOf.set(v.enterprise.id, { sessionId: v.sessionId, date: v.date, title: v.title });

  const photos = await attachmentsOfOwners(db, "flagship.problem", problemRows.map((r) => r.problem.id));
  const tasks: MyTask[] = problemRows.map((r) => {
    const p = r.problem;
    const ownSession = p.sessionId ? [...visits.values()].find((v) => v.sessionId === p.sessionId) : undefined;
    return {
      problemId: p.id,
      code: problemCode(p.no, p.createdAt),
      title: p.title,
      status: p.status as ProblemStatus,
      urgency: p.urgency,
      role: p.ownerExpertId === expertId ? "owner" : "helper",
      enterprise: toEnterprise(r.enterprise),
      nextVisit: ownSession ? { sessionId: ownSession.sessionId, date: ownSession.date, title: ownSession.title } : (nextVisitOf.get(p.enterpriseId) ?? null),
      lastActivityAt: r.lastActivityAt.toISOString(),
      photoCount: photos.get(p.id)?.filter((a) => a.isImage).length ?? 0,
    };
  });
  // Today's visits first, then the nearest visit, then the most urgent, then what has waited longest.
  const urgencyRank = (u: MyTask["urgency"]) => urgencies.length - urgencies.indexOf(u);
  tasks.sort(
    (a, b) =>
      (a.nextVisit?.date ?? "9999").localeCompare(b.nextVisit?.date ?? "9999") ||
      urgencyRank(a.urgency) - urgencyRank(b.urgency) ||
      a.lastActivityAt.localeCompare(b.lastActivityAt),
  );
  return { today, tasks, visits: [...visits.values()] };
}


