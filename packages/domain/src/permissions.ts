import type { Role } from "./roles";

/**
 * Everything a route may require. A route declares exactly one of these (or "public"), and the
 * role table below is the single place that says who holds it. The web menu reads the same table.
 */
export const permissions = [
  "session.self", // read or end one's own session, change one's own password
  "region.read",
  "enterprise.read",
  "enterprise.write",
  "enterprise.readPersonal", // unmasked contact phone; every use is logged
  "audit.read",
] as const;
export type Permission = (typeof permissions)[number];
export type RoutePermission = Permission | "public";

export const rolePermissions: Record<Role, readonly Permission[]> = {
  province: ["session.self", "region.read", "enterprise.read", "enterprise.write", "enterprise.readPersonal", "audit.read"],
  city: ["session.self", "region.read", "enterprise.read", "enterprise.write", "enterprise.readPersonal", "audit.read"],
  county: ["session.self", "region.read", "enterprise.read", "enterprise.write", "enterprise.readPersonal"],
  enterprise: ["session.self", "region.read", "enterprise.read", "enterprise.readPersonal"],
  expert: ["session.self", "region.read"],
  worker: ["session.self", "region.read"],
};

export function roleHas(role: Role, permission: RoutePermission): boolean {
  return permission === "public" || rolePermissions[role].includes(permission);
}
