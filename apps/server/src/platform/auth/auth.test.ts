import { csrfHeader, sessionCookie } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultTestPassword, makeUser } from "../../fixtures/factories";
import { loginAs, startTestApp, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";

describe.each(testDatabaseKinds)("accounts and sessions on %s", (kind) => {
  let t: TestApp;
  const login = (username: string, password: string) => t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("logs in case-insensitively and returns the session with role, region and permissions", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "Chunan1", regionCode: "330127", displayName: "淳安县总工会" });
    const res = await login("CHUNAN1", defaultTestPassword);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ user: { role: string; regionName: string }; permissions: string[] }>();
    expect(body.user).toMatchObject({ role: "county", regionName: "淳安县" });
    expect(body.permissions).toContain("enterprise.read");
    const cookie = res.cookies.find((c) => c.name === sessionCookie);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
  });

  it("answers an unknown user exactly as a wrong password", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "known1" });
    const wrong = await login("known1", "Wrong#Pass123");
    const unknown = await login("nobody-here", "Wrong#Pass123");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.json()).toEqual({ code: "LOGIN_FAILED", message: "用户名或密码错误" });
  });

  it("makes a name wait after 4 free failures, 30 s doubling to at most 15 min, known or not", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "locky" });
    for (const name of ["locky", "ghost"]) {
      for (let i = 1; i <= 4; i++) expect((await login(name, "Wrong#Pass123")).statusCode).toBe(401);
      const fifth = await login(name, "Wrong#Pass123");
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json<{ code: string; message: string }>()).toEqual({ code: "ACCOUNT_LOCKED", message: "密码错误次数过多，请30秒后再试" });
    }
    // While waiting even the right password is refused, and the refusal is not counted.
    expect((await login("locky", defaultTestPassword)).statusCode).toBe(423);
    expect((await login("ghost", defaultTestPassword)).statusCode).toBe(423);
    t.advance(31 * 1000);
    expect((await login("locky", "Wrong#Pass123")).json<{ message: string }>().message).toBe("密码错误次数过多，请1分钟后再试");
    // A stranger keeps guessing: the wait doubles but never exceeds 15 minutes.
    let waitMs = 60 * 1000;
    for (let i = 0; i < 10; i++) {
      t.advance(waitMs + 1000);
      const res = await login("locky", "Wrong#Pass123");
      expect(res.statusCode).toBe(423);
      waitMs = Math.min(waitMs * 2, 15 * 60 * 1000);
    }
    expect((await login("locky", "Wrong#Pass123")).json<{ message: string }>().message).toBe("密码错误次数过多，请15分钟后再试");
    // The owner gets in as soon as the last wait is over.
    t.advance(15 * 60 * 1000 + 1000);
    expect((await login("locky", defaultTestPassword)).statusCode).toBe(200);
  });

  it("counts wrong current passwords on the change-password form like wrong logins", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "guesser" });
    const a = await loginAs(t, "guesser");
    for (let i = 1; i <= 4; i++) {
      const res = await a.post("/api/auth/password", { currentPassword: `Wrong#Guess${i}x`, newPassword: "Gd7#mountain-x" });
      expect(res.statusCode).toBe(400);
    }
    const fifth = await a.post("/api/auth/password", { currentPassword: "Wrong#Guess5x", newPassword: "Gd7#mountain-x" });
    expect(fifth.statusCode).toBe(423);
    // The right current password waits too, and so does a login with the same name.
    expect((await a.post("/api/auth/password", { currentPassword: defaultTestPassword, newPassword: "Gd7#mountain-x" })).statusCode).toBe(423);
    expect((await login("guesser", defaultTestPassword)).statusCode).toBe(423);
    t.advance(31 * 1000);
    expect((await a.post("/api/auth/password", { currentPassword: defaultTestPassword, newPassword: "Gd7#mountain-x" })).statusCode).toBe(204);
  });

  it("sends security headers with a CSP on every answer", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/auth/me" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["strict-transport-security"]).toBeUndefined(); // plain HTTP here
  });

  it("a success resets the failure count", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "resetme" });
    for (let i = 0; i < 4; i++) await login("resetme", "Wrong#Pass123");
    expect((await login("resetme", defaultTestPassword)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login("resetme", "Wrong#Pass123")).statusCode).toBe(401);
  });

  it("ends a session idle for 30 minutes", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "idler" });
    const a = await loginAs(t, "idler");
    t.advance(29 * 60 * 1000);
    expect((await a.get("/api/auth/me")).statusCode).toBe(200); // activity renews the idle window
    t.advance(29 * 60 * 1000);
    expect((await a.get("/api/auth/me")).statusCode).toBe(200);
    t.advance(31 * 60 * 1000);
    const expired = await a.get("/api/auth/me");
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ code: "UNAUTHENTICATED", message: "登录已超时，请重新登录" });
    t.advance(-1000); // the session stays ended even if the clock is turned back
    expect((await a.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("ends a busy session after 12 hours regardless", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "worker12" });
    const a = await loginAs(t, "worker12");
    for (let h = 0; h < 40; h++) {
      t.advance(25 * 60 * 1000); // active every 25 minutes: never idle
      const res = await a.get("/api/auth/me");
      if (res.statusCode !== 200) {
        expect(h * 25 + 25).toBeGreaterThanOrEqual(12 * 60);
        return;
      }
    }
    throw new Error("session outlived 12 hours");
  });

  it("logout ends the session on the server: the old cookie no longer works", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "leaver" });
    const a = await loginAs(t, "leaver");
    expect((await a.post("/api/auth/logout")).statusCode).toBe(204);
    expect((await a.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("refuses state-changing calls without the CSRF token or from another site", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "csrf1" });
    const a = await loginAs(t, "csrf1");
    const headers = { cookie: `${sessionCookie}=${a.cookie}` };
    const noToken = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json<{ code: string }>().code).toBe("CSRF_REJECTED");
    const wrongToken = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { ...headers, [csrfHeader]: "x".repeat(32) } });
    expect(wrongToken.statusCode).toBe(403);
    const crossOrigin = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { ...headers, [csrfHeader]: a.info.csrfToken, origin: "https://evil.example", host: "localhost:3000" },
    });
    expect(crossOrigin.statusCode).toBe(403);
    const crossSiteLogin = await t.app.inject({ method: "POST", url: "/api/auth/login", headers: { "sec-fetch-site": "cross-site" }, payload: { username: "csrf1", password: defaultTestPassword } });
    expect(crossSiteLogin.statusCode).toBe(403);
    // A form-style text/plain body, the one a cross-site page can send without a preflight, is not accepted.
    const plain = await t.app.inject({ method: "POST", url: "/api/auth/login", headers: { "content-type": "text/plain" }, payload: "username=csrf1" });
    expect(plain.statusCode).toBe(415);
    // Same-origin with the right token still works.
    expect((await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { ...headers, [csrfHeader]: a.info.csrfToken, origin: "http://localhost:3000", host: "localhost:3000" } })).statusCode).toBe(204);
  });

  it("applies the password policy and ends the user's other sessions on change", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "changer", displayName: "张三" });
    const a = await loginAs(t, "changer");
    const other = await loginAs(t, "changer");
    const weak = await a.post("/api/auth/password", { currentPassword: defaultTestPassword, newPassword: "short1A" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ fields: Record<string, string> }>().fields.newPassword).toMatch(/12/);
    const common = await a.post("/api/auth/password", { currentPassword: defaultTestPassword, newPassword: "Abcdefg1" });
    expect(common.statusCode).toBe(400);
    const context = await a.post("/api/auth/password", { currentPassword: defaultTestPassword, newPassword: "Changer#2026" });
    expect(context.statusCode).toBe(400);
    expect(context.json<{ fields: Record<string, string> }>().fields.newPassword).toContain("changer");
    const wrongCurrent = await a.post("/api/auth/password", { currentPassword: "Nope#12345", newPassword: "Gd7#mountain-x" });
    expect(wrongCurrent.json<{ fields: Record<string, string> }>().fields).toEqual({ currentPassword: "当前密码不正确" });
    expect((await a.post("/api/auth/password", { currentPassword: defaultTestPassword, newPassword: "Gd7#mountain-x" })).statusCode).toBe(204);
    expect((await a.get("/api/auth/me")).statusCode).toBe(200);
    expect((await other.get("/api/auth/me")).statusCode).toBe(401);
    expect((await login("changer", "Gd7#mountain-x")).statusCode).toBe(200);
  });
});

