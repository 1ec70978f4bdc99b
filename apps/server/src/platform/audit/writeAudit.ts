import type { Db } from "../db/database";
import { auditLog } from "./tables";

/** Who did something, as the audit trail records it. */
export type AuditActor = {
  userId: string | null;
  username: string | null;
  role: string | null;
  regionCode: string | null;
  ip: string | null;
};

/** The audit identity of a logged-in actor. */
export function auditActorOf(actor: { userId: string; username: string; role: string; regionCode: string | null; ip: string }): AuditActor {
  return { userId: actor.userId, username: actor.username, role: actor.role, regionCode: actor.regionCode, ip: actor.ip };
}

export type AuditEvent = {
  action: string;
  objectType?: string;
  objectId?: string;
  result?: "success" | "failure";
  detail?: Record<string, unknown>;
  /** A correction's fields as they were and as they became: kept in the detail as `before` and `after`. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
};

/** Pass the transaction that makes the change, so the row and the change commit or roll back together. */
export async function writeAudit(tx: Db, actor: AuditActor, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    regionCode: actor.regionCode,
    ip: actor.ip,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId ?? null,
    result: event.result ?? "success",
    detail: event.before || event.after ? { ...event.detail, before: event.before ?? null, after: event.after ?? null } : (event.detail ?? null),
  });
}
