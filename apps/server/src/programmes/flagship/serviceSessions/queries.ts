import type { ServiceSession } from "@jiangxin/domain";
import { and, asc, count, countDistinct, desc, eq, exists, gte, ilike, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { campaigns } from "../campaigns/tables";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { problemEvents, problems } from "../problems/tables";
import type { RegionDirectory } from "../../../platform/regions/regionDirectory";
import { expertDetail, expertIdentityColumns } from "../corrections/expertIdentities";
import { voidedOf } from "../corrections/recordCorrection";
import { serviceSessions, sessionEnterprises, sessionExperts } from "./tables";

type Row = typeof serviceSessions.$inferSelect;

export type SessionFilters = { scope: SQL; q?: string; counties?: string[]; campaignId?: string; from?: string; to?: string; expertId?: string; includeVoided?: boolean };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(db: Db, f: SessionFilters): SQL | undefined {
  const conditions: SQL[] = [f.scope];
  // Voided sessions are shown only behind 显示已作废.
  if (!f.includeVoided) conditions.push(isNull(serviceSessions.voidedAt));
  if (f.q) conditions.push(ilike(serviceSessions.title, `%${escapeLike(f.q)}%`));
  if (f.counties) conditions.push(f.counties.length > 0 ? inArray(serviceSessions.countyCode, f.counties) : sql`false`);
  if (f.campaignId) conditions.push(eq(serviceSessions.campaignId, f.campaignId));
  if (f.from) conditions.push(gte(serviceSessions.date, f.from));
  if (f.to) conditions.push(lte(serviceSessions.date, f.to));
  if (f.expertId) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(sessionExperts)
          .where(and(eq(sessionExperts.sessionId, serviceSessions.id), eq(sessionExperts.expertId, f.expertId))),
      ),
    );
  }
  return and(...conditions);
}

export async function listSessionRows(db: Db, f: SessionFilters, page: number, pageSize: number): Promise<{ rows: Row[]; total: number }> {
  const where = whereOf(db, f);
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(serviceSessions).where(where).orderBy(desc(serviceSessions.date), desc(serviceSessions.createdAt), asc(serviceSessions.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ total: count() }).from(serviceSessions).where(where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function findSessionRow(db: Db, scope: SQL, id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(serviceSessions).where(and(scope, eq(serviceSessions.id, id)));
  return row;
}

/**
 * Turns session rows into the API shape with four batched queries (enterprises, team, problems,
 * campaign names), whatever the number of rows: a list page never costs a query per session.
 * `onlyEnterprise` (an enterprise account reading): a session that also visited other firms shows
 * only this firm and its own problems — other firms' names and problems are theirs, not the reader's.
 */
export async function toSessions(db: Db, regions: RegionDirectory, rows: Row[], onlyEnterprise?: string): Promise<ServiceSession[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const campaignIds = [...new Set(rows.map((r) => r.campaignId).filter((c): c is string => c !== null))];
  const [firms, team, owned, proposed, campaignRows] = await Promise.all([
    db
      .select({ sessionId: sessionEnterprises.sessionId, id: enterprises.id, name: enterprises.name })
      .from(sessionEnterprises)
      .innerJoin(enterprises, eq(enterprises.id, sessionEnterprises.enterpriseId))
      .where(and(inArray(sessionEnterprises.sessionId, ids), onlyEnterprise ? eq(sessionEnterprises.enterpriseId, onlyEnterprise) : undefined))
      .orderBy(asc(enterprises.name)),
    db
      .select({ sessionId: sessionExperts.sessionId, id: experts.id, name: experts.name, leader: sessionExperts.leader, ...expertIdentityColumns })
      .from(sessionExperts)
      .innerJoin(experts, eq(experts.id, sessionExperts.expertId))
      .where(inArray(sessionExperts.sessionId, ids))
      .orderBy(desc(sessionExperts.leader), asc(experts.name)),
    db
      .select({ sessionId: problems.sessionId, id: problems.id, owner: problems.ownerExpertId })
      .from(problems)
      // A voided problem leaves the session's counts and its experts' problem lists.
      .where(and(inArray(problems.sessionId, ids), isNull(problems.voidedAt), onlyEnterprise ? eq(problems.enterpriseId, onlyEnterprise) : undefined))
      .orderBy(asc(problems.no)),
    // "Solutions proposed" counts problems that ever reached solutionProposed, so a problem that has
    // since moved on to design or implementation still counts for the day it was proposed.
    db
      .select({ sessionId: problems.sessionId, n: countDistinct(problems.id) })
      .from(problems)
      .innerJoin(problemEvents, and(eq(problemEvents.problemId, problems.id), eq(problemEvents.toStatus, "solutionProposed")))
      .where(and(inArray(problems.sessionId, ids), isNull(problems.voidedAt), onlyEnterprise ? eq(problems.enterpriseId, onlyEnterprise) : undefined))
      .groupBy(problems.sessionId),
    campaignIds.length > 0 ? db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(inArray(campaigns.id, campaignIds)) : Promise.resolve([]),
  ]);
  const campaignName = new Map(campaignRows.map((c) => [c.id, c.name]));
  return rows.map((r) => {
    const mine = owned.filter((p) => p.sessionId === r.id);
    return {
      id: r.id,
      date: r.date,
      countyCode: r.countyCode,
      countyName: regions.get(r.countyCode)?.name ?? r.countyCode,
      title: r.title,
      campaignId: r.campaignId,
      campaignName: r.campaignId ? (campaignName.get(r.campaignId) ?? null) : null,
      note: r.note,
      enterprises: firms.filter((f) => f.sessionId === r.id).map(({ id, name }) => ({ id, name })),
      experts: team
        .filter((x) => x.sessionId === r.id)
        .map((x) => ({ id: x.id, name: x.name, detail: expertDetail(regions, x), leader: x.leader, problemIds: mine.filter((p) => p.owner === x.id).map((p) => p.id) })),
      problemCount: mine.length,
      solutionsProposed: Number(proposed.find((p) => p.sessionId === r.id)?.n ?? 0),
      voided: voidedOf(r),
    };
  });
}
