import { programmeDescriptors } from "./programmes";
import type { Role } from "./roles";

/**
 * What the platform and the master data's routes may require. Each programme declares its own in
 * its descriptor (packages/domain/src/programmes/<id>/permissions.ts); the table below joins them.
 */
export const platformPermissions = [
  "session.self", // read or end one's own login session, change one's own password
  "region.read",
  "enterprise.read",
  "enterprise.detail", // one enterprise's page: staff and the firm by scope, an expert for the firms it serves
  "enterprise.write",
  "enterprise.readPersonal", // unmasked contact phone; every use is logged
  "audit.read",
  "expert.read",
  "expert.write",
  "expert.readPersonal",
  "expert.selfAvailability", // an expert pauses or resumes its own service (travel, illness); nothing else of its profile
  "person.read", // 职工: lists and details, ID and phone masked
  "person.write", // enter, edit and import people
  "person.readPersonal", // a person's full ID number or phone; every read is logged
  "membership.decide", // confirm or decline a request to join a union, end a membership
  "me.self", // a worker's own record, memberships and requests (我的)
  "member.read", // 会员: a member's status, history and 9+X ledger; the benefit items
  "member.write", // record a benefit by hand, move a member to a union in one's area
  "benefitItem.write", // add a local X item for one's region (staff)
  "data.import",
  "union.read", // 工会组织: the tree within one's region (staff) or below one's own union (a union account)
  "union.write", // add industry and grassroots unions, edit them and what they cover
  "union.coverage", // 建会率 by county, counted from records
  "inbox.read", // one's own to-dos and notifications (待办与消息)
  "outbox.drain", // claim outside messages and report them sent or failed (the integration account)
  "dashboard.read", // the 驾驶舱: every programme's figures against the targets, within the reader's region
  "target.read",
  "target.write", // set the targets of one's region's children (the province: any region's)
  "target.approve", // approve targets and choose which figures are published (the province)
  "attachment.use", // upload, list and open attachments; the record's own module decides which (docs/attachments.md)
] as const;

type ProgrammePermission = (typeof programmeDescriptors)[number]["permissions"][number];
export type Permission = (typeof platformPermissions)[number] | ProgrammePermission;
export type RoutePermission = Permission | "public";

/** Every permission, the platform's first, then each programme's in registry order. */
export const permissions: readonly Permission[] = [...platformPermissions, ...programmeDescriptors.flatMap((p) => p.permissions)];

const platformStaff: Permission[] = [
  "session.self", "inbox.read", "attachment.use", "region.read", "enterprise.read", "enterprise.detail", "enterprise.write", "enterprise.readPersonal",
  "expert.read", "expert.write", "expert.readPersonal", "data.import",
  "person.read", "person.write", "person.readPersonal", "membership.decide", "member.read", "member.write", "benefitItem.write",
  "union.read", "union.write", "union.coverage",
];

const platformGrants: Record<Role, readonly Permission[]> = {
  province: [...platformStaff, "audit.read", "dashboard.read", "target.read", "target.write", "target.approve"],
  city: [...platformStaff, "audit.read", "dashboard.read", "target.read", "target.write"],
  county: [...platformStaff, "dashboard.read", "target.read"],
  enterprise: ["session.self", "inbox.read", "attachment.use", "region.read", "enterprise.read", "enterprise.detail", "enterprise.readPersonal"],
  // enterprise.detail and .readPersonal reach only the firms the expert serves (masterData/enterprises/service.ts).
  expert: ["session.self", "inbox.read", "attachment.use", "region.read", "enterprise.detail", "enterprise.readPersonal", "expert.read", "expert.selfAvailability"],
  worker: ["session.self", "inbox.read", "attachment.use", "me.self", "region.read"],
  integration: ["outbox.drain"],
  union: ["session.self", "inbox.read", "attachment.use", "region.read", "union.read", "union.write", "data.import", "person.read", "person.write", "person.readPersonal", "membership.decide", "member.read", "member.write"],
};

function grantsOf(role: Role): readonly Permission[] {
  const fromProgrammes = programmeDescriptors.flatMap((p) => (p.grants as Partial<Record<Role, readonly Permission[]>>)[role] ?? []);
  return [...platformGrants[role], ...fromProgrammes];
}

/** Who holds what: the platform's grants joined with each programme's. The web menu reads it too. */
export const rolePermissions: Record<Role, readonly Permission[]> = Object.fromEntries(
  (Object.keys(platformGrants) as Role[]).map((role) => [role, grantsOf(role)]),
) as Record<Role, readonly Permission[]>;

export function roleHas(role: Role, permission: RoutePermission): boolean {
  return permission === "public" || rolePermissions[role].includes(permission);
}

/** The programme a permission belongs to, or undefined for the platform's own. */
export function programmeOfPermission(permission: Permission): string | undefined {
  return programmeDescriptors.find((p) => (p.permissions as readonly string[]).includes(permission))?.id;
}
