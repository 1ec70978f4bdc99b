import type { Problem } from "@jiangxin/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { problemColumns, toProblem } from "../problems/queries";
import { problems } from "../problems/tables";
import type { RegionDirectory } from "../../../platform/regions/regionDirectory";

/**
 * The problems of one session that still count (voided ones left out), in the order they were recorded (the on-site list reads top to bottom);
 * with `onlyEnterprise`, just that firm's (an enterprise account on a session shared with other firms).
 */
export async function sessionProblems(db: Db, regions: RegionDirectory, sessionId: string, onlyEnterprise?: string): Promise<Problem[]> {
  const rows = await db
    .select(problemColumns)
    .from(problems)
    .innerJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
    .leftJoin(experts, eq(experts.id, problems.ownerExpertId))
    // A voided problem leaves the on-site lists (and the team-owner check): it is no one's work any more.
    .where(and(eq(problems.sessionId, sessionId), isNull(problems.voidedAt), onlyEnterprise ? eq(problems.enterpriseId, onlyEnterprise) : undefined))
    .orderBy(asc(problems.no));
  return rows.map((row) => toProblem(row, regions));
}
