import { rolePermissions, type SessionInfo } from "@jiangxin/domain";
import type { RegionDirectory } from "../regions/regionDirectory";
import type { Actor } from "../actor";
import { idleTimeoutMs } from "./sessions";

export function sessionInfoOf(actor: Actor, regions: RegionDirectory): SessionInfo {
  const regionCode = actor.scope.kind === "enterprise" || actor.scope.kind === "union" ? actor.scope.countyCode : actor.regionCode;
  const idleEnd = Math.min(actor.session.lastSeenAt.getTime() + idleTimeoutMs, actor.session.absoluteExpiresAt.getTime());
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      regionCode,
      regionName: regionCode ? (regions.get(regionCode)?.name ?? null) : null,
      enterpriseId: actor.enterpriseId,
      mustChangePassword: actor.mustChangePassword,
    },
    permissions: [...rolePermissions[actor.role]],
    csrfToken: actor.session.csrfToken,
    idleExpiresAt: new Date(idleEnd).toISOString(),
    absoluteExpiresAt: actor.session.absoluteExpiresAt.toISOString(),
  };
}
