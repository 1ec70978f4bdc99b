import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { people } from "../../masterData/people/tables";
import { unions } from "../../masterData/unions/tables";
import { regions } from "../../platform/regions/tables";

/** 合作食堂 / 职工驿站: where vouchers are redeemed, run by a union (its account scans). */
export const redemptionPoints = pgTable(
  "inclusive_redemption_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["canteen", "station"] }).notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    unionId: uuid("union_id")
      .notNull()
      .references(() => unions.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("inclusive_points_county_idx").on(t.countyCode), index("inclusive_points_union_idx").on(t.unionId)],
);

/**
 * 爱心午餐券: issued to a member, redeemed once. Redeeming is one conditional UPDATE (`redeemed_at is
 * null`), so of two racing scans exactly one changes the row; the other finds it used.
 */
export const mealVouchers = pgTable(
  "inclusive_meal_vouchers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    /** The union that issued it (its members' vouchers; counted by it). */
    unionId: uuid("union_id").references(() => unions.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    issuedOn: date("issued_on").notNull(),
    validUntil: date("valid_until").notNull(),
    valueCents: integer("value_cents").notNull(),
    issuedBy: uuid("issued_by"),
    redeemedAt: timestamp("redeemed_at", { withTimezone: true }),
    /** China date of the redemption, for the per-day counts. */
    redeemedOn: date("redeemed_on"),
    pointId: uuid("point_id").references(() => redemptionPoints.id),
    redeemedBy: uuid("redeemed_by"),
  },
  (t) => [
    uniqueIndex("inclusive_vouchers_code_uq").on(t.code),
    index("inclusive_vouchers_person_idx").on(t.personId),
    index("inclusive_vouchers_union_idx").on(t.unionId),
    index("inclusive_vouchers_county_idx").on(t.countyCode, t.redeemedOn),
    index("inclusive_vouchers_point_idx").on(t.pointId, t.redeemedOn),
  ],
);
