import { benefitRefusals, type PersonCategory } from "@jiangxin/domain";
import { and, count, eq, sql } from "drizzle-orm";
import { writeAudit, type AuditActor } from "../../platform/audit/writeAudit";
import type { Db } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { people } from "../people";
import { membershipOf } from "./membership";
import { benefitItems, benefitLedger } from "./tables";

export type BenefitRefusal = keyof typeof benefitRefusals;

export type RecordBenefitInput = {
  personId: string;
  /** A benefit_items code: one of the nine (standardBenefitItemCodes) or a local X item. */
  itemCode: string;
  /** China date the member received it; its year is the year the limit counts in. */
  occurredOn: string;
  /** The giving programme's id (inclusive, recuperation, upskilling …). */
  programme: string;
  /**
   * The giver's own unique key for this event, e.g. `recuperation:place:<id>`: recording the same key
   * again returns the first row and changes nothing (retries, double clicks, replays).
   */
  sourceKey: string;
  amountCents?: number | null;
  note?: string | null;
  /** Who records it, for the audit row written in the same transaction. */
  actor: AuditActor;
};

export type RecordBenefitResult = { entryId: string; created: boolean };

/** Whether a region code (the province, a city or a county) contains a county, by GB/T 2260 prefixes. */
function regionContains(region: string, county: string): boolean {
  if (region === county || region === "330000") return true;
  return region.endsWith("00") && county.startsWith(region.slice(0, 4));
}

/**
 * Why the person may not receive the item on that date, or null when they may: a member by the status
 * rules, in the item's categories, a member long enough, in the local item's region, under the yearly
 * limit. Programmes call it to show the reason before a user commits (and recordBenefit calls it again).
 */
export async function benefitRefusal(db: Db, input: { personId: string; itemCode: string; occurredOn: string }): Promise<BenefitRefusal | null> {
  const [item] = await db.select().from(benefitItems).where(eq(benefitItems.code, input.itemCode));
  if (!item || !item.active) return "unknownItem";
  const membership = await membershipOf(db, input.personId, input.occurredOn);
  if (!membership?.isMember) return "notMember";
  const [person] = await db.select({ categories: people.categories }).from(people).where(eq(people.id, input.personId));
  const categories = (person?.categories ?? []);
  if (item.categories.length > 0 && !item.categories.some((c) => categories.includes(c as PersonCategory))) return "notEligible";
  if (item.minMemberDays > 0) {
    const days = (Date.parse(`${input.occurredOn}T00:00:00Z`) - Date.parse(`${membership.joinedOn}T00:00:00Z`)) / 86_400_000;
    if (days < item.minMemberDays) return "notEligible";
  }
  if (item.regionCode && !regionContains(item.regionCode, membership.countyCode)) return "notEligible";
  if (item.yearlyLimit !== null) {
    const year = Number(input.occurredOn.slice(0, 4));
    const [used] = await db
      .select({ n: count() })
      .from(benefitLedger)
      .where(and(eq(benefitLedger.personId, input.personId), eq(benefitLedger.itemCode, input.itemCode), eq(benefitLedger.year, year)));
    if ((used?.n ?? 0) >= item.yearlyLimit) return "overLimit";
  }
  return null;
}

/**
 * Records one benefit in the member's 9+X ledger, inside the caller's transaction (so the ledger row,
 * the programme's own change and the audit row commit or roll back together). Idempotent on
 * `sourceKey`: a second call with the same key returns `{ created: false }` and the first row.
 * Refused (AppError CONFLICT, message from benefitRefusals) when the person is not a member on that
 * date, not eligible, or over the item's yearly limit. A transaction-scoped advisory lock per person
 * and item makes two concurrent records of the same item count the limit one after the other.
 */
export async function recordBenefit(tx: Db, input: RecordBenefitInput): Promise<RecordBenefitResult> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`benefit:${input.personId}:${input.itemCode}`}))`);
  const [existing] = await tx.select({ id: benefitLedger.id }).from(benefitLedger).where(eq(benefitLedger.sourceKey, input.sourceKey));
  if (existing) return { entryId: existing.id, created: false };
  const refusal = await benefitRefusal(tx, input);
  if (refusal) throw new AppError("CONFLICT", benefitRefusals[refusal], { itemCode: benefitRefusals[refusal] });
  const membership = await membershipOf(tx, input.personId, input.occurredOn);
  const [row] = await tx
    .insert(benefitLedger)
    .values({
      personId: input.personId,
      itemCode: input.itemCode,
      year: Number(input.occurredOn.slice(0, 4)),
      occurredOn: input.occurredOn,
      countyCode: membership?.countyCode ?? "330000",
      unionId: membership?.unionId ?? null,
      programme: input.programme,
      sourceKey: input.sourceKey,
      amountCents: input.amountCents ?? null,
      note: input.note ?? null,
      recordedBy: input.actor.userId,
    })
    .onConflictDoNothing({ target: benefitLedger.sourceKey })
    .returning({ id: benefitLedger.id });
  if (!row) {
    // The same key from another connection (PostgreSQL) got in first: its row stands.
    const [first] = await tx.select({ id: benefitLedger.id }).from(benefitLedger).where(eq(benefitLedger.sourceKey, input.sourceKey));
    if (!first) throw new Error("ledger row vanished");
    return { entryId: first.id, created: false };
  }
  await writeAudit(tx, input.actor, {
    action: "benefit.record",
    objectType: "benefitLedger",
    objectId: row.id,
    detail: { personId: input.personId, itemCode: input.itemCode, programme: input.programme, sourceKey: input.sourceKey },
  });
  return { entryId: row.id, created: true };
}
