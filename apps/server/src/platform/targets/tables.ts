import { boolean, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/tables";
import { regions } from "../regions/tables";

/**
 * Annual targets (年度目标): one row per programme indicator × year × region (province, city or
 * county). Indicator keys are the programmes' descriptor keys, which never change; a key no registered
 * programme declares any more is simply not shown.
 */
export const targets = pgTable(
  "targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorKey: text("indicator_key").notNull(),
    year: integer("year").notNull(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    value: doublePrecision("value").notNull(),
    /** Cumulative values expected by the end of Q1, Q2, Q3; null when not set. */
    q1: doublePrecision("q1"),
    q2: doublePrecision("q2"),
    q3: doublePrecision("q3"),
    status: text("status", { enum: ["draft", "approved"] }).notNull().default("draft"),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
  },
  (t) => [unique("targets_key_year_region_uq").on(t.indicatorKey, t.year, t.regionCode), index("targets_year_idx").on(t.year), index("targets_region_idx").on(t.regionCode)],
);

/** Which figures the province publishes for a year (the public 数据公开 page); absent = not published. */
export const indicatorPublications = pgTable(
  "indicator_publications",
  {
    indicatorKey: text("indicator_key").notNull(),
    year: integer("year").notNull(),
    published: boolean("published").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorKey, t.year] })],
);
