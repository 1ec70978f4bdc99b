import { inArray, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import type { RegionDirectory } from "../../platform/regions/regionDirectory";
import { unions } from "./tables";

/**
 * Which unions the actor sees. Staff see the unions sitting in their region — its counties, and for a
 * city its own federation too (the parents above are shown by name only). A grassroots-union account
 * sees its union and those below it. Everyone else sees none.
 */
export function unionScope(actor: Actor): SQL {
  const s = actor.scope;
  if (s.kind === "all") return sql`true`;
  if (s.kind === "counties") {
    const codes = actor.regionCode ? [...new Set([actor.regionCode, ...s.codes])] : [];
    return s.codes.length > 0 ? inArray(unions.regionCode, codes) : sql`false`;
  }
  if (s.kind === "union") return s.unionIds.length > 0 ? inArray(unions.id, [...s.unionIds]) : sql`false`;
  return sql`false`;
}

/** Whether the actor may change this union (staff of its region, or the union account above it). */
export function mayWriteUnion(actor: Actor, regions: RegionDirectory, union: { id: string; regionCode: string }): boolean {
  const s = actor.scope;
  if (s.kind === "all") return true;
  if (s.kind === "counties") return Boolean(actor.regionCode) && s.codes.length > 0 && regions.isWithin(union.regionCode, actor.regionCode ?? "");
  if (s.kind === "union") return s.unionIds.includes(union.id);
  return false;
}
