import { and, eq, exists, or, sql, type SQL } from "drizzle-orm";
import { scopeCondition } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { serviceSessions, sessionEnterprises, sessionExperts } from "./tables";

/**
 * Which sessions an actor may see: staff by the session's county, an enterprise account through the
 * enterprises visited, an expert through the team. Every branch is a scopeCondition, so a branch that
 * does not apply to the actor's scope contributes `false`, never a leak.
 */
export function sessionScope(db: Db, actor: Actor): SQL {
  const byCounty = scopeCondition(actor, { county: serviceSessions.countyCode });
  const byEnterprise = exists(
    db
      .select({ one: sql`1` })
      .from(sessionEnterprises)
      .where(and(eq(sessionEnterprises.sessionId, serviceSessions.id), scopeCondition(actor, { enterprise: sessionEnterprises.enterpriseId }))),
  );
  const byTeam = exists(
    db
      .select({ one: sql`1` })
      .from(sessionExperts)
      .where(and(eq(sessionExperts.sessionId, serviceSessions.id), scopeCondition(actor, { expert: sessionExperts.expertId }))),
  );
  return or(byCounty, byEnterprise, byTeam) ?? sql`false`;
}
