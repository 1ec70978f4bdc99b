import { unionFormations, unionKinds } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { regions } from "../../platform/regions/tables";
import { enterprises } from "../enterprises/tables";

/**
 * 工会组织. One row per union, parent by id. Federations (provincial/city/county) are one per region
 * (the partial unique index lets the start-up sync insert them idempotently); every other union
 * sits in a county-level unit, which is what regional staff are scoped by.
 */
export const unions = pgTable(
  "unions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind", { enum: unionKinds }).notNull(),
    /** 建会方式, grassroots unions only. */
    formation: text("formation", { enum: unionFormations }),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    parentId: uuid("parent_id").references((): AnyPgColumn => unions.id),
    foundedOn: date("founded_on"),
    chairName: text("chair_name"),
    memberCount: integer("member_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("unions_parent_idx").on(t.parentId),
    index("unions_region_idx").on(t.regionCode),
    index("unions_name_idx").on(t.name),
    uniqueIndex("unions_federation_region_uq").on(t.regionCode).where(sql`kind in ('provincial', 'city', 'county')`),
    uniqueIndex("unions_parent_name_uq").on(t.parentId, t.name),
  ],
);

/** The enterprises a union covers (a 单独建 union one, a 联合建 or 区域建 union several). */
export const unionEnterprises = pgTable(
  "union_enterprises",
  {
    unionId: uuid("union_id")
      .notNull()
      .references(() => unions.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
  },
  (t) => [primaryKey({ columns: [t.unionId, t.enterpriseId] }), index("union_enterprises_enterprise_idx").on(t.enterpriseId)],
);
