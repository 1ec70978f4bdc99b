import { todayInChina } from "@jiangxin/domain";
import type { Problem, ProblemStatus, TradeCode } from "@jiangxin/domain";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { problems } from "../problems/tables";
import type { RegionDirectory } from "../../../platform/regions/regionDirectory";

/** "2025-000123": the year the problem was recorded and its running number, as written on paper. */
export function problemCode(no: number, createdAt: Date): string {
  return `${todayInChina(createdAt).slice(0, 4)}-${String(no).padStart(6, "0")}`;
}

/**
 * The problems of one session, in the order they were recorded (the on-site list reads top to bottom);
 * with `onlyEnterprise`, just that firm's (an enterprise account on a session shared with other firms).
 */
export async function sessionProblems(db: Db, regions: RegionDirectory, sessionId: string, onlyEnterprise?: string): Promise<Problem[]> {
  const rows = await db
    .select({ p: problems, enterpriseName: enterprises.name, ownerName: experts.name })
    .from(problems)
    .innerJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
    .leftJoin(experts, eq(experts.id, problems.ownerExpertId))
    .where(and(eq(problems.sessionId, sessionId), onlyEnterprise ? eq(problems.enterpriseId, onlyEnterprise) : undefined))
    .orderBy(asc(problems.no));
  return rows.map(({ p, enterpriseName, ownerName }) => ({
    id: p.id,
    code: problemCode(p.no, p.createdAt),
    title: p.title,
    description: p.description,
    trade: p.trade as TradeCode,
    urgency: p.urgency,
    status: p.status as ProblemStatus,
    statusChangedAt: p.statusChangedAt.toISOString(),
    enterpriseId: p.enterpriseId,
    enterpriseName,
    countyCode: p.countyCode,
    countyName: regions.get(p.countyCode)?.name ?? p.countyCode,
    demandListId: p.demandListId,
    sessionId: p.sessionId,
    ownerExpertId: p.ownerExpertId,
    ownerExpertName: ownerName,
    teamSize: p.teamSize,
    solution: p.solution,
    solvedAt: p.solvedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  }));
}
