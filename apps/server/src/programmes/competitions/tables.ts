import { competitionLevels, competitionTiers, goldBlueCollarStatuses, markVerifications, panelDuties, registrationStatuses, resultStatuses, type Eligibility, type MarkingScheme, type PrizeCounts } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { regions } from "../../platform/regions/tables";
import { enterprises } from "../../masterData/enterprises/tables";
import { people } from "../../masterData/people/tables";
import { unions } from "../../masterData/unions/tables";

/** 职业技能竞赛: one row per competition; `countyCode` is where it is held, which the figures count by. */
export const competitions = pgTable(
  "competitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    tier: text("tier", { enum: competitionTiers }).notNull(),
    level: text("level", { enum: competitionLevels }).notNull(),
    organiserUnionId: uuid("organiser_union_id")
      .notNull()
      .references(() => unions.id),
    year: smallint("year").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    venue: text("venue").notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("competitions_organiser_idx").on(t.organiserUnionId), index("competitions_county_year_idx").on(t.countyCode, t.year), index("competitions_year_idx").on(t.year)],
);

/**
 * 赛项: one trade's contest inside a competition, with its marking scheme (locked once judging opens),
 * its prize counts and the results' lifecycle (draft → verified → signed → published → final).
 */
export const competitionEvents = pgTable(
  "competition_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    competitionId: uuid("competition_id")
      .notNull()
      .references(() => competitions.id),
    name: text("name").notNull(),
    tradeCode: text("trade_code").notNull(),
    tradeName: text("trade_name").notNull(),
    scheme: jsonb("scheme").$type<MarkingScheme>().notNull(),
    prizeCounts: jsonb("prize_counts").$type<PrizeCounts>().notNull(),
    eligibility: jsonb("eligibility").$type<Eligibility>().notNull(),
    appealWindowMinutes: integer("appeal_window_minutes").notNull().default(120),
    status: text("status", { enum: resultStatuses }).notNull().default("draft"),
    entryNumbersDrawnAt: timestamp("entry_numbers_drawn_at", { withTimezone: true }),
    judgingOpenedAt: timestamp("judging_opened_at", { withTimezone: true }),
    chiefSignedAt: timestamp("chief_signed_at", { withTimezone: true }),
    chiefSignedBy: uuid("chief_signed_by").references(() => users.id),
    supervisorSignedAt: timestamp("supervisor_signed_at", { withTimezone: true }),
    supervisorSignedBy: uuid("supervisor_signed_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    finalAt: timestamp("final_at", { withTimezone: true }),
  },
  (t) => [
    index("competition_events_competition_idx").on(t.competitionId),
    index("competition_events_chief_idx").on(t.chiefSignedBy),
    index("competition_events_supervisor_idx").on(t.supervisorSignedBy),
  ],
);

/** 报名: a person in an event, by themself (worker account) or by their union / staff; an anonymous entry number once drawn. */
export const competitionRegistrations = pgTable(
  "competition_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => competitionEvents.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    /** Copied from the person at registration: the figures count contestants where they work. */
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    unionId: uuid("union_id").references(() => unions.id),
    registeredBy: text("registered_by", { enum: ["self", "union", "staff"] }).notNull(),
    registeredByUser: uuid("registered_by_user").references(() => users.id),
    status: text("status", { enum: registrationStatuses }).notNull().default("registered"),
    entryNumber: text("entry_number"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("competition_registrations_event_person_uq").on(t.eventId, t.personId),
    uniqueIndex("competition_registrations_entry_uq").on(t.eventId, t.entryNumber).where(sql`entry_number is not null`),
    index("competition_registrations_person_idx").on(t.personId),
    index("competition_registrations_county_idx").on(t.countyCode),
    index("competition_registrations_union_idx").on(t.unionId),
    index("competition_registrations_user_idx").on(t.registeredByUser),
  ],
);

/** 裁判组: an existing account assigned to an event's panel with a duty, and what it declares (employer, trainees). */
export const competitionPanelMembers = pgTable(
  "competition_panel_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => competitionEvents.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    duty: text("duty", { enum: panelDuties }).notNull(),
    employerEnterpriseId: uuid("employer_enterprise_id").references(() => enterprises.id),
    employerName: text("employer_name"),
    traineePersonIds: uuid("trainee_person_ids").array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    uniqueIndex("competition_panel_event_user_uq").on(t.eventId, t.userId),
    index("competition_panel_user_idx").on(t.userId),
    index("competition_panel_employer_idx").on(t.employerEnterpriseId),
  ],
);

