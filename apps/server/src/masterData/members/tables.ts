import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { regions } from "../../platform/regions/tables";
import { people } from "../people/tables";
import { unions } from "../unions/tables";

/** Member numbers (会员号) are drawn from one sequence, so two cards issued at once never share one. */
export const memberNoSeq = pgSequence("member_no_seq", { startWith: 1 });

/**
 * 会员证: one row per person who has been a member — the member number and the card's check token.
 * The membership itself (which union, since when, transfers) is people's `union_memberships`: this row
 * outlives every transfer, which is what makes a move "the same member".
 */
export const members = pgTable(
  "members",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => people.id),
    memberNo: text("member_no").notNull(),
    /** Random, unguessable: the QR carries /public/member-card/<token> and nothing personal. */
    cardToken: text("card_token").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("members_member_no_uq").on(t.memberNo), uniqueIndex("members_card_token_uq").on(t.cardToken)],
);

/**
 * 普惠服务项目 ("9+X"): the nine standard items (seeded by the migration) and local X items of a city or
 * county. Eligibility and the yearly limit are columns, so a union changes them as data.
 */
export const benefitItems = pgTable(
  "benefit_items",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["standard", "local"] }).notNull(),
    regionCode: text("region_code").references(() => regions.code),
    description: text("description").notNull().default(""),
    /** Person categories that may receive it; empty = every member. */
    categories: text("categories").array().notNull().default(sql`'{}'::text[]`),
    minMemberDays: integer("min_member_days").notNull().default(0),
    /** Times per member per calendar year; null = no limit. */
    yearlyLimit: integer("yearly_limit"),
    sortOrder: integer("sort_order").notNull().default(100),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("benefit_items_region_idx").on(t.regionCode)],
);

/**
 * 普惠服务台账: one row per benefit a member received, from any programme. `sourceKey` is the giving
 * programme's own key for the event (a voucher id, a recuperation place): recording it twice is a no-op.
 * County and union are the member's at the time, so participation is counted where it happened.
 */
export const benefitLedger = pgTable(
  "benefit_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    itemCode: text("item_code")
      .notNull()
      .references(() => benefitItems.code),
    year: integer("year").notNull(),
    occurredOn: date("occurred_on").notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    unionId: uuid("union_id").references(() => unions.id),
    /** The programme (or module) that gave it: inclusive, recuperation, upskilling, members … */
    programme: text("programme").notNull(),
    sourceKey: text("source_key").notNull(),
    amountCents: integer("amount_cents"),
    note: text("note"),
    /** users.id of whoever recorded it (no foreign key into the platform's users, as elsewhere). */
    recordedBy: uuid("recorded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("benefit_ledger_source_uq").on(t.sourceKey),
    index("benefit_ledger_person_item_year_idx").on(t.personId, t.itemCode, t.year),
    index("benefit_ledger_item_year_county_idx").on(t.itemCode, t.year, t.countyCode),
    index("benefit_ledger_county_idx").on(t.countyCode),
    index("benefit_ledger_union_idx").on(t.unionId),
  ],
);
