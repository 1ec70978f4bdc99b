import type { Amenity } from "@jiangxin/domain";
import { amenityKeys, hostKinds, occupations, reportKinds, reportOutcomes, stationStatuses } from "@jiangxin/domain";
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { regions } from "../../platform/regions/tables";
import { unions } from "../../masterData/unions/tables";

/**
 * 户外劳动者服务站. The public finder serves these from memory (stationIndex.ts), so reads by the public
 * never reach this table; staff edits reach it and refresh the index.
 */
export const stations = pgTable(
  "stations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    hostKind: text("host_kind", { enum: hostKinds }).notNull(),
    hostOrg: text("host_org").notNull(),
    address: text("address").notNull(),
    lng: doublePrecision("lng").notNull(),
    lat: doublePrecision("lat").notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    /** The union responsible for it (usually the county federation); reports go to that county's staff. */
    unionId: uuid("union_id")
      .notNull()
      .references(() => unions.id),
    managerName: text("manager_name").notNull(),
    managerPhoneEnc: text("manager_phone_enc").notNull(),
    managerPhoneMasked: text("manager_phone_masked").notNull(),
    status: text("status", { enum: stationStatuses }).notNull().default("open"),
    closedUntil: date("closed_until"),
    removedReason: text("removed_reason"),
    /** Current amenities with their last check (what the station page shows); station_checks keeps the history the rule counts by. */
    amenities: jsonb("amenities").$type<Amenity[]>().notNull().default([]),
    localItems: text("local_items").array().notNull().default([]),
    openingHours: text("opening_hours").notNull().default(""),
    is24h: boolean("is_24h").notNull().default(false),
    hoursVerifiedAt: timestamp("hours_verified_at", { withTimezone: true }),
    upgradeClaimedYear: integer("upgrade_claimed_year"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stations_county_idx").on(t.countyCode), index("stations_union_idx").on(t.unionId), index("stations_claimed_idx").on(t.upgradeClaimedYear)],
);

/**
 * Each on-site check: which amenities were confirmed present. The upgrade rule asks what was confirmed
 * within 90 days before an instant, so a later check never rewrites a closed year's count.
 */
export const stationChecks = pgTable(
  "station_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stationId: uuid("station_id")
      .notNull()
      .references(() => stations.id),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
    checkedBy: uuid("checked_by").references(() => users.id),
    amenities: text("amenities", { enum: amenityKeys }).array().notNull(),
  },
  (t) => [index("station_checks_station_idx").on(t.stationId, t.checkedAt), index("station_checks_by_idx").on(t.checkedBy)],
);

/**
 * The station's opening hours through time: a row each time a save changes the hours (or the 24 h flag
 * they give) or ticks 核实开放时间. `verified` says the hours in force from `recordedAt` had been confirmed on
 * site (and not changed since): the upgrade count's 24 h figure reads the row in force at its counting
 * instant, so re-posting a station's hours never rewrites a closed year's 24 h figure.
 */
export const stationHoursHistory = pgTable(
  "station_hours_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stationId: uuid("station_id")
      .notNull()
      .references(() => stations.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    openingHours: text("opening_hours").notNull(),
    is24h: boolean("is_24h").notNull(),
    verified: boolean("verified").notNull(),
  },
  (t) => [index("station_hours_history_station_idx").on(t.stationId, t.recordedAt)],
);

/** A worker's report; the reporter holds the receipt code (no login), the county answers it. */
export const stationReports = pgTable(
  "station_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    receiptCode: text("receipt_code").notNull().unique(),
    stationId: uuid("station_id")
      .notNull()
      .references(() => stations.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    kind: text("kind", { enum: reportKinds }).notNull(),
    amenity: text("amenity", { enum: amenityKeys }),
    note: text("note").notNull().default(""),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull(),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull(),
    dueDate: date("due_date").notNull(),
    outcome: text("outcome", { enum: reportOutcomes }),
    answer: text("answer"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: uuid("answered_by").references(() => users.id),
  },
  (t) => [
    index("station_reports_station_idx").on(t.stationId, t.reportedAt),
    index("station_reports_county_idx").on(t.countyCode, t.reportedAt),
    index("station_reports_by_idx").on(t.answeredBy),
  ],
);

/** QR check-ins, counted per station, day, hour and occupation: no person, no device, no address kept. */
export const stationVisits = pgTable(
  "station_visits",
  {
    stationId: uuid("station_id")
      .notNull()
      .references(() => stations.id),
    day: date("day").notNull(),
    hour: smallint("hour").notNull(),
    occupation: text("occupation", { enum: occupations }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.day, t.hour, t.occupation] }), index("station_visits_day_idx").on(t.day)],
);
