import { gigPlatforms, membershipStatuses, personCategories } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { regions } from "../../platform/regions/tables";
import { enterprises } from "../enterprises/tables";
import { experts } from "../experts/tables";
import { unions } from "../unions/tables";

/**
 * 职工: one row per person across every programme. The resident ID number is stored three ways:
 * AES-GCM ciphertext (read in full only through a logged call), a masked copy for lists, and a keyed
 * hash (HMAC, its own key) that the unique index de-duplicates on, so the same person typed twice
 * (full-width digits, spaces) is found, not created again, without decrypting anything.
 */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    residentIdHash: text("resident_id_hash").notNull(),
    residentIdEnc: text("resident_id_enc").notNull(),
    residentIdMasked: text("resident_id_masked").notNull(),
    phoneEnc: text("phone_enc"),
    phoneMasked: text("phone_masked"),
    /** Where the person works: regional staff see people by it. */
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    enterpriseId: uuid("enterprise_id").references((): AnyPgColumn => enterprises.id),
    /** Free text when the employer is not on record (or a platform worker's agency). */
    employerName: text("employer_name"),
    occupation: text("occupation"),
    skillLevel: text("skill_level"),
    categories: text("categories", { enum: personCategories }).array().notNull().default(sql`'{frontLine}'::text[]`),
    /** The 劳模工匠库 profile, for a model worker or craftsman. */
    // Typed: experts → users → people → experts is a cycle TypeScript cannot infer through.
    expertId: uuid("expert_id").references((): AnyPgColumn => experts.id),
    platforms: text("platforms", { enum: gigPlatforms }).array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("people_resident_id_hash_uq").on(t.residentIdHash),
    index("people_county_idx").on(t.countyCode),
    index("people_name_idx").on(t.name),
    index("people_enterprise_idx").on(t.enterpriseId),
    index("people_expert_idx").on(t.expertId),
  ],
);

/**
 * 会籍, with history: one row per membership period. A worker's request is `pending` until the union
 * confirms it (`active`, with `since`) or declines it; an active membership ends (`transferred`,
 * `lapsed`, `left`, with `until`) and a new row starts for the next union. At most one current
 * (pending or active) row per person, by the partial unique index.
 */
export const unionMemberships = pgTable(
  "union_memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    unionId: uuid("union_id")
      .notNull()
      .references(() => unions.id),
    status: text("status", { enum: membershipStatuses }).notNull(),
    since: date("since"),
    until: date("until"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    /** The worker's message with the request, or the union's note on its decision. */
    note: text("note"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** users.id of whoever decided (no foreign key: platform tables do not point back into master data). */
    decidedBy: uuid("decided_by"),
  },
  (t) => [
    uniqueIndex("union_memberships_current_uq").on(t.personId).where(sql`status in ('pending', 'active')`),
    index("union_memberships_person_idx").on(t.personId),
    index("union_memberships_union_status_idx").on(t.unionId, t.status),
  ],
);
