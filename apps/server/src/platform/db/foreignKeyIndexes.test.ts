import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./database";
import { queryRows } from "./queryRows";

/**
 * Foreign keys that no query filters or joins by from their side: who recorded, changed or decided
 * something (shown beside a record, never searched by), and rows deleted only with their parent.
 * Any other foreign key needs an index whose leading column it is, or a parent's delete and every
 * "the children of X" query scans the whole child table (the 174-second export of issue 10).
 */
const unindexedOnPurpose = new Set([
  "agreement_check_ins.by_user_id",
  "agreements.created_by",
  "campaigns.created_by",
  "demand_lists.submitted_by",
  "indicator_publications.updated_by",
  "outbox.claimed_by",
  "outcomes.estimated_by",
  "outcomes.verified_by",
  "problem_events.by_user_id",
  "problem_ratings.by_user_id",
  "problem_team_members.added_by_user_id",
  "service_sessions.created_by",
  "targets.approved_by",
  "targets.updated_by",
  "trainings.created_by",
]);

describe("every foreign key has an index (all migrations applied)", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: "pglite", dataDir: undefined });
  });
  afterAll(async () => database.close());

  it("leads some index with each foreign key's column, except the few listed on purpose", async () => {
    const missing = await queryRows<{ fk: string }>(
      database.db,
      sql`select c.conrelid::regclass::text || '.' || a.attname as fk
          from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          where c.contype = 'f'
            and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
          order by 1`,
    );
    expect(missing.map((m) => m.fk).filter((fk) => !unindexedOnPurpose.has(fk))).toEqual([]);
  });
});
