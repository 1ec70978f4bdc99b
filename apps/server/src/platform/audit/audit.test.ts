import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUscc, makeUser } from "../../fixtures/factories";
import { queryRows } from "../db/queryRows";
import { loginAs, startTestApp, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { enterprises } from "../../masterData/enterprises";
import { auditLog } from "./tables";

describe.each(testDatabaseKinds)("audit trail on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const rowsFor = (action: string, username: string) =>
    t.ctx.database.db.select().from(auditLog).where(sql`${auditLog.action} = ${action} and ${auditLog.username} = ${username}`);

  it("records logins, failed logins and logouts with time, user, role, IP and result", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "auditee", regionCode: "330723" });
    await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "auditee", password: "Wrong#Pass1" }, remoteAddress: "10.1.2.3" });
    const a = await loginAs(t, "auditee");
    await a.post("/api/auth/logout");
    const logins = await rowsFor("auth.login", "auditee");
    expect(logins.map((r) => r.result).sort()).toEqual(["failure", "success"]);
    const failed = logins.find((r) => r.result === "failure");
    expect(failed).toMatchObject({ role: "county", regionCode: "330723", ip: "10.1.2.3" });
    expect(Math.abs((failed?.at.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(await rowsFor("auth.logout", "auditee")).toHaveLength(1);
  });

  it("writes the audit row with the change, and neither when the change fails", async () => {
    const u = await makeUser(t.ctx.database.db, "province", { username: "writer" });
    const a = await loginAs(t, "writer");
    const input = { uscc: makeUscc("330127"), name: "审计测试企业", industry: "C", countyCode: "330127", size: "small", nonPublic: true, contactName: "赵主任", contactPhone: "13912345678" };
    const created = await a.post("/api/enterprises", input);
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const rows = await rowsFor("enterprise.create", "writer");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: u.id, objectType: "enterprise", objectId: id, result: "success" });
    // A duplicate is refused: no second enterprise and no second audit row.
    expect((await a.post("/api/enterprises", input)).statusCode).toBe(409);
    expect(await rowsFor("enterprise.create", "writer")).toHaveLength(1);
    const [{ n } = { n: -1 }] = await t.ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(sql`${enterprises.uscc} = ${input.uscc}`);
    expect(n).toBe(1);
  });

  it("cannot be updated, deleted or truncated, even by the application's own connection", async () => {
    const { db } = t.ctx.database;
    const [row] = await db.select().from(auditLog).limit(1);
    expect(row).toBeDefined();
    // Drizzle wraps the database's error; the trigger's message is on its cause.
    const refusal = (q: Promise<unknown>) => q.then(() => "allowed", (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message));
    expect(await refusal(db.execute(sql`update audit_log set action = 'forged' where id = ${row?.id}`))).toMatch(/append-only \(UPDATE refused\)/);
    expect(await refusal(db.execute(sql`delete from audit_log where id = ${row?.id}`))).toMatch(/append-only \(DELETE refused\)/);
    expect(await refusal(db.execute(sql`truncate audit_log`))).toMatch(/append-only \(TRUNCATE refused\)/);
    const [again] = await db.select().from(auditLog).where(sql`${auditLog.id} = ${row?.id}`);
    expect(again?.action).toBe(row?.action);
  });

  it("logs every read of a full phone number, and stores the number encrypted", async () => {
    await makeUser(t.ctx.database.db, "province", { username: "reader" });
    const a = await loginAs(t, "reader");
    const created = await a.post("/api/enterprises", { uscc: makeUscc("330102"), name: "电话测试企业", industry: "I", countyCode: "330102", size: "micro", nonPublic: true, contactName: "钱经理", contactPhone: "+86 135-0000-1234" });
    const id = created.json<{ id: string; contactPhoneMasked: string }>().id;
    expect(created.json<{ contactPhoneMasked: string }>().contactPhoneMasked).toBe("135****1234");
    const raw = await queryRows<{ contact_phone_enc: string }>(t.ctx.database.db, sql`select contact_phone_enc from enterprises where id = ${id}`);
    expect(raw[0]?.contact_phone_enc).toMatch(/^v1\./);
    expect(JSON.stringify(raw)).not.toContain("13500001234");
    const phone = await a.get(`/api/enterprises/${id}/contact-phone`);
    expect(phone.json()).toEqual({ contactPhone: "13500001234" });
    await a.get(`/api/enterprises/${id}/contact-phone`);
    const reads = await rowsFor("enterprise.readContactPhone", "reader");
    expect(reads).toHaveLength(2);
    expect(reads[0]?.objectId).toBe(id);
    // The list never carries the full number.
    expect((await a.get("/api/enterprises?q=电话测试")).body).not.toContain("13500001234");
  });
  it("filters by action and by a range of China dates, both ends included; refuses a reversed range", async () => {
    const { db } = t.ctx.database;
    const dater = await makeUser(db, "province", { username: "dater" });
    const a = await loginAs(t, "dater");
    // Late on 1 March and early on 2 March in China (the same UTC day, 1 March).
    const at = (iso: string) => new Date(iso);
    await db.insert(auditLog).values([
      { at: at("2026-03-01T23:30:00+08:00"), username: "dated", action: "expert.readPhone", objectType: "expert", objectId: "a1", result: "success" },
      { at: at("2026-03-02T00:30:00+08:00"), username: "dated", action: "expert.readPhone", objectType: "expert", objectId: "a2", result: "success" },
      { at: at("2026-03-02T09:00:00+08:00"), username: "dated", action: "auth.login", objectType: "user", objectId: dater.id, result: "success" },
    ]);
    const list = async (q: string) => {
      const res = await a.get(`/api/audit?username=dated&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: { objectId: string | null; objectName: string | null; action: string }[] }>().items;
    };
    // A user object is named (display name and login), the others keep their labelled type and id.
    const [login] = await list("action=auth.login");
    expect(login?.objectName).toMatch(/（dater）$/);
    expect((await list("action=expert.readPhone")).every((e) => e.objectName === null)).toBe(true);
    expect((await list("from=2026-03-01&to=2026-03-01")).map((e) => e.objectId)).toEqual(["a1"]);
    expect((await list("from=2026-03-02")).map((e) => e.action)).toEqual(["auth.login", "expert.readPhone"]);
    expect((await list("to=2026-03-02&action=expert.readPhone")).map((e) => e.objectId)).toEqual(["a2", "a1"]);
    const reversed = await a.get("/api/audit?from=2026-03-02&to=2026-03-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ fields: Record<string, string> }>().fields).toEqual({ to: "截止日期不能早于起始日期" });
    expect((await a.get("/api/audit?from=2026-3-1")).json<{ fields: Record<string, string> }>().fields.from).toMatch(/日期/);
  });
});
