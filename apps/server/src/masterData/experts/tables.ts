import type { Honour } from "@jiangxin/domain";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { regions } from "../../platform/regions/tables";

/** 劳模工匠库: the provincial pool. Every staff member may see the pool; personal data is scoped. */
export const experts = pgTable(
  "experts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    residentIdEnc: text("resident_id_enc"),
    residentIdMasked: text("resident_id_masked"),
    phoneEnc: text("phone_enc").notNull(),
    phoneMasked: text("phone_masked").notNull(),
    employer: text("employer").notNull(),
    homeCountyCode: text("home_county_code")
      .notNull()
      .references(() => regions.code),
    skillLevel: text("skill_level").notNull(),
    trades: text("trades").array().notNull(),
    /** Validated by honourSchema on the way in; shown whole, never queried by part. */
    honours: jsonb("honours").$type<Honour[]>().notNull().default([]),
    availability: text("availability", { enum: ["available", "busy", "unavailable"] }).notNull().default("available"),
    maxOpenProblems: integer("max_open_problems").notNull().default(3),
    active: boolean("active").notNull().default(true),
    userId: uuid("user_id")
      .unique()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("experts_home_county_idx").on(t.homeCountyCode), index("experts_trades_idx").using("gin", t.trades)],
);
