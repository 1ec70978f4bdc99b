import { recuperationChannels, recuperationOfferSources, recuperationOfferStatuses, recuperationRoundStatuses } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { regions } from "../../platform/regions/tables";
import { people } from "../../masterData/people/tables";
import { unions } from "../../masterData/unions/tables";

/** 疗休养基地, certified by the province for a period. */
export const recuperationBases = pgTable(
  "recuperation_bases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    kind: text("kind").notNull(),
    /** Beds: people at once. */
    capacity: integer("capacity").notNull(),
    /** Yuan per person per day, at most the province's standard. */
    pricePerDay: integer("price_per_day").notNull(),
    certifiedFrom: date("certified_from").notNull(),
    certifiedUntil: date("certified_until").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("recuperation_bases_code_uq").on(t.code), index("recuperation_bases_county_idx").on(t.countyCode)],
);

/** 线路: a route over one or more bases, with days and a theme. */
export const recuperationRoutes = pgTable("recuperation_routes", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  theme: text("theme").notNull(),
  days: integer("days").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const recuperationRouteBases = pgTable(
  "recuperation_route_bases",
  {
    routeId: uuid("route_id")
      .notNull()
      .references(() => recuperationRoutes.id, { onDelete: "cascade" }),
    baseId: uuid("base_id")
      .notNull()
      .references(() => recuperationBases.id),
    /** Days spent at this base on the route. */
    days: integer("days").notNull(),
    position: smallint("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.routeId, t.position] }), index("recuperation_route_bases_base_idx").on(t.baseId)],
);

/** 期次: one departure of a route, with dates and places. `code` is the session id of the auditors' files. */
export const recuperationSessions = pgTable(
  "recuperation_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    routeId: uuid("route_id")
      .notNull()
      .references(() => recuperationRoutes.id),
    year: integer("year").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    capacity: integer("capacity").notNull(),
  },
  (t) => [uniqueIndex("recuperation_sessions_code_uq").on(t.code), index("recuperation_sessions_route_idx").on(t.routeId), index("recuperation_sessions_year_idx").on(t.year, t.startsOn)],
);

/** Places per union for a year (the province to cities and counties to grassroots unions). */
export const recuperationQuotas = pgTable(
  "recuperation_quotas",
  {
    year: integer("year").notNull(),
    unionId: uuid("union_id")
      .notNull()
      .references(() => unions.id),
    quota: integer("quota").notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unionId] }), index("recuperation_quotas_union_idx").on(t.unionId)],
);

/** Priority groups as ordered data: rank 1 is drawn first; `category` matches people's categories (null: everyone else). */
export const recuperationGroups = pgTable("recuperation_groups", {
  rank: integer("rank").primaryKey(),
  label: text("label").notNull(),
  category: text("category"),
});

/**
 * An allocation round. The seed is kept encrypted (ctx.cipher) from commitment until publication, then plain;
 * `seedHash` (SHA-256 of the seed) is public from the commitment on, `seed` only after publication.
 * A round runs once: there is no way back from `drawn`.
 */
export const recuperationRounds = pgTable(
  "recuperation_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    name: text("name").notNull(),
    status: text("status", { enum: recuperationRoundStatuses }).notNull().default("open"),
    noRepeatYears: integer("no_repeat_years").notNull(),
    offerHours: integer("offer_hours").notNull().default(48),
    seedHash: text("seed_hash"),
    seedEnc: text("seed_enc"),
    seed: text("seed"),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    progressStep: text("progress_step"),
    failure: text("failure"),
    /** The fairness report, computed once when the draw is done. */
    report: jsonb("report"),
    committedAt: timestamp("committed_at", { withTimezone: true }),
    drawnAt: timestamp("drawn_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recuperation_rounds_year_idx").on(t.year)],
);

/**
 * An application for up to three ranked sessions. The person's county, sex and occupation are copied
 * at submission (the fairness report counts by them without touching people's personal data). The
 * lottery's applicant id is this row's id.
 */
