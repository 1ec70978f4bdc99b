import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE, so not even the
 * application's own database user can rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    username: text("username"),
    role: text("role"),
    regionCode: text("region_code"),
    ip: text("ip"),
    action: text("action").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    result: text("result", { enum: ["success", "failure"] }).notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_region_idx").on(t.regionCode)],
);
