import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { CorrectionChange } from "@jiangxin/domain";
import { users } from "../../../platform/auth/tables";

/**
 * Every correction of a flagship record (edit, void, withdraw) with its reason and what changed,
 * before → after: the record's history on its page. The audit log holds the same with the actor's IP.
 */
export const recordCorrections = pgTable(
  "record_corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    objectType: text("object_type", { enum: ["serviceSession", "training", "agreement", "problem", "demandList"] }).notNull(),
    objectId: uuid("object_id").notNull(),
    /** Insert order, for corrections made in the same instant. */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    kind: text("kind", { enum: ["edit", "void", "withdraw"] }).notNull(),
    reason: text("reason"),
    changes: jsonb("changes").$type<CorrectionChange[]>().notNull().default([]),
    byUserId: uuid("by_user_id").references(() => users.id),
    byName: text("by_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("record_corrections_object_idx").on(t.objectId, t.at), index("record_corrections_by_user_idx").on(t.byUserId)],
);
