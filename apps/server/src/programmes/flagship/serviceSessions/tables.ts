import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../platform/auth/tables";
import { campaigns } from "../campaigns/tables";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { regions } from "../../../platform/regions/tables";

/** 服务场次: counted once each in the indicators. */
export const serviceSessions = pgTable(
  "service_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    date: date("date").notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    title: text("title").notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    note: text("note"),
    /** Voided by staff with a reason: the row stays (history) and leaves every figure. */
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedReason: text("voided_reason"),
    voidedByName: text("voided_by_name"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("service_sessions_county_date_idx").on(t.countyCode, t.date),
    index("service_sessions_campaign_idx").on(t.campaignId),
    // Province-wide statistics of one year among many (docs/statistics.md).
    index("service_sessions_date_idx").on(t.date),
  ],
);

export const sessionEnterprises = pgTable(
  "session_enterprises",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => serviceSessions.id),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.enterpriseId] }), index("session_enterprises_enterprise_idx").on(t.enterpriseId)],
);

/** One row per expert per session: the primary key makes "once per session" a fact, not a rule. */
export const sessionExperts = pgTable(
  "session_experts",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => serviceSessions.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    leader: boolean("leader").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.expertId] }), index("session_experts_expert_idx").on(t.expertId)],
);