describe("first administrator outside demo mode", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite", { JIANGXIN_ADMIN_USERNAME: "Admin", JIANGXIN_ADMIN_PASSWORD: "Configured#Secret1" });
  });
  afterAll(() => t.close());

  it("is created from configuration once and must change its password before anything else", async () => {
    const { ensureFirstAdmin } = await import("./ensureFirstAdmin");
    expect(await ensureFirstAdmin(t.ctx)).toBe("created");
    expect(await ensureFirstAdmin(t.ctx)).toBe("exists");
    const a = await loginAs(t, "admin", "Configured#Secret1");
    expect(a.info.user.mustChangePassword).toBe(true);
    const blocked = await a.get("/api/enterprises");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ code: string }>().code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect((await a.get("/api/auth/me")).statusCode).toBe(200);
    expect((await a.post("/api/auth/password", { currentPassword: "Configured#Secret1", newPassword: "Qiandao#Lake9x" })).statusCode).toBe(204);
    expect((await a.get("/api/enterprises")).statusCode).toBe(200);
  });

  it("demo accounts do not exist outside demo data", async () => {
    expect((await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "province", password: defaultTestPassword } })).statusCode).toBe(401);
  });
});

describe("per-address limit and HTTPS", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite", { JIANGXIN_AUTH_RATE_LIMIT: "10", JIANGXIN_COOKIE_SECURE: "1" });
  });
  afterAll(() => t.close());

  it("stops one address trying many names, while another address still logs in", async () => {
    await makeUser(t.ctx.database.db, "county", { username: "victim" });
    const from = (remoteAddress: string, username: string, password: string) =>
      t.app.inject({ method: "POST", url: "/api/auth/login", remoteAddress, payload: { username, password } });
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await from("10.9.9.9", `name${i}`, "Wrong#Pass123")).statusCode);
    expect(answers.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(answers.slice(10)).toEqual([429, 429]);
    expect((await from("10.9.9.9", "victim", defaultTestPassword)).statusCode).toBe(429);
    const owner = await from("10.1.1.1", "victim", defaultTestPassword);
    expect(owner.statusCode).toBe(200);
    // Served over HTTPS (configured): the session cookie is Secure, and HSTS is sent.
    expect(owner.cookies.find((c) => c.name === sessionCookie)).toMatchObject({ secure: true, httpOnly: true });
    expect(owner.headers["strict-transport-security"]).toContain("max-age=");
  });
});
