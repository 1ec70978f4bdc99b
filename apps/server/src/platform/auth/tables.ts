import { roles } from "@jiangxin/domain";
import { boolean, index, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { enterprises } from "../../masterData/enterprises/tables";
import { unions } from "../../masterData/unions/tables";
import { people } from "../../masterData/people/tables";
import { regions } from "../regions/tables";

export const users = pgTable(
  "users",
  {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Stored lower-case so that logins are case-insensitive. */
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  // The roles are packages/domain's list, so a new role needs no edit here (text: no database enum to migrate).
  role: text("role", { enum: roles }).notNull(),
  regionCode: text("region_code").references(() => regions.code),
  enterpriseId: uuid("enterprise_id").references(() => enterprises.id),
  /** The grassroots union a `union` account works for; its scope is that union and the unions below it. */
  unionId: uuid("union_id").references(() => unions.id),
  /** The person record (职工) a `worker` account is: 我的 shows it; one account per person. */
  personId: uuid("person_id")
    .unique()
    .references((): AnyPgColumn => people.id),
  passwordHash: text("password_hash").notNull(),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
  },
  // Who holds an account for a region, a firm or a union (account lists, the inbox's addressees).
  (t) => [index("users_region_idx").on(t.regionCode), index("users_enterprise_idx").on(t.enterpriseId), index("users_union_idx").on(t.unionId)],
);

/**
 * Failed-login counting is keyed by the name typed, not by the user row, so an unknown name is
 * throttled and answered exactly like a known one.
 */
export const loginThrottle = pgTable("login_throttle", {
  username: text("username").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
});

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a leaked table does not give working sessions. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    ip: text("ip"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
