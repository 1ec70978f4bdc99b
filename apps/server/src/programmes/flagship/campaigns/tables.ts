import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { CampaignInput } from "@jiangxin/domain";
import { users } from "../../../platform/auth/tables";

/** 专项行动. Progress is never stored: it is counted from sessions, trainings and problems. */
export const campaigns = pgTable("campaigns", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  year: integer("year").notNull(),
  regionCodes: text("region_codes").array().notNull().default([]),
  priorityOnly: boolean("priority_only").notNull().default(false),
  targets: jsonb("targets").$type<CampaignInput["targets"]>().notNull(),
  /** The region of the union that set it up: a city's campaign is that city's. */
  ownerRegionCode: text("owner_region_code").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
