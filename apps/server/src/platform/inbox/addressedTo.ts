import type { Role } from "@jiangxin/domain";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../actor";
import { todos } from "./tables";

/**
 * Whom a to-do is for: a role in a region (county staff of 330127), a union, an enterprise, or one user.
 * A role-and-region address reaches the accounts of exactly that role bound to exactly that region: a
 * city account does not see its counties' to-dos (they are the counties' work; a city follows them on
 * its lists and the overdue page), and a county sees only its own.
 */
export type TodoAddressee = { role: Role; regionCode: string } | { unionId: string } | { enterpriseId: string } | { userId: string };

/** The columns a to-do row stores for an addressee. */
export function addresseeColumns(to: TodoAddressee) {
  const none = { role: null, regionCode: null, unionId: null, enterpriseId: null, userId: null };
  if ("role" in to) return { ...none, addressee: "role" as const, role: to.role, regionCode: to.regionCode };
  if ("unionId" in to) return { ...none, addressee: "union" as const, unionId: to.unionId };
  if ("enterpriseId" in to) return { ...none, addressee: "enterprise" as const, enterpriseId: to.enterpriseId };
  return { ...none, addressee: "user" as const, userId: to.userId };
}

/**
 * The to-dos addressed to this reader: to its role in its region, to its union (a grassroots-union
 * account's own union, not the unions below it: those have accounts of their own), to its enterprise,
 * to itself.
 */
export function addressedTo(actor: Actor & { unionId?: string | null }): SQL {
  const mine: SQL[] = [and(eq(todos.addressee, "user"), eq(todos.userId, actor.userId)) ?? sql`false`];
  if (actor.regionCode) mine.push(and(eq(todos.addressee, "role"), eq(todos.role, actor.role), eq(todos.regionCode, actor.regionCode)) ?? sql`false`);
  if (actor.role === "enterprise" && actor.enterpriseId) mine.push(and(eq(todos.addressee, "enterprise"), eq(todos.enterpriseId, actor.enterpriseId)) ?? sql`false`);
  // A union account's union is its scope's (the Actor has no unionId field of its own).
  const unionId = actor.scope.kind === "union" ? actor.scope.unionId : actor.unionId;
  if (unionId) mine.push(and(eq(todos.addressee, "union"), eq(todos.unionId, unionId)) ?? sql`false`);
  return or(...mine) ?? sql`false`;
}
