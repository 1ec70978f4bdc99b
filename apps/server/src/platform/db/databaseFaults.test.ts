import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerErrorHandler } from "../errorHandler";
import { isDatabaseUnavailable } from "./isDatabaseUnavailable";
import { registerWriteTracking } from "./writeTracking";

describe("database faults answer 503 (retry later), and a committed write is never reported as failed", () => {
  const client = new PGlite();
  const db = drizzle(client);
  const app = Fastify({ logger: false });
  const lost = () => Object.assign(new Error("Connection terminated unexpectedly"), { cause: undefined });

  beforeAll(async () => {
    registerWriteTracking(app, db);
    registerErrorHandler(app);
    app.get("/read", { config: { permission: "public" } }, async () => {
      throw lost();
    });
    app.post("/saved-then-lost", { config: { permission: "public" } }, async () => {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
      });
      // The write committed; reading its result back fails as the database goes away.
      throw lost();
    });
    app.post("/lost-before-commit", { config: { permission: "public" } }, async () => {
      await db.transaction(async () => {
        throw lost();
      });
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await client.close();
  });

  it("a lost connection is 503 with Retry-After and a Chinese message", async () => {
    const res = await app.inject({ method: "GET", url: "/read" });
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.json()).toEqual({ code: "SERVICE_UNAVAILABLE", message: "数据库暂时不可用，请稍后重试" });
    expect((await app.inject({ method: "POST", url: "/lost-before-commit" })).statusCode).toBe(503);
  });

  it("a failure after COMMIT answers 202 SAVED, so nobody submits the saved write again", async () => {
    const res = await app.inject({ method: "POST", url: "/saved-then-lost" });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ code: "SAVED" });
    expect(res.json<{ message: string }>().message).toContain("已保存");
  });

  it("recognises the drivers' outage errors through drizzle's wrapping, and nothing else", () => {
    const wrapped = new Error("Failed query: select 1", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("PGlite is closed"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key value"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });
});
