import { and, eq, getTableName, ne, sql, type Column, type Table } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { experts, type ExpertRowWithLoad } from "../../../masterData/experts";
import { openProblemsServedSql } from "../problems/expertLoad";
import { problemTeamMembers, problems } from "../problems/tables";
import { serviceSessions, sessionEnterprises, sessionExperts } from "../serviceSessions/tables";

/**
 * "table"."column". Drizzle leaves columns unqualified in a single-table select, so inside a
 * correlated subquery `"id"` would bind to the inner table; these references must say which table.
 */
const q = (table: Table, column: Column) => sql`${sql.identifier(getTableName(table))}.${sql.identifier(column.name)}`;
const expertId = q(experts, experts.id);

/**
 * Every active, available expert with load and whether they helped this enterprise before — one
 * query for the whole candidate list. "Helped before": owned another problem of the enterprise, or
 * was on a service session that visited it. Experts already on this problem's team (its owner and
 * its 协助专家) are left out: suggesting them again could only be refused.
 */
export async function loadSuggestionCandidates(
  db: Db,
  problem: { id: string; enterpriseId: string; ownerExpertId: string | null },
): Promise<(ExpertRowWithLoad & { helpedBefore: boolean })[]> {
  const helpedBefore = sql<boolean>`(
    exists (select 1 from ${problems} where ${q(problems, problems.ownerExpertId)} = ${expertId}
            and ${q(problems, problems.enterpriseId)} = ${problem.enterpriseId} and ${q(problems, problems.id)} <> ${problem.id}
            and ${q(problems, problems.voidedAt)} is null)
    or exists (select 1 from ${problemTeamMembers} join ${problems} on ${q(problems, problems.id)} = ${q(problemTeamMembers, problemTeamMembers.problemId)}
               where ${q(problemTeamMembers, problemTeamMembers.expertId)} = ${expertId}
               and ${q(problems, problems.enterpriseId)} = ${problem.enterpriseId} and ${q(problems, problems.id)} <> ${problem.id}
               and ${q(problems, problems.voidedAt)} is null)
    or exists (select 1 from ${sessionExperts} join ${sessionEnterprises} on ${q(sessionEnterprises, sessionEnterprises.sessionId)} = ${q(sessionExperts, sessionExperts.sessionId)}
               join ${serviceSessions} on ${q(serviceSessions, serviceSessions.id)} = ${q(sessionExperts, sessionExperts.sessionId)}
               where ${q(sessionExperts, sessionExperts.expertId)} = ${expertId} and ${q(sessionEnterprises, sessionEnterprises.enterpriseId)} = ${problem.enterpriseId}
               and ${q(serviceSessions, serviceSessions.voidedAt)} is null)
  )`;
  const rows = await db
    .select({ expert: experts, openProblems: openProblemsServedSql(experts.id), helpedBefore })
    .from(experts)
    .where(
      and(
        eq(experts.active, true),
        eq(experts.availability, "available"),
        problem.ownerExpertId ? ne(experts.id, problem.ownerExpertId) : undefined,
        sql`not exists (select 1 from ${problemTeamMembers} where ${q(problemTeamMembers, problemTeamMembers.problemId)} = ${problem.id}
                        and ${q(problemTeamMembers, problemTeamMembers.expertId)} = ${expertId})`,
      ),
    );
  return rows.map((r) => ({ ...r.expert, openProblems: r.openProblems, helpedBefore: Boolean(r.helpedBefore) }));
}
