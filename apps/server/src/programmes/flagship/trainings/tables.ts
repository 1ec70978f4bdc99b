import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../platform/auth/tables";
import { agreements } from "../agreements/tables";
import { campaigns } from "../campaigns/tables";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { regions } from "../../../platform/regions/tables";
import { serviceSessions } from "../serviceSessions/tables";

/** 培训: `trainees` is person-times (人次), summed in the indicators. */
export const trainings = pgTable(
  "trainings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    date: date("date").notNull(),
    topic: text("topic").notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    enterpriseId: uuid("enterprise_id").references(() => enterprises.id),
    trainees: integer("trainees").notNull(),
    sessionId: uuid("session_id").references(() => serviceSessions.id),
    agreementId: uuid("agreement_id").references(() => agreements.id),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    /** Voided by staff with a reason: the row stays (history) and leaves every figure. */
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedReason: text("voided_reason"),
    voidedByName: text("voided_by_name"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("trainings_county_date_idx").on(t.countyCode, t.date),
    index("trainings_campaign_idx").on(t.campaignId),
    // A session's trainings: campaign figures and the statistics drill-down (docs/statistics.md).
    index("trainings_session_idx").on(t.sessionId),
    // Province-wide statistics of one year among many (docs/statistics.md).
    index("trainings_date_idx").on(t.date),
    // An enterprise's and an agreement's trainings (details, scope checks, campaign figures).
    index("trainings_enterprise_idx").on(t.enterpriseId),
    index("trainings_agreement_idx").on(t.agreementId),
  ],
);

export const trainingTrainers = pgTable(
  "training_trainers",
  {
    trainingId: uuid("training_id")
      .notNull()
      .references(() => trainings.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
  },
  (t) => [primaryKey({ columns: [t.trainingId, t.expertId] }), index("training_trainers_expert_idx").on(t.expertId)],
);
