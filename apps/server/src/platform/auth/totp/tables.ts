import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../tables";

/**
 * A staff account's TOTP second factor. The secret is personal data at rest: encrypted with the
 * data key. `enabledAt` is null while an enrolment waits for its first code; `lastStep` is the
 * 30-second step of the last code accepted, so a code cannot be used twice.
 */
export const userTotp = pgTable("user_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  secretEnc: text("secret_enc").notNull(),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastStep: integer("last_step"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
