import { sessionCookie, type TotpEnrolment, type TotpStatus } from "@jiangxin/domain";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultTestPassword, makeUser } from "../../../fixtures/factories";
import { loginAs, startTestApp, type TestApp } from "../../../testing/testApp";

describe("TOTP second factor (required for province and city administrators)", () => {
  let t: TestApp;
  const login = (username: string, totpCode?: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password: defaultTestPassword, ...(totpCode ? { totpCode } : {}) } });
  const codeAt = (secret: string) => generate({ secret, epoch: Math.floor(t.ctx.now().getTime() / 1000) });

  beforeAll(async () => {
    t = await startTestApp("pglite", { JIANGXIN_REQUIRE_TOTP: "1" });
    await makeUser(t.ctx.database.db, "city", { username: "hz-admin", regionCode: "330100" });
    await makeUser(t.ctx.database.db, "county", { username: "cn-staff", regionCode: "330127" });
  });
  afterAll(() => t.close());

  it("holds a city administrator at enrolment until a first code is confirmed, then asks for a code at every login", async () => {
    const a = await loginAs(t, "hz-admin");
    const blocked = await a.get("/api/enterprises");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ code: string }>().code).toBe("TOTP_ENROLMENT_REQUIRED");
    expect((await a.get("/api/auth/totp")).json<TotpStatus>()).toEqual({ enabled: false, required: true });

    const enrolment = (await a.post("/api/auth/totp/enrol")).json<TotpEnrolment>();
    expect(enrolment.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await a.post("/api/auth/totp/confirm", { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    const confirmed = await a.post("/api/auth/totp/confirm", { code: await codeAt(enrolment.secret) });
    expect(confirmed.json<TotpStatus>()).toEqual({ enabled: true, required: true });
    expect((await a.get("/api/enterprises")).statusCode).toBe(200);

    // Logging in again: the password alone is not enough; a wrong code counts like a wrong password.
    const noCode = await login("hz-admin");
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json<{ code: string }>().code).toBe("TOTP_REQUIRED");
    expect(noCode.cookies.find((c) => c.name === sessionCookie)).toBeUndefined();
    expect((await login("hz-admin", "123456")).json<{ code: string }>().code).toBe("LOGIN_FAILED");
    t.advance(60_000); // the confirmation used this step's code: a new step, a new code
    const code = await codeAt(enrolment.secret);
    expect((await login("hz-admin", code)).statusCode).toBe(200);
    // The same code cannot be used twice.
    expect((await login("hz-admin", code)).json<{ code: string }>().code).toBe("LOGIN_FAILED");
  });

  it("leaves other roles free to work without one, and keeps the secret encrypted at rest", async () => {
    const a = await loginAs(t, "cn-staff");
    expect((await a.get("/api/enterprises")).statusCode).toBe(200);
    expect((await a.get("/api/auth/totp")).json<TotpStatus>()).toEqual({ enabled: false, required: false });
    const enrolment = (await a.post("/api/auth/totp/enrol")).json<TotpEnrolment>();
    const { userTotp } = await import("./tables");
    const rows = await t.ctx.database.db.select().from(userTotp);
    expect(rows.map((r) => r.secretEnc).join()).not.toContain(enrolment.secret);
  });
});
