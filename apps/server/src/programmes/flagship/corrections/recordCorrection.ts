import type { CorrectableObject, CorrectionChange, CorrectionEntry, Voided } from "@jiangxin/domain";
import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { Db } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import { recordCorrections } from "./tables";

type Values = Record<string, unknown>;

/**
 * The fields a correction changes, before → after, labelled as the page labels them. Fields not asked
 * to change, or asked to change to what they already are, are left out: the history says only what moved.
 */
export function changesOf(labels: Record<string, string>, before: Values, after: Values): CorrectionChange[] {
  const text = (v: unknown) => (typeof v === "string" ? (v === "" ? null : v) : typeof v === "number" ? String(v) : null);
  return Object.keys(labels)
    .filter((field) => after[field] !== undefined && text(after[field]) !== text(before[field]))
    .map((field) => ({ field, label: labels[field] ?? field, before: text(before[field]), after: text(after[field]) }));
}

/** Refused when nothing would change: a correction with no change would only clutter the history. */
export function requireSomeChange(changes: CorrectionChange[], field: string): void {
  if (changes.length === 0) throw new AppError("VALIDATION_FAILED", "没有需要更正的内容", { [field]: "与原记录相同，没有需要更正的内容" });
}

/**
 * One correction on record, in the transaction that makes it: the entry for the record's history and
 * the audit row with the fields before and after.
 */
export async function recordCorrection(
  tx: Db,
  actor: Actor,
  e: { objectType: CorrectableObject; objectId: string; kind: CorrectionEntry["kind"]; reason: string | null; changes: CorrectionChange[]; at: Date },
): Promise<void> {
  await tx.insert(recordCorrections).values({
    objectType: e.objectType,
    objectId: e.objectId,
    kind: e.kind,
    reason: e.reason,
    changes: e.changes,
    byUserId: actor.userId,
    byName: actor.displayName,
    at: e.at,
  });
  await writeAudit(tx, auditActorOf(actor), {
    action: `${e.objectType}.${e.kind}`,
    objectType: e.objectType,
    objectId: e.objectId,
    detail: { reason: e.reason },
    before: Object.fromEntries(e.changes.map((c) => [c.field, c.before])),
    after: Object.fromEntries(e.changes.map((c) => [c.field, c.after])),
  });
}

/** A record's corrections, oldest first (equal times in insert order would need a sequence; ids break ties stably). */
export async function listCorrections(db: Db, objectId: string): Promise<CorrectionEntry[]> {
  const rows = await db.select().from(recordCorrections).where(eq(recordCorrections.objectId, objectId)).orderBy(asc(recordCorrections.at), asc(recordCorrections.id));
  return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), kind: r.kind, reason: r.reason, byName: r.byName, changes: r.changes }));
}

/** The API's `voided` of a row with the three voided columns. */
export function voidedOf(r: { voidedAt: Date | null; voidedReason: string | null; voidedByName: string | null }): Voided | null {
  return r.voidedAt ? { at: r.voidedAt.toISOString(), reason: r.voidedReason ?? "", byName: r.voidedByName ?? "" } : null;
}

/** Writes to a voided record are refused: it is history now. */
export function requireNotVoided(r: { voidedAt: Date | null }, what: string): void {
  if (r.voidedAt) throw new AppError("CONFLICT", `该${what}已作废，不能再修改`);
}
