import { applicationStatuses, certificateKinds, reviewStages } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { people } from "../../masterData/people/tables";
import { unions } from "../../masterData/unions/tables";
import { regions } from "../../platform/regions/tables";

/**
 * 双提升 applications. Who applied is a person of master data; the name and masked ID are copied at
 * submission so review lists and bank files need no join into another module. The bank account is
 * AES-GCM ciphertext with a masked copy beside it, like a phone; only the bank file decrypts it.
 */
export const upskillingApplications = pgTable(
  "upskilling_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** For the application number (SQ2026-000123): readable on the phone and in the bank file. */
    seq: serial("seq").notNull(),
    year: integer("year").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    /** The worker account that applied (its inbox hears the decisions). */
    applicantUserId: uuid("applicant_user_id"),
    personName: text("person_name").notNull(),
    residentIdMasked: text("resident_id_masked").notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    cityCode: text("city_code").notNull(),
    /** The grassroots union of the membership at submission: the first step of the review. */
    unionId: uuid("union_id")
      .notNull()
      .references(() => unions.id),
    priority: boolean("priority").notNull(),
    priorityGroups: text("priority_groups").array().notNull().default(sql`'{}'::text[]`),
    kind: text("kind", { enum: certificateKinds }).notNull(),
    level: text("level").notNull(),
    certificateNumber: text("certificate_number").notNull(),
    issuedOn: date("issued_on").notNull(),
    hasLabourContract: boolean("has_labour_contract").notNull(),
    bankName: text("bank_name").notNull(),
    bankAccountEnc: text("bank_account_enc").notNull(),
    bankAccountMasked: text("bank_account_masked").notNull(),
    amountYuan: integer("amount_yuan").notNull(),
    status: text("status", { enum: applicationStatuses }).notNull(),
    /** The step a pending application waits at; null once decided. */
    stage: text("stage", { enum: reviewStages }),
    /** Why it was rejected, or why the last payment failed: the applicant reads it. */
    reason: text("reason"),
    /** The payment batch it is in now (cleared when a failed payment's card is fixed). */
    batchId: uuid("batch_id").references(() => upskillingPaymentBatches.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("upskilling_applications_seq_uq").on(t.seq),
    // One standing application per certificate: the same certificate cannot be funded twice, even by two racing submissions.
    uniqueIndex("upskilling_applications_certificate_uq").on(t.kind, t.certificateNumber).where(sql`status <> 'rejected'`),
    index("upskilling_applications_person_idx").on(t.personId),
    index("upskilling_applications_county_year_idx").on(t.countyCode, t.year, t.status),
    index("upskilling_applications_union_idx").on(t.unionId),
    index("upskilling_applications_batch_idx").on(t.batchId),
  ],
);

/** Every review step, in order: who decided at which step, and why when rejected. */
export const upskillingReviews = pgTable(
  "upskilling_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => upskillingApplications.id),
    stage: text("stage", { enum: reviewStages }).notNull(),
    decision: text("decision", { enum: ["approve", "reject"] }).notNull(),
    reason: text("reason"),
    reviewerUserId: uuid("reviewer_user_id").notNull(),
    reviewerName: text("reviewer_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("upskilling_reviews_application_idx").on(t.applicationId)],
);

/** A payment batch: the approved applications of one city sent to the bank in one file. */
export const upskillingPaymentBatches = pgTable("upskilling_payment_batches", {
  id: uuid("id").primaryKey().defaultRandom(),
  seq: serial("seq").notNull().unique("upskilling_payment_batches_seq_uq"),
  year: integer("year").notNull(),
  cityCode: text("city_code").notNull(),
  createdByUserId: uuid("created_by_user_id").notNull(),
  createdByName: text("created_by_name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One application in one batch, with the bank's answer; an application fixed after a failure joins a later batch. */
export const upskillingBatchItems = pgTable(
  "upskilling_batch_items",
  {
    batchId: uuid("batch_id")
      .notNull()
      .references(() => upskillingPaymentBatches.id),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => upskillingApplications.id),
    amountYuan: integer("amount_yuan").notNull(),
    result: text("result", { enum: ["open", "paid", "failed"] }).notNull().default("open"),
    reason: text("reason"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("upskilling_batch_items_pk").on(t.batchId, t.applicationId), index("upskilling_batch_items_application_idx").on(t.applicationId)],
);
