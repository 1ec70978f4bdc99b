import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./isDatabaseUnavailable";
import { queryRows } from "./queryRows";
import { makeUser } from "../../fixtures/factories";
import { loginAs, startTestApp, type TestApp } from "../../testing/testApp";

// Needs a PostgreSQL server to cut connections on; CI always provides one (TEST_DATABASE_URL).
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("PostgreSQL connection loss", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("postgres");
  });
  afterAll(() => t.close());

  it("survives the server dropping every connection, as a restart would, and serves the next request", async () => {
    await makeUser(t.ctx.database.db, "province", { username: "survivor" });
    const a = await loginAs(t, "survivor");
    expect((await a.get("/api/enterprises")).statusCode).toBe(200);
    const [{ db } = { db: "" }] = await queryRows<{ db: string }>(t.ctx.database.db, sql`select current_database() as db`);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const killed = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [db]);
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100)); // let the pool see its idle clients die
    expect((await a.get("/api/enterprises")).statusCode).toBe(200);
  });

  it("survives the backend of a client checked out inside a transaction being terminated (no unhandled 'error' event)", async () => {
    const a = await loginAs(t, "survivor");
    const { db } = t.ctx.database;
    const [{ db: name } = { db: "" }] = await queryRows<{ db: string }>(db, sql`select current_database() as db`);
    const inside = db
      .transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(3)`);
      })
      .then(
        () => null,
        (err: unknown) => err,
      );
    await new Promise((r) => setTimeout(r, 300));
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [name]);
    await admin.end();
    const failure = await inside;
    expect(isDatabaseUnavailable(failure)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    // Same process, next request: a fresh connection.
    expect((await a.get("/api/enterprises")).statusCode).toBe(200);
  });
});
