import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { AttachmentOwner } from "../../../platform/attachments";
import type { Db } from "../../../platform/db/database";
import { agreementScope } from "../agreements/queries";
import { agreements } from "../agreements/tables";
import { outcomes } from "../outcomes/tables";
import { problemScope } from "../problems/problemScope";
import { problems } from "../problems/tables";
import { sessionScope } from "../serviceSessions/sessionScope";
import { serviceSessions } from "../serviceSessions/tables";

/** A uuid the records' id columns can compare with; anything else is no record (and no SQL error). */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function anyRow(db: Db, query: (db: Db) => Promise<unknown[]>): Promise<boolean> {
  return (await query(db)).length > 0;
}

const problemVisible = (db: Db, actor: Actor, id: string) =>
  anyRow(db, (d) => d.select({ one: sql`1` }).from(problems).where(and(eq(problems.id, id), problemScope(actor))).limit(1));
const sessionVisible = (db: Db, actor: Actor, id: string) =>
  anyRow(db, (d) => d.select({ one: sql`1` }).from(serviceSessions).where(and(eq(serviceSessions.id, id), sessionScope(d, actor))).limit(1));
const agreementVisible = (db: Db, actor: Actor, id: string) =>
  anyRow(db, (d) => d.select({ one: sql`1` }).from(agreements).where(and(eq(agreements.id, id), agreementScope(d, actor))).limit(1));

/** An outcome is seen with what it is about: its problem or its agreement (as listOutcomes does). */
async function outcomeVisible(db: Db, actor: Actor, id: string): Promise<boolean> {
  const [row] = await db.select({ problemId: outcomes.problemId, agreementId: outcomes.agreementId }).from(outcomes).where(eq(outcomes.id, id));
  if (!row) return false;
  const checks: Promise<boolean>[] = [];
  if (row.problemId) checks.push(problemVisible(db, actor, row.problemId));
  if (row.agreementId) checks.push(agreementVisible(db, actor, row.agreementId));
  return (await Promise.all(checks)).some(Boolean);
}

/** Who adds evidence: everyone who works the record (staff, the enterprise, its experts), not a worker or a union. */
const works = (actor: Actor) => ["province", "city", "county", "enterprise", "expert"].includes(actor.role);

function owner(kind: string, label: string, visible: (db: Db, actor: Actor, id: string) => Promise<boolean>): AttachmentOwner {
  const canRead = (_ctx: unknown, db: Db, actor: Actor, id: string) => (uuidPattern.test(id) ? visible(db, actor, id) : Promise.resolve(false));
  return {
    kind,
    label,
    canRead,
    canAttach: async (ctx, db, actor, id) => works(actor) && (await canRead(ctx, db, actor, id)),
    // The uploader, or staff over the record (a wrong photo on a county's problem can be taken off by the county).
    canRemove: async (ctx, db, actor, id, uploadedBy) =>
      (uploadedBy === actor.userId || ["province", "city", "county"].includes(actor.role)) && works(actor) && (await canRead(ctx, db, actor, id)),
  };
}

/**
 * The flagship's records that carry photos and documents: a problem (photos of the fault, progress
 * photos), a 服务场次 (the on-site record: sign-in sheets, photos of the visit), an agreement (the
 * signed scan) and an outcome (its evidence). Each is seen by whoever sees the record itself.
 */
export const flagshipAttachmentOwners: AttachmentOwner[] = [
  owner("flagship.problem", "难题", problemVisible),
  owner("flagship.session", "服务场次", sessionVisible),
  owner("flagship.agreement", "协议", agreementVisible),
  owner("flagship.outcome", "成效", outcomeVisible),
];
