import { finalProblemStatuses, type Problem, type ProblemStatus, type ProblemTeamMember, type Role, todayInChina, type TradeCode } from "@jiangxin/domain";
import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import type { RegionDirectory } from "../../../platform/regions/regionDirectory";
import { expertDetail, expertIdentityColumns } from "../corrections/expertIdentities";
import { voidedOf } from "../corrections/recordCorrection";
import { problemEvents, problemTeamMembers, problems } from "./tables";

/** The columns every problem view needs: the row plus the names shown beside it. */
export const problemColumns = {
  problem: problems,
  enterpriseName: enterprises.name,
  ownerExpertName: experts.name,
  ownerEmployer: experts.employer,
  ownerHomeCounty: experts.homeCountyCode,
  ownerSkillLevel: experts.skillLevel,
};
export type ProblemRow = {
  problem: typeof problems.$inferSelect;
  enterpriseName: string;
  ownerExpertName: string | null;
  ownerEmployer: string | null;
  ownerHomeCounty: string | null;
  ownerSkillLevel: string | null;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** "2025-000123": the year it was recorded (China time) and its serial, for phone calls and paper. */
export function problemCode(no: number, createdAt: Date): string {
  return `${todayInChina(createdAt).slice(0, 4)}-${String(no).padStart(6, "0")}`;
}

export function toProblem(row: ProblemRow, regions: RegionDirectory): Problem {
  const p = row.problem;
  return {
    id: p.id,
    code: problemCode(p.no, p.createdAt),
    title: p.title,
    description: p.description,
    trade: p.trade as TradeCode,
    urgency: p.urgency,
    status: p.status as ProblemStatus,
    statusChangedAt: p.statusChangedAt.toISOString(),
    enterpriseId: p.enterpriseId,
    enterpriseName: row.enterpriseName,
    countyCode: p.countyCode,
    countyName: regions.get(p.countyCode)?.name ?? p.countyCode,
    demandListId: p.demandListId,
    sessionId: p.sessionId,
    ownerExpertId: p.ownerExpertId,
    ownerExpertName: row.ownerExpertName,
    ownerExpertDetail:
      row.ownerEmployer !== null && row.ownerHomeCounty !== null && row.ownerSkillLevel !== null
        ? expertDetail(regions, { employer: row.ownerEmployer, homeCountyCode: row.ownerHomeCounty, skillLevel: row.ownerSkillLevel })
        : null,
    teamSize: p.teamSize,
    solution: p.solution,
    solvedAt: p.solvedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    voided: voidedOf(p),
  };
}

function selectProblems(db: Db) {
  return db
    .select(problemColumns)
    .from(problems)
    .innerJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
    .leftJoin(experts, eq(experts.id, problems.ownerExpertId));
}

export const openStatusCondition = () => notInArray(problems.status, [...finalProblemStatuses]);

/**
 * When anyone last did something on the problem: its latest timeline event, a move or a progress note
 * alike (an expert logging attempts every week is not stalled), or its status change if that is later.
 * GREATEST skips the NULL of a problem without events. One index probe per row (problem_events_problem_idx).
 */
export const lastActivityAt = () =>
  sql<Date>`greatest(${problems.statusChangedAt}, (select max(${problemEvents.at}) from ${problemEvents} where ${problemEvents.problemId} = ${problems.id}))`.mapWith(
    problems.statusChangedAt,
  );

export type ProblemFilter = {
  scope: SQL;
  q?: string;
  status?: ProblemStatus;
  counties?: string[];
  enterpriseId?: string;
  expertId?: string;
  demandListId?: string;
  open?: boolean;
  /** Only problems with no activity (move or note) since this instant (the overdue list). */
  idleSince?: Date;
  /** The list's 显示已作废: voided problems are nobody's work and are left out unless asked for. */
  includeVoided?: boolean;
};

/** A problem that still counts: not voided. Every work list and figure filters with it. */
export const notVoidedProblem = () => isNull(problems.voidedAt);

function filterCondition(f: ProblemFilter): SQL | undefined {
  const conditions: SQL[] = [f.scope];
  if (!f.includeVoided) conditions.push(notVoidedProblem());
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    const match = or(ilike(problems.title, pattern), ilike(problems.description, pattern), ilike(enterprises.name, pattern));
    if (match) conditions.push(match);
  }
  if (f.status) conditions.push(eq(problems.status, f.status));
  if (f.counties) conditions.push(inArray(problems.countyCode, f.counties));
  if (f.enterpriseId) conditions.push(eq(problems.enterpriseId, f.enterpriseId));
  // An expert's problems are those it owns and those it helps on.
  if (f.expertId) {
    const onTeam = sql`exists (select 1 from ${problemTeamMembers} where ${problemTeamMembers.problemId} = ${problems.id} and ${problemTeamMembers.expertId} = ${f.expertId})`;
    conditions.push(or(eq(problems.ownerExpertId, f.expertId), onTeam) as SQL);
  }
  if (f.demandListId) conditions.push(eq(problems.demandListId, f.demandListId));
  if (f.open === true) conditions.push(openStatusCondition());
  if (f.open === false) conditions.push(inArray(problems.status, [...finalProblemStatuses]));
  if (f.idleSince) conditions.push(lt(lastActivityAt(), f.idleSince));
  return and(...conditions);
}

