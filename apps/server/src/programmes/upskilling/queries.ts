import { applicationStatusLabels, certificateLevelLabel, skillLevelLabels, type UpskillingApplication } from "@jiangxin/domain";
import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { scopeCondition } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/database";
import type { RegionDirectory } from "../../platform/regions/regionDirectory";
import { unions } from "../../masterData/unions";
import { upskillingApplications, upskillingPaymentBatches, upskillingReviews } from "./tables";

export type ApplicationRow = typeof upskillingApplications.$inferSelect;

export const applicationNumber = (year: number, seq: number) => `SQ${year}-${String(seq).padStart(6, "0")}`;
export const batchNumber = (year: number, seq: number) => `PC${year}-${String(seq).padStart(4, "0")}`;

/**
 * Which applications a reader sees: staff those of people working in their counties, a grassroots
 * union account those made through its union or a union below it. Workers read their own through /my.
 */
export function applicationScope(actor: Actor): SQL {
  const s = actor.scope;
  if (s.kind === "union") return s.unionIds.length > 0 ? inArray(upskillingApplications.unionId, [...s.unionIds]) : sql`false`;
  return scopeCondition(actor, { county: upskillingApplications.countyCode });
}

/** Rows → what the API answers, with review steps, the batch number and names (one query each). */
export async function toApplications(db: Db, regions: RegionDirectory, rows: ApplicationRow[]): Promise<UpskillingApplication[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [reviews, unionNames, batches] = await Promise.all([
    db.select().from(upskillingReviews).where(inArray(upskillingReviews.applicationId, ids)).orderBy(asc(upskillingReviews.at)),
    db.select({ id: unions.id, name: unions.name }).from(unions).where(inArray(unions.id, [...new Set(rows.map((r) => r.unionId))])),
    db
      .select({ id: upskillingPaymentBatches.id, year: upskillingPaymentBatches.year, seq: upskillingPaymentBatches.seq })
      .from(upskillingPaymentBatches)
      .where(inArray(upskillingPaymentBatches.id, [...new Set(rows.flatMap((r) => (r.batchId ? [r.batchId] : [])))].concat(["00000000-0000-0000-0000-000000000000"]))),
  ]);
  const unionName = new Map(unionNames.map((u) => [u.id, u.name]));
  const batch = new Map(batches.map((b) => [b.id, batchNumber(b.year, b.seq)]));
  return rows.map((r) => ({
    id: r.id,
    number: applicationNumber(r.year, r.seq),
    year: r.year,
    personId: r.personId,
    personName: r.personName,
    residentIdMasked: r.residentIdMasked,
    countyCode: r.countyCode,
    countyName: regions.get(r.countyCode)?.name ?? r.countyCode,
    cityCode: r.cityCode,
    cityName: regions.get(r.cityCode)?.name ?? r.cityCode,
    unionName: unionName.get(r.unionId) ?? "",
    kind: r.kind,
    level: r.level,
    levelLabel: certificateLevelLabel(r.kind, r.level, skillLevelLabels),
    certificateNumber: r.certificateNumber,
    issuedOn: r.issuedOn,
    priority: r.priority,
    priorityGroups: r.priorityGroups,
    bankName: r.bankName,
    bankAccountMasked: r.bankAccountMasked,
    amountYuan: r.amountYuan,
    status: r.status,
    statusLabel: applicationStatusLabels[r.status],
    stage: r.stage,
    reason: r.reason,
    batchNumber: r.batchId ? (batch.get(r.batchId) ?? null) : null,
    submittedAt: r.submittedAt.toISOString(),
    paidOn: r.paidAt ? r.paidAt.toISOString() : null,
    reviews: reviews
      .filter((v) => v.applicationId === r.id)
      .map((v) => ({ stage: v.stage, decision: v.decision, reason: v.reason, reviewerName: v.reviewerName, at: v.at.toISOString() })),
  }));
}

export async function findApplication(db: Db, id: string, scope: SQL): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(upskillingApplications).where(sql`${eq(upskillingApplications.id, id)} and ${scope}`);
  return row;
}

/** "6222021234567890123" → "6222 **** **** 0123": the bank's prefix and the last four stay visible, the length does not. */
export function maskBankAccount(account: string): string {
  return `${account.slice(0, 4)} **** **** ${account.slice(-4)}`;
}
