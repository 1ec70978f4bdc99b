import { sql } from "drizzle-orm";
import { customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/tables";

/** Raw bytes. PGlite hands back a Uint8Array and node-postgres a Buffer; both are read as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * One uploaded file. The bytes live in the database (docs/attachments.md: one backup, committed with its
 * audit row, the same on PGlite and PostgreSQL); lists never select `content` or `thumbnail`.
 * The owner is a record of some module, named by kind ("flagship.problem") and id, with no foreign key:
 * the platform owns no module's tables. Nothing is deleted: a removal is stamped, and the file stays.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerKind: text("owner_kind").notNull(),
    ownerId: text("owner_id").notNull(),
    name: text("name").notNull(),
    /** Detected from the bytes, never taken from the browser. */
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    /** A small WebP for lists on phones; null for documents and for images sharp cannot read. */
    thumbnail: bytea("thumbnail"),
    width: integer("width"),
    height: integer("height"),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    removedBy: uuid("removed_by").references(() => users.id),
  },
  (t) => [
    index("attachments_owner_idx").on(t.ownerKind, t.ownerId).where(sql`removed_at is null`),
    index("attachments_uploaded_by_idx").on(t.uploadedBy),
    index("attachments_removed_by_idx").on(t.removedBy),
  ],
);
