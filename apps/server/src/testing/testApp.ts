import { csrfHeader, sessionCookie, type SessionInfo } from "@jiangxin/domain";
import type { LightMyRequestResponse } from "fastify";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildApp, type BuiltApp } from "../app";
import { defaultTestPassword } from "../fixtures/factories";
import { loadConfig, type Config } from "../platform/config";
import type { AppContext } from "../platform/context";
import { createContext } from "../createContext";
import type { DatabaseTarget } from "../platform/db/database";
import { createTestDatabase, type TestDatabaseKind } from "./testDatabases";

export type TestApp = BuiltApp & {
  ctx: AppContext;
  kind: TestDatabaseKind;
  /** Moves the app's clock; timeouts are tested by travelling, not by waiting. */
  advance(ms: number): void;
  close(): Promise<void>;
};

/**
 * An app on a fresh database of its own; with `sameDatabaseAs` (PostgreSQL only), a second app on that
 * app's database, as a second server process would be (closing it leaves the database to the first).
 */
export async function startTestApp(
  kind: TestDatabaseKind,
  env: Record<string, string> = {},
  opts: { sameDatabaseAs?: { target: DatabaseTarget } } = {},
): Promise<TestApp & { /** Where its database is: pass the app as `sameDatabaseAs` to start a second process on it. */ target: DatabaseTarget }> {
  const first = opts.sameDatabaseAs;
  if (first && first.target.kind !== "postgres") throw new Error("sameDatabaseAs needs a PostgreSQL database (an in-memory PGlite belongs to one app)");
  const db = first ? { target: first.target, drop: async () => {} } : await createTestDatabase(kind);
  const config: Config = loadConfig({
    JIANGXIN_DATA_DIR: mkdtempSync(path.join(tmpdir(), "jx-test-")),
    JIANGXIN_DATA_KEY: randomBytes(32).toString("base64"),
    JIANGXIN_LOG_LEVEL: "silent",
    JIANGXIN_WEB_DIST: "does-not-exist",
    // Every test logs in from 127.0.0.1: the per-address limit is tested on its own, with its own setting.
    JIANGXIN_AUTH_RATE_LIMIT: "100000",
    // A busy CI machine would shed the tests' own requests; shedding is tested on its own (loadShedding.test.ts).
    JIANGXIN_LOAD_SHEDDING: "0",
    ...env,
  });
  const ctx = await createContext(config, db.target);
  let offset = 0;
  ctx.now = () => new Date(Date.now() + offset);
  const built = await buildApp(ctx, { logger: false });
  await built.app.ready();
  return {
    ...built,
    ctx,
    kind,
    target: db.target,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await built.app.close();
      await ctx.database.close();
      await db.drop();
    },
  };
}

export type Agent = {
  info: SessionInfo;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
};

/** Logs in through the API, as the browser would, and returns a client carrying cookie and CSRF token. */
export async function loginAs(t: TestApp, username: string, password = defaultTestPassword): Promise<Agent> {
  const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === sessionCookie);
  if (!cookie) throw new Error("no session cookie");
  const info = res.json<SessionInfo>();
  const headers = { cookie: `${sessionCookie}=${cookie.value}` };
  return {
    info,
    cookie: cookie.value,
    get: (url) => t.app.inject({ method: "GET", url, headers }),
    post: (url, body) => t.app.inject({ method: "POST", url, headers: { ...headers, [csrfHeader]: info.csrfToken }, ...(body === undefined ? {} : { payload: body as object }) }),
  };
}
