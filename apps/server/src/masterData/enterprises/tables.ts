import type { EnterpriseCorrectionEntry } from "@jiangxin/domain";
import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { regions } from "../../platform/regions/tables";

export const enterprises = pgTable(
  "enterprises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    uscc: text("uscc").notNull().unique(),
    name: text("name").notNull(),
    industry: text("industry").notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    size: text("size", { enum: ["large", "medium", "small", "micro"] }).notNull(),
    nonPublic: boolean("non_public").notNull(),
    contactName: text("contact_name").notNull(),
    /** AES-256-GCM ciphertext (see platform/crypto); shown masked, read in full only through a logged call. */
    contactPhoneEnc: text("contact_phone_enc").notNull(),
    /** Mask kept beside the ciphertext so lists never decrypt. */
    contactPhoneMasked: text("contact_phone_masked").notNull(),
    /** 详细地址 (street and number) where experts visit; the county is county_code. Null for firms registered before it was asked. */
    address: text("address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("enterprises_county_idx").on(t.countyCode), index("enterprises_name_idx").on(t.name)],
);

/**
 * Every correction of an enterprise record, with its reason and the fields before → after (phones
 * masked): the 更正记录 on the firm's page. The audit log holds the same with the actor's IP.
 */
export const enterpriseCorrections = pgTable(
  "enterprise_corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    /** Insert order, for corrections made in the same instant. */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    reason: text("reason").notNull(),
    changes: jsonb("changes").$type<EnterpriseCorrectionEntry["changes"]>().notNull(),
    byUserId: uuid("by_user_id").references(() => users.id),
    byName: text("by_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("enterprise_corrections_enterprise_idx").on(t.enterpriseId, t.at), index("enterprise_corrections_by_user_idx").on(t.byUserId)],
);
