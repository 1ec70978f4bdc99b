import { finalProblemStatuses } from "@jiangxin/domain";
import { and, count, eq, getTableName, isNotNull, isNull, notInArray, sql, type Column, type SQL } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { problemTeamMembers, problems } from "./tables";

/**
 * An expert's load, counted against `max_open_problems` everywhere (suggestions, assignment, team
 * changes, planning): the unfinished problems it serves, as 负责专家 (owner) or as 协助专家 (team
 * member). The owner is never also a member of the same problem, so the two counts add up without
 * counting a problem twice, and each uses its own index (an OR of both would scan every open problem).
 */
// A voided problem is no one's load, whatever status it was voided in.
const openCondition = () => and(notInArray(problems.status, [...finalProblemStatuses]), isNull(problems.voidedAt));

/** Open problems the expert serves now. Pass `tx` inside a transaction. */
export async function openProblemsServedBy(db: Db, expertId: string): Promise<number> {
  const [owned] = await db
    .select({ n: count() })
    .from(problems)
    .where(and(eq(problems.ownerExpertId, expertId), openCondition()));
  // One after the other: `db` may be a transaction, which runs one statement at a time.
  const [member] = await db
    .select({ n: count() })
    .from(problemTeamMembers)
    .innerJoin(problems, eq(problems.id, problemTeamMembers.problemId))
    .where(and(eq(problemTeamMembers.expertId, expertId), openCondition()));
  return (owned?.n ?? 0) + (member?.n ?? 0);
}

const q = (column: Column) => sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
const finalStatuses = () => sql.join(finalProblemStatuses.map((s) => sql`${s}`), sql`, `);

/** The same load as a correlated subquery on an expert id column (the expert list, suggestions). */
export function openProblemsServedSql(expertIdColumn: Column): SQL<number> {
  const expertId = q(expertIdColumn);
  return sql<number>`((select count(*)::int from ${problems} where ${q(problems.ownerExpertId)} = ${expertId} and ${q(problems.status)} not in (${finalStatuses()}) and ${q(problems.voidedAt)} is null)
    + (select count(*)::int from ${problemTeamMembers} join ${problems} on ${q(problems.id)} = ${q(problemTeamMembers.problemId)}
       where ${q(problemTeamMembers.expertId)} = ${expertId} and ${q(problems.status)} not in (${finalStatuses()}) and ${q(problems.voidedAt)} is null))`;
}

/** Every expert's load at once, as expert id → open problems served (planning's whole pool). */
export async function openLoadByExpert(db: Db): Promise<Map<string, number>> {
  const [owned, member] = await Promise.all([
    db
      .select({ expertId: problems.ownerExpertId, open: sql<number>`count(*)::int` })
      .from(problems)
      .where(and(isNotNull(problems.ownerExpertId), openCondition()))
      .groupBy(problems.ownerExpertId),
    db
      .select({ expertId: problemTeamMembers.expertId, open: sql<number>`count(*)::int` })
      .from(problemTeamMembers)
      .innerJoin(problems, eq(problems.id, problemTeamMembers.problemId))
      .where(openCondition())
      .groupBy(problemTeamMembers.expertId),
  ]);
  const load = new Map<string, number>();
  for (const { expertId, open } of [...owned, ...member]) if (expertId) load.set(expertId, (load.get(expertId) ?? 0) + Number(open));
  return load;
}