function countProblems(db: Db, where: SQL | undefined) {
  return db
    .select({ total: count() })
    .from(problems)
    .innerJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
    .where(where);
}

export async function listProblems(db: Db, filter: ProblemFilter, paging: { page: number; pageSize: number }): Promise<{ rows: ProblemRow[]; total: number }> {
  const where = filterCondition(filter);
  const [rows, [totalRow]] = await Promise.all([
    selectProblems(db)
      .where(where)
      .orderBy(desc(problems.statusChangedAt), desc(problems.no))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    countProblems(db, where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

/** The overdue list's page: the filter's problems with their last activity, the longest quiet first. */
export async function listIdleProblems(
  db: Db,
  filter: ProblemFilter & { idleSince: Date },
  paging: { page: number; pageSize: number },
): Promise<{ rows: (ProblemRow & { lastActivityAt: Date })[]; total: number }> {
  const where = filterCondition(filter);
  const activity = lastActivityAt();
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({ ...problemColumns, lastActivityAt: activity })
      .from(problems)
      .innerJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
      .leftJoin(experts, eq(experts.id, problems.ownerExpertId))
      .where(where)
      .orderBy(asc(activity), asc(problems.no))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    countProblems(db, where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

/** All problems of one demand list, in the order they were entered. */
export async function problemsOfDemandList(db: Db, scope: SQL, demandListId: string): Promise<ProblemRow[]> {
  return selectProblems(db)
    .where(and(scope, eq(problems.demandListId, demandListId)))
    .orderBy(asc(problems.no));
}

export async function findProblem(db: Db, scope: SQL, id: string): Promise<ProblemRow | undefined> {
  const [row] = await selectProblems(db).where(and(scope, eq(problems.id, id)));
  return row;
}

export async function eventsOf(db: Db, regions: RegionDirectory, problemId: string) {
  // Within one instant, insert order (seq): a creation and the moves of one batch read as they happened.
  // An expert's account is joined to its pool row so the timeline carries the same identity as every
  // other list (work unit · home county · level), not the employer alone.
  const rows = await db
    .select({ event: problemEvents, expert: expertIdentityColumns })
    .from(problemEvents)
    .leftJoin(experts, and(eq(problemEvents.byRole, "expert"), eq(experts.userId, problemEvents.byUserId)))
    .where(eq(problemEvents.problemId, problemId))
    .orderBy(asc(problemEvents.at), asc(problemEvents.seq));
  return rows.map(({ event: r, expert }) => ({
      id: r.id,
      at: r.at.toISOString(),
      from: r.fromStatus as ProblemStatus | null,
      to: r.toStatus as ProblemStatus,
      byName: r.byName,
      byRole: r.byRole as Role,
      byUnit: r.byUnit,
      byExpertDetail: expert ? expertDetail(regions, expert) : null,
      note: r.note,
    }));
}

/** The problem's 协助专家 in the order they joined. */
export async function teamMembersOf(db: Db, regions: RegionDirectory, problemId: string): Promise<ProblemTeamMember[]> {
  const rows = await db
    .select({ expertId: problemTeamMembers.expertId, expertName: experts.name, addedAt: problemTeamMembers.addedAt, ...expertIdentityColumns })
    .from(problemTeamMembers)
    .innerJoin(experts, eq(experts.id, problemTeamMembers.expertId))
    .where(eq(problemTeamMembers.problemId, problemId))
    .orderBy(asc(problemTeamMembers.addedAt), asc(experts.name));
  return rows.map((r) => ({ expertId: r.expertId, expertName: r.expertName, expertDetail: expertDetail(regions, r), addedAt: r.addedAt.toISOString() }));
}
