import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
