import type { Role } from "./roles";

/**
 * Everything a route may require. A route declares exactly one of these (or "public"), and the
 * role table below is the single place that says who holds it. The web menu reads the same table.
 */
export const permissions = [
  "session.self", // read or end one's own login session, change one's own password
  "region.read",
  "enterprise.read",
  "enterprise.write",
  "enterprise.readPersonal", // unmasked contact phone; every use is logged
  "audit.read",
  "expert.read",
  "expert.write",
  "expert.readPersonal",
  "expert.selfAvailability", // an expert pauses or resumes its own service (travel, illness); nothing else of its profile
  "demand.submit", // submit an enterprise's demand list (the enterprise itself, or its union)
  "problem.read",
  "problem.move", // which moves, for whom, is the transition table's business (problemLifecycle.ts)
  "problem.rate",
  "serviceSession.read",
  "serviceSession.write",
  "serviceSession.onSite", // add problems found on site and record progress during a visit
  "agreement.read",
  "agreement.write",
  "training.read",
  "training.write",
  "outcome.read",
  "outcome.write",
  "outcome.verify",
  "campaign.read",
  "campaign.write",
  "campaign.plan", // compute and accept an expert assignment plan (专家调度规划); staff only
  "indicators.read",
  "data.import",
] as const;
export type Permission = (typeof permissions)[number];
export type RoutePermission = Permission | "public";

const staffCommon: Permission[] = [
  "session.self", "region.read", "enterprise.read", "enterprise.write", "enterprise.readPersonal",
  "expert.read", "expert.write", "expert.readPersonal", "demand.submit", "problem.read", "problem.move",
  "serviceSession.read", "serviceSession.write", "serviceSession.onSite", "agreement.read", "agreement.write",
  "training.read", "training.write", "outcome.read", "outcome.write", "outcome.verify", "campaign.read", "campaign.plan", "indicators.read", "data.import",
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  province: [...staffCommon, "audit.read", "campaign.write"],
  city: [...staffCommon, "audit.read", "campaign.write"],
  county: staffCommon,
  enterprise: ["session.self", "region.read", "enterprise.read", "enterprise.readPersonal", "demand.submit", "problem.read", "problem.rate", "serviceSession.read", "agreement.read", "training.read", "outcome.read"],
  expert: ["session.self", "region.read", "expert.read", "expert.selfAvailability", "problem.read", "problem.move", "serviceSession.read", "serviceSession.onSite", "agreement.read", "training.read", "outcome.read", "outcome.write"],
  worker: ["session.self", "region.read"],
};

export function roleHas(role: Role, permission: RoutePermission): boolean {
  return permission === "public" || rolePermissions[role].includes(permission);
}
