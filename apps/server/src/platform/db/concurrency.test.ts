import { sql } from "drizzle-orm";
import { queryRows } from "./queryRows";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUscc, makeUser } from "../../fixtures/factories";
import { loginAs, startTestApp, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("embedded PGlite: one connection shared by concurrent transactions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite");
    await t.ctx.database.db.execute(sql`create table counter (n int not null)`);
    await t.ctx.database.db.execute(sql`insert into counter values (0)`);
  });
  afterAll(() => t.close());

  it("runs transactions one after another: a read-modify-write with a pause inside loses no update", async () => {
    const { db } = t.ctx.database;
    // Without serialisation these 20 would all read 0 during the pause and the counter would end at 1.
    const order: string[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          order.push(`begin${i}`);
          const [row] = await queryRows<{ n: number }>(tx, sql`select n from counter`);
          await pause(5);
          await tx.execute(sql`update counter set n = ${(row?.n ?? 0) + 1}`);
          order.push(`end${i}`);
        }),
      ),
    );
    const [final] = await queryRows<{ n: number }>(db, sql`select n from counter`);
    expect(final?.n).toBe(20);
    // No interleaving: every begin is followed by its own end.
    for (let i = 0; i < order.length; i += 2) expect(order[i]?.replace("begin", "")).toBe(order[i + 1]?.replace("end", ""));
  });

  it("a statement outside any transaction waits for the open one instead of slipping into it", async () => {
    const { db } = t.ctx.database;
    let outsideSaw: number | undefined;
    await Promise.all([
      db.transaction(async (tx) => {
        await tx.execute(sql`update counter set n = -1`);
        await pause(20);
        await tx.execute(sql`update counter set n = 100`);
      }),
      (async () => {
        await pause(5);
        const [row] = await queryRows<{ n: number }>(db, sql`select n from counter`);
        outsideSaw = row?.n;
      })(),
    ]);
    expect(outsideSaw).toBe(100);
  });
});

describe.each(testDatabaseKinds)("concurrent requests on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("30 simultaneous writes, each a transaction with its audit row, all commit and none deadlocks", async () => {
    await makeUser(t.ctx.database.db, "province", { username: "burst" });
    const a = await loginAs(t, "burst");
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        a.post("/api/enterprises", { uscc: makeUscc("330281"), name: `并发企业${i}`, industry: "C", countyCode: "330281", size: "small", nonPublic: true, contactName: "周主任", contactPhone: "13612345678" }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    const list = await a.get("/api/enterprises?q=并发企业&pageSize=100");
    expect(list.json<{ total: number }>().total).toBe(30);
    const audit = await a.get("/api/audit?action=enterprise.create&username=burst&pageSize=100");
    expect(audit.json<{ total: number }>().total).toBe(30);
  });
});
