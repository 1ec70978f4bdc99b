import { findTransition, roleHas, type Permission, type Role, type RoutePermission } from "@jiangxin/domain";
import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { RegionDirectory } from "./regions/regionDirectory";
import type { Actor, Scope } from "./actor";
import { AppError } from "./errors";

/**
 * The one place that answers "may this actor do this" and "which rows may it see". Routes declare a
 * permission; the auth hook calls `authorize`; queries call `scopeCondition`. Nothing else checks roles.
 */

export function authorize(actor: Actor, permission: RoutePermission): void {
  if (!roleHas(actor.role, permission)) throw new AppError("FORBIDDEN", "当前账号无权进行此操作");
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return roleHas(actor.role, permission);
}

/**
 * Whether the actor may choose who serves a problem (its owner, its 协助专家): the roles of the
 * lifecycle's 指派专家 move, i.e. staff. Experts hold problem.move for their own work, not this.
 */
export function mayAssignExperts(actor: Actor): boolean {
  const assign = findTransition("accepted", "matched");
  return hasPermission(actor, "problem.move") && Boolean(assign?.roles.includes(actor.role));
}

/**
 * The expert profile that is the actor's own ("me" in /api/experts/me/…): the one linked to an
 * expert login, and nobody else's. null for every other role and for an expert login without a profile.
 */
export function ownExpertId(actor: Actor): string | null {
  return actor.role === "expert" && actor.scope.kind === "self" ? actor.expertId : null;
}

export function scopeFor(
  user: { role: Role; regionCode: string | null; enterpriseId: string | null },
  enterpriseCounty: string | null,
  regions: RegionDirectory,
  /** A union account's union, the unions below it and its county (resolved by the caller). */
  union: { unionId: string; unionIds: readonly string[]; countyCode: string } | null = null,
): Scope {
  switch (user.role) {
    case "province":
      return { kind: "all" };
    case "city":
    case "county":
      // A staff account without a region sees nothing rather than everything.
      return { kind: "counties", codes: user.regionCode ? regions.countiesUnder(user.regionCode) : [] };
    case "enterprise":
      return user.enterpriseId && enterpriseCounty
        ? { kind: "enterprise", enterpriseId: user.enterpriseId, countyCode: enterpriseCounty }
        : { kind: "self" };
    case "expert":
    case "worker":
    case "integration": // reaches no records, only the outbox
      return { kind: "self" };
    case "union":
      // Bound to no union (or a deleted one): nothing, rather than everything.
      return union ? { kind: "union", ...union } : { kind: "self" };
  }
}

/** Whether the actor's scope covers records located in this county-level unit. */
export function coversCounty(actor: Actor, countyCode: string): boolean {
  const s = actor.scope;
  if (s.kind === "all") return true;
  if (s.kind === "counties") return s.codes.includes(countyCode);
  return false;
}

/** The county-level units the actor may see, or "all". */
export function visibleCounties(actor: Actor): readonly string[] | "all" {
  const s = actor.scope;
  if (s.kind === "all") return "all";
  if (s.kind === "counties") return s.codes;
  if (s.kind === "enterprise") return [s.countyCode];
  return [];
}

/**
 * A WHERE condition limiting a query to the actor's scope. Pass the columns the table has: a
 * county column for regional scoping, an enterprise column for enterprise accounts, an expert column
 * for the expert role's own records (problems it owns), and `expertAlso`: a further condition under which
 * an expert reaches the record (a problem's 协助专家, which only the flagship knows how to test). A scope
 * the table cannot express yields `false`, so a forgotten column hides rows rather than leaking them.
 */
export function scopeCondition(
  actor: Actor,
  cols: { county?: PgColumn; enterprise?: PgColumn; expert?: PgColumn; expertAlso?: (expertId: string) => SQL },
): SQL {
  const s = actor.scope;
  if (s.kind === "all") return sql`true`;
  if (s.kind === "counties") return cols.county && s.codes.length > 0 ? inArray(cols.county, [...s.codes]) : sql`false`;
  if (s.kind === "enterprise") return cols.enterprise ? eq(cols.enterprise, s.enterpriseId) : sql`false`;
  // An expert reaches the records it is named on (the problems it owns or serves on), nothing regional.
  if (s.kind === "self" && actor.role === "expert" && actor.expertId && cols.expert) {
    const owns = eq(cols.expert, actor.expertId);
    if (!cols.expertAlso) return owns;
    return or(owns, cols.expertAlso(actor.expertId)) ?? owns;
  }
  // A record with no expert column of its own (an enterprise's detail) that an expert reaches through its work.
  if (s.kind === "self" && actor.role === "expert" && actor.expertId && cols.expertAlso) return cols.expertAlso(actor.expertId);
  return sql`false`;
}

/**
 * Whether a region-owned thing (a campaign set up by a city, say) concerns the actor: it does when it
 * belongs to the actor's own region, a region above it, or a region below it. A county sees the
 * province's and its city's campaigns; a city sees its counties' too; a sibling county sees neither.
 */
export function concernsActor(actor: Actor, ownerRegionCode: string, regions: RegionDirectory): boolean {
  if (actor.scope.kind === "all") return true;
  if (!actor.regionCode) return false;
  return regions.isWithin(actor.regionCode, ownerRegionCode) || regions.isWithin(ownerRegionCode, actor.regionCode);
}

/**
 * A WHERE condition for the provincial expert pool (劳模工匠库). Experts travel across counties, so
 * every staff scope sees the whole pool; an expert sees only its own profile; anyone else nothing.
 * Personal data in the pool stays scoped: full reads go through `coversCounty` on the home county.
 */
export function expertPoolCondition(actor: Actor, cols: { expertId: PgColumn }): SQL {
  const s = actor.scope;
  if (s.kind === "all") return sql`true`;
  // Like scopeCondition, a staff account with no region sees nothing rather than everything.
  if (s.kind === "counties") return s.codes.length > 0 ? sql`true` : sql`false`;
  if (s.kind === "self" && actor.expertId) return eq(cols.expertId, actor.expertId);
  return sql`false`;
}