export const recuperationApplications = pgTable(
  "recuperation_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => recuperationRounds.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    unionId: uuid("union_id")
      .notNull()
      .references(() => unions.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    sex: text("sex"),
    occupation: text("occupation"),
    groupRank: integer("group_rank").notNull(),
    choice1: uuid("choice1")
      .notNull()
      .references(() => recuperationSessions.id),
    choice2: uuid("choice2").references(() => recuperationSessions.id),
    choice3: uuid("choice3").references(() => recuperationSessions.id),
    /** The last year on recuperation as declared or entered (records of stays count as well, at the draw). */
    lastYear: integer("last_year"),
    channel: text("channel", { enum: recuperationChannels }).notNull(),
    enteredBy: uuid("entered_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("recuperation_applications_round_person_uq").on(t.roundId, t.personId),
    index("recuperation_applications_person_idx").on(t.personId),
    index("recuperation_applications_union_idx").on(t.unionId),
    index("recuperation_applications_county_idx").on(t.countyCode),
    index("recuperation_applications_choice1_idx").on(t.choice1),
    index("recuperation_applications_choice2_idx").on(t.choice2),
    index("recuperation_applications_choice3_idx").on(t.choice3),
    index("recuperation_applications_entered_by_idx").on(t.enteredBy),
  ],
);

/**
 * What the draw gave each application of a round: its position in the draw order (null: not eligible),
 * the outcome code (`outcomeCodes`) and the session drawn (null: none). A narrow table of its own so
 * the draw writes 1.5 million results as plain bulk INSERTs through one index, instead of updating
 * rows of recuperation_applications through all of that table's indexes. The job replaces a round's
 * rows as a whole (a failed run's rows are deleted first). No foreign keys on purpose: the rows are
 * made only by the draw from the round's own applications and sessions (applications are never
 * deleted), and a per-row foreign-key check would cost as much as the insert itself.
 */
export const recuperationDrawResults = pgTable(
  "recuperation_draw_results",
  {
    roundId: uuid("round_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    position: integer("position"),
    outcome: smallint("outcome").notNull(),
    sessionId: uuid("session_id"),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.applicationId] }),
    // The worker's waitlist place (count ahead in draw order) and the lists in draw order read by it;
    // the job writes rows in draw order, so this index only ever grows at its right end.
    index("recuperation_draw_results_round_position_idx").on(t.roundId, t.position),
  ],
);

/** A place offered to an applicant: by the draw, or from the waitlist when a place is freed. */
export const recuperationOffers = pgTable(
  "recuperation_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => recuperationApplications.id),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => recuperationSessions.id),
    source: text("source", { enum: recuperationOfferSources }).notNull(),
    status: text("status", { enum: recuperationOfferStatuses }).notNull().default("offered"),
    offeredAt: timestamp("offered_at", { withTimezone: true }).notNull().defaultNow(),
    /** Null until the round is published (a draw's offers start their window then). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    index("recuperation_offers_application_idx").on(t.applicationId),
    index("recuperation_offers_session_status_idx").on(t.sessionId, t.status),
    index("recuperation_offers_open_idx").on(t.expiresAt).where(sql`status = 'offered'`),
  ],
);

/** An actual stay at one base of the route (a route over two bases makes two rows): the spending figure is counted from these (days × the base's price). */
export const recuperationStays = pgTable(
  "recuperation_stays",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => recuperationOffers.id),
    baseId: uuid("base_id")
      .notNull()
      .references(() => recuperationBases.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    startsOn: date("starts_on").notNull(),
    days: integer("days").notNull(),
    amountYuan: integer("amount_yuan").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("recuperation_stays_offer_base_uq").on(t.offerId, t.baseId),
    index("recuperation_stays_base_idx").on(t.baseId),
    index("recuperation_stays_person_idx").on(t.personId),
    index("recuperation_stays_county_idx").on(t.countyCode, t.startsOn),
    index("recuperation_stays_recorded_by_idx").on(t.recordedBy),
  ],
);