/** 评分分配 and the mark itself: one judge, one contestant, one aspect. Verified by a second panel member, who cannot change it. */
export const competitionMarks = pgTable(
  "competition_marks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => competitionEvents.id),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => competitionRegistrations.id),
    aspectKey: text("aspect_key").notNull(),
    judgeUserId: uuid("judge_user_id")
      .notNull()
      .references(() => users.id),
    mark: numeric("mark", { precision: 8, scale: 2, mode: "number" }),
    enteredAt: timestamp("entered_at", { withTimezone: true }),
    verification: text("verification", { enum: markVerifications }),
    verifiedBy: uuid("verified_by").references(() => users.id),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verificationNote: text("verification_note"),
  },
  (t) => [
    uniqueIndex("competition_marks_slot_uq").on(t.registrationId, t.aspectKey, t.judgeUserId),
    index("competition_marks_event_idx").on(t.eventId),
    index("competition_marks_judge_idx").on(t.judgeUserId),
    index("competition_marks_verifier_idx").on(t.verifiedBy),
  ],
);

/** 利益冲突登记: every allocation refused because the judge declared the contestant's employer or the contestant as a trainee. */
export const competitionConflicts = pgTable(
  "competition_conflicts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => competitionEvents.id),
    judgeUserId: uuid("judge_user_id")
      .notNull()
      .references(() => users.id),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => competitionRegistrations.id),
    reason: text("reason", { enum: ["employer", "trainee"] }).notNull(),
    refusedAt: timestamp("refused_at", { withTimezone: true }).notNull().defaultNow(),
    refusedFor: uuid("refused_for").references(() => users.id),
  },
  (t) => [
    index("competition_conflicts_event_idx").on(t.eventId),
    index("competition_conflicts_judge_idx").on(t.judgeUserId),
    index("competition_conflicts_registration_idx").on(t.registrationId),
    index("competition_conflicts_for_idx").on(t.refusedFor),
  ],
);

/** 申诉: written, inside the window, decided by the supervisor (监督仲裁组). */
export const competitionAppeals = pgTable(
  "competition_appeals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => competitionEvents.id),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => competitionRegistrations.id),
    text: text("text").notNull(),
    lodgedBy: uuid("lodged_by")
      .notNull()
      .references(() => users.id),
    lodgedAt: timestamp("lodged_at", { withTimezone: true }).notNull().defaultNow(),
    status: text("status", { enum: ["open", "upheld", "dismissed"] }).notNull().default("open"),
    decisionNote: text("decision_note"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    index("competition_appeals_event_idx").on(t.eventId),
    index("competition_appeals_registration_idx").on(t.registrationId),
    index("competition_appeals_lodged_idx").on(t.lodgedBy),
    index("competition_appeals_decided_idx").on(t.decidedBy),
  ],
);

/** Final results, written when an event's results become final: the public pages and the figures read them. */
export const competitionResults = pgTable(
  "competition_results",
  {
    registrationId: uuid("registration_id")
      .primaryKey()
      .references(() => competitionRegistrations.id),
    eventId: uuid("event_id")
      .notNull()
      .references(() => competitionEvents.id),
    total: numeric("total", { precision: 8, scale: 2, mode: "number" }).notNull(),
    place: integer("place").notNull(),
    prize: text("prize", { enum: ["first", "second", "third", "merit"] }),
  },
  (t) => [index("competition_results_event_idx").on(t.eventId)],
);

/** 浙江金蓝领: the top three of each final event nominated; the province approves; a certificate number and a check token for the QR code. */
export const goldBlueCollars = pgTable(
  "gold_blue_collars",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => competitionEvents.id),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => competitionRegistrations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    place: integer("place").notNull(),
    status: text("status", { enum: goldBlueCollarStatuses }).notNull().default("nominated"),
    certificateNo: text("certificate_no"),
    /** Random: the QR code carries it, so certificate numbers cannot be walked to list names. */
    checkToken: text("check_token"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    year: smallint("year").notNull(),
  },
  (t) => [
    uniqueIndex("gold_blue_collars_registration_uq").on(t.registrationId),
    uniqueIndex("gold_blue_collars_certificate_uq").on(t.certificateNo),
    index("gold_blue_collars_event_idx").on(t.eventId),
    index("gold_blue_collars_person_idx").on(t.personId),
    index("gold_blue_collars_decided_idx").on(t.decidedBy),
  ],
);
