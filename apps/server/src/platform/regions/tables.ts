import { date, doublePrecision, index, pgTable, serial, text } from "drizzle-orm/pg-core";

export const regions = pgTable(
  "regions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    level: text("level", { enum: ["province", "city", "county"] }).notNull(),
    parentCode: text("parent_code"),
    lng: doublePrecision("lng"),
    lat: doublePrecision("lat"),
  },
  (t) => [index("regions_parent_idx").on(t.parentCode)],
);

/**
 * Priority-county membership is data with a validity period, because the list changes
 * (2024: 平阳, 柯城, 莲都 left the 26; 洞头 and 嵊泗 joined as island counties).
 */
export const regionPriority = pgTable(
  "region_priority",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    kind: text("kind", { enum: ["mountainous", "island"] }).notNull(),
    validFrom: date("valid_from").notNull(),
    /** Exclusive end; null while in force. */
    validTo: date("valid_to"),
    source: text("source").notNull(),
  },
  (t) => [index("region_priority_region_idx").on(t.regionCode)],
);
