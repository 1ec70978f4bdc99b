import { date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../platform/auth/tables";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { regions } from "../../../platform/regions/tables";
import { serviceSessions } from "../serviceSessions/tables";

/** 一对一技术支持协议. */
export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    title: text("title").notNull(),
    scopes: text("scopes").array().notNull(),
    signedOn: date("signed_on").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    status: text("status", { enum: ["active", "completed", "terminated"] }).notNull().default("active"),
    sessionId: uuid("session_id").references(() => serviceSessions.id),
    /** Voided by staff with a reason: the row stays (history) and leaves every figure. */
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedReason: text("voided_reason"),
    voidedByName: text("voided_by_name"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("agreements_county_idx").on(t.countyCode),
    index("agreements_enterprise_idx").on(t.enterpriseId),
    // Agreements signed on a session: campaign benefit goes through them (docs/statistics.md).
    index("agreements_session_idx").on(t.sessionId),
  ],
);

export const agreementExperts = pgTable(
  "agreement_experts",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
  },
  // An expert's agreements (the key leads with the agreement).
  (t) => [primaryKey({ columns: [t.agreementId, t.expertId] }), index("agreement_experts_expert_idx").on(t.expertId)],
);

export const agreementMilestones = pgTable(
  "agreement_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    title: text("title").notNull(),
    dueDate: date("due_date").notNull(),
    doneOn: date("done_on"),
  },
  (t) => [index("agreement_milestones_agreement_idx").on(t.agreementId)],
);

export const agreementCheckIns = pgTable(
  "agreement_check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    date: date("date").notNull(),
    note: text("note").notNull(),
    byUserId: uuid("by_user_id").references(() => users.id),
    byName: text("by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_check_ins_agreement_idx").on(t.agreementId)],
);
