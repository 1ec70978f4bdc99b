import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * One row per Idempotency-Key a user sent with a POST: claimed before the handler runs (the primary key
 * stops a concurrent duplicate from running too), marked inside the write's own transaction, and holding
 * the first answer so a retry gets it back. Rows are kept 48 hours (at least the promised 24).
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of method, URL and body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    /** The process that runs it; with the embedded database another owner means that process died. */
    owner: text("owner").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
    /** Set in the transaction that made the change: the write is saved whatever happened afterwards. */
    committedAt: timestamp("committed_at", { withTimezone: true }),
    responseStatus: integer("response_status"),
    responseType: text("response_type"),
    responseBody: text("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);
