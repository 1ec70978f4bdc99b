import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../platform/auth/tables";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { regions } from "../../../platform/regions/tables";
import { serviceSessions } from "../serviceSessions/tables";

/** 需求清单: one submission by (or for) one enterprise. */
export const demandLists = pgTable(
  "demand_lists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    submittedBy: uuid("submitted_by").references(() => users.id),
    /** Who entered it: the enterprise itself or its county union. */
    source: text("source", { enum: ["enterprise", "union"] }).notNull(),
    note: text("note"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    /** Taken back by its enterprise before acceptance: kept, shown 已撤回, its problems withdrawn. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    index("demand_lists_enterprise_idx").on(t.enterpriseId),
    index("demand_lists_county_idx").on(t.countyCode),
    // The list's order (newest first), so a province-wide page is read in order instead of sorted whole.
    index("demand_lists_submitted_idx").on(t.submittedAt, t.id),
  ],
);

/**
 * 难题. `county_code` copies the enterprise's county so that scoping and regional counts need no join;
 * an enterprise does not move county, and if one did, its open problems would move with an update.
 */
export const problems = pgTable(
  "problems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Human-facing number for phone calls and paper ("难题 2025-000123"). */
    no: bigint("no", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    demandListId: uuid("demand_list_id").references(() => demandLists.id),
    sessionId: uuid("session_id").references(() => serviceSessions.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    trade: text("trade").notNull(),
    urgency: text("urgency", { enum: ["low", "normal", "high", "critical"] }).notNull().default("normal"),
    status: text("status").notNull(),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    ownerExpertId: uuid("owner_expert_id").references(() => experts.id),
    /** 需要专家人数: the owner plus up to two co-experts (problem_team_members). */
    teamSize: smallint("team_size").notNull().default(1),
    solution: text("solution"),
    /** Set when the problem reaches "solved": it counts as solved in this year. */
    solvedAt: timestamp("solved_at", { withTimezone: true }),
    /** Voided by staff with a reason: the row stays (history) and leaves every figure. */
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedReason: text("voided_reason"),
    voidedByName: text("voided_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("problems_county_status_idx").on(t.countyCode, t.status),
    index("problems_enterprise_idx").on(t.enterpriseId),
    index("problems_session_idx").on(t.sessionId),
    index("problems_owner_idx").on(t.ownerExpertId),
    index("problems_solved_at_idx").on(t.solvedAt),
    // A demand list's problems: its detail and the per-list counts of the list and its export (174 s without).
    index("problems_demand_list_idx").on(t.demandListId),
    // The lists with a problem waiting for acceptance (需求清单's 待受理 filter and count): only those rows.
    index("problems_waiting_demand_list_idx").on(t.demandListId).where(sql`${t.status} = 'submitted' and ${t.voidedAt} is null`),
    // Province-wide status filter, and the list's order (latest move first).
    index("problems_status_idx").on(t.status),
    index("problems_status_changed_idx").on(t.statusChangedAt, t.no),
    check("problems_team_size_check", sql`${t.teamSize} between 1 and 3`),
  ],
);

/**
 * 协助专家: the experts serving a problem beside its owner (problems.owner_expert_id, who is never
 * repeated here). At most team_size − 1 rows per problem; the service checks that, the key stops
 * one expert being added twice.
 */
export const problemTeamMembers = pgTable(
  "problem_team_members",
  {
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    addedByUserId: uuid("added_by_user_id").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.expertId] }), index("problem_team_members_expert_idx").on(t.expertId)],
);

/** Every move and every progress note, attributed and timestamped: the problem's timeline. */
export const problemEvents = pgTable(
  "problem_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id),
    /** Insert order: events of one instant (a demo day, a batch) read in the order they happened. */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    byUserId: uuid("by_user_id").references(() => users.id),
    byName: text("by_name").notNull(),
    byRole: text("by_role").notNull(),
    /** The actor's unit (their union, enterprise or employer), so the timeline reads "name（unit）". */
    byUnit: text("by_unit"),
    note: text("note"),
  },
  (t) => [index("problem_events_problem_idx").on(t.problemId, t.at)],
);

export const trainingNeeds = pgTable(
  "training_needs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    demandListId: uuid("demand_list_id")
      .notNull()
      .references(() => demandLists.id),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    topic: text("topic").notNull(),
    workers: integer("workers").notNull(),
    status: text("status", { enum: ["open", "planned", "done"] }).notNull().default("open"),
  },
  (t) => [
    index("training_needs_county_idx").on(t.countyCode),
    // A demand list's training needs (its detail and the per-list counts) and an enterprise's.
    index("training_needs_demand_list_idx").on(t.demandListId),
    index("training_needs_enterprise_idx").on(t.enterpriseId),
  ],
);

export const problemRatings = pgTable("problem_ratings", {
  problemId: uuid("problem_id")
    .primaryKey()
    .references(() => problems.id),
  score: integer("score").notNull(),
  comment: text("comment"),
  byUserId: uuid("by_user_id").references(() => users.id),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
