import { currentMembershipStatuses } from "@jiangxin/domain";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { coversCounty, scopeCondition } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { users } from "../../platform/auth/tables";
import { people, unionMemberships } from "./tables";

/**
 * Which people an actor may see. Staff: people working in their counties. A grassroots-union account:
 * its members and those asking to join (a current membership in its union or one below it). A worker:
 * itself (the person its account is bound to). Anyone else: nobody.
 */
export function personScope(actor: Actor): SQL {
  const s = actor.scope;
  if (s.kind === "union") {
    if (s.unionIds.length === 0) return sql`false`;
    // "people"."id" spelled out: drizzle leaves a single-table select's columns unqualified, and inside
    // the subquery a bare "id" would bind to the membership row.
    const member = sql`exists (select 1 from ${unionMemberships} m where m.person_id = "people"."id"
      and m.union_id in (${sql.join(s.unionIds.map((id) => sql`${id}::uuid`), sql`, `)})
      and m.status in (${sql.join(currentMembershipStatuses.map((st) => sql`${st}`), sql`, `)}))`;
    return member;
  }
  if (s.kind === "self") {
    if (actor.role !== "worker") return sql`false`;
    return sql`${people.id} = (select ${users.personId} from ${users} where ${users.id} = ${actor.userId})`;
  }
  return scopeCondition(actor, { county: people.countyCode });
}

/**
 * Whether the actor may enter people in this county, read their full ID numbers and decide their
 * memberships: staff whose region covers it; a union account for its own county (its members only,
 * which personScope already ensures).
 */
export function mayManageInCounty(actor: Actor, countyCode: string): boolean {
  const s = actor.scope;
  if (s.kind === "union") return s.countyCode === countyCode;
  return coversCounty(actor, countyCode);
}

/** Memberships a union account may decide: those of its union or a union below it. */
export function unionScopeCondition(actor: Actor): SQL | undefined {
  const s = actor.scope;
  if (s.kind !== "union") return undefined;
  return s.unionIds.length > 0 ? inArray(unionMemberships.unionId, [...s.unionIds]) : sql`false`;
}

/** A person's current (pending or active) membership row. */
export const currentMembershipOf = (personId: string) =>
  and(eq(unionMemberships.personId, personId), inArray(unionMemberships.status, [...currentMembershipStatuses]));
