import { outboxChannels, outboxStatuses, roles, todoKinds } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/tables";

/**
 * A to-do is addressed to exactly one of: a role in a region (county staff of 330127), a union, an
 * enterprise, or a user. No foreign keys to unions or enterprises: the platform owns no master data,
 * and a to-do outliving its addressee is harmless (nobody reads it).
 */
export const todos = pgTable(
  "todos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: todoKinds }).notNull(),
    title: text("title").notNull(),
    link: text("link").notNull(),
    addressee: text("addressee", { enum: ["role", "union", "enterprise", "user"] }).notNull(),
    role: text("role", { enum: roles }),
    regionCode: text("region_code"),
    unionId: uuid("union_id"),
    enterpriseId: uuid("enterprise_id"),
    userId: uuid("user_id").references(() => users.id),
    /** Who raised it: a programme id and that programme's record (a demand list's id, say). */
    sourceProgramme: text("source_programme").notNull(),
    sourceRecordId: text("source_record_id").notNull(),
    dueDate: date("due_date", { mode: "string" }),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    // Raising the same work twice while it is open is one to-do (the second raise refreshes it).
    uniqueIndex("todos_open_source_uq").on(t.sourceProgramme, t.sourceRecordId, t.kind).where(sql`closed_at is null`),
    index("todos_open_role_idx").on(t.role, t.regionCode).where(sql`closed_at is null and addressee = 'role'`),
    index("todos_open_user_idx").on(t.userId).where(sql`closed_at is null`),
    index("todos_open_enterprise_idx").on(t.enterpriseId).where(sql`closed_at is null`),
    index("todos_open_union_idx").on(t.unionId).where(sql`closed_at is null`),
  ],
);

/** A notification belongs to one user; read_at null = unread. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    sourceProgramme: text("source_programme"),
    sourceRecordId: text("source_record_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Outside messages waiting for a sender (docs/inbox.md). The recipient (a phone number, say) is
 * personal data: encrypted, with a masked copy; it is decrypted only when a sender claims the row.
 * A claim is a lease (claimed_until): a sender that dies leaves its rows to be claimed again.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel", { enum: outboxChannels }).notNull(),
    recipientEnc: text("recipient_enc").notNull(),
    recipientMasked: text("recipient_masked").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Not before this time (a retry's back-off); null = at once. */
    notBefore: timestamp("not_before", { withTimezone: true }),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    claimedBy: uuid("claimed_by").references(() => users.id),
    sourceProgramme: text("source_programme"),
    sourceRecordId: text("source_record_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_pending_idx").on(t.channel, t.createdAt).where(sql`status = 'pending'`)],
);
