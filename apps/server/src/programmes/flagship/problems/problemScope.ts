import { getTableName, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { scopeCondition } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { demandLists, problemTeamMembers, problems } from "./tables";

/** "table"."column": inside a correlated subquery an unqualified column would bind to the inner table. */
const qualified = (col: PgColumn) => sql`${sql.identifier(getTableName(col.table))}.${sql.identifier(col.name)}`;

/** A 协助专家 reaches the problem like its owner: the expert is on the problem's team. */
const onProblemTeam = (expertId: string): SQL =>
  sql`exists (select 1 from ${problemTeamMembers} where ${qualified(problemTeamMembers.problemId)} = ${qualified(problems.id)} and ${qualified(problemTeamMembers.expertId)} = ${expertId})`;

/** Staff see their region's problems, an enterprise its own, an expert those it owns or serves on as 协助专家. */
export const problemScope = (actor: Actor) =>
  scopeCondition(actor, { county: problems.countyCode, enterprise: problems.enterpriseId, expert: problems.ownerExpertId, expertAlso: onProblemTeam });

/** Demand lists are the enterprise's and its county's; an expert reaches problems, not lists. */
export const demandListScope = (actor: Actor) => scopeCondition(actor, { county: demandLists.countyCode, enterprise: demandLists.enterpriseId });
