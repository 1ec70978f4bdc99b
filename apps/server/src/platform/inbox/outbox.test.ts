import { type OutboxMessage, type OutboxState } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../fixtures/factories";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { auditLog } from "../audit/tables";
import { enqueueOutside } from "./index";
import { upsertIntegrationAccount } from "./integrationAccount";
import { outbox } from "./tables";

const minute = 60 * 1000;

describe.each(testDatabaseKinds)("outbox drain on %s", (kind) => {
  let t: TestApp;
  let senderA: Agent;
  let senderB: Agent;
  const claim = async (who: Agent, query: string) => {
    const res = await who.get(`/api/outbox/pending?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: OutboxMessage[] }>().items;
  };
  const queue = (n: number, channel: "sms" | "zzd" = "sms") =>
    t.ctx.database.db.transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const phone = `1390000${String(i).padStart(4, "0")}`;
        const at = new Date(t.ctx.now().getTime() + i);
        ids.push(await enqueueOutside(tx, { channel, recipient: { encrypted: t.ctx.cipher.encrypt(phone), masked: "139****" + phone.slice(-4) }, text: `第${i}条`, at }));
      }
      return ids;
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const a = await makeUser(db, "integration", { username: `${kind}-sender-a`, regionCode: null });
    const b = await makeUser(db, "integration", { username: `${kind}-sender-b`, regionCode: null });
    senderA = await loginAs(t, a.username);
    senderB = await loginAs(t, b.username);
  });
  afterAll(() => t.close());

  it("two senders draining at once never get the same message, and together get all of them", async () => {
    const ids = await queue(30);
    await queue(3, "zzd");
    const [a, b] = await Promise.all([claim(senderA, "channel=sms&limit=20"), claim(senderB, "channel=sms&limit=20")]);
    const got = [...a, ...b].map((m) => m.id);
    expect(new Set(got).size).toBe(got.length);
    expect(got.sort()).toEqual([...ids].sort());
    expect(Math.max(a.length, b.length)).toBe(20);
    // Each sender's batch is oldest first, with the recipient in clear and the first attempt counted.
    const batch = a.length === 20 ? a : b;
    expect(batch.map((m) => Number(m.text.slice(1, -1)))).toEqual([...batch.map((m) => Number(m.text.slice(1, -1)))].sort((x, y) => x - y));
    expect(batch[0]?.recipient).toMatch(/^1390000\d{4}$/);
    expect(batch[0]?.attempts).toBe(1);
    // Nothing left to claim on sms while the leases run; the other channel is untouched.
    expect(await claim(senderA, "channel=sms")).toEqual([]);
    expect(await claim(senderB, "channel=zzd")).toHaveLength(3);
    // The claims are audited: decrypted recipients left the system.
    const audits = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "outbox.claim"));
    expect(audits.length).toBeGreaterThanOrEqual(3);
  });

  it("a lapsed claim is handed out again; sent is final and may be reported twice", async () => {
    t.advance(6 * minute);
    const again = await claim(senderB, "channel=sms&limit=100");
    expect(again).toHaveLength(30);
    expect(again[0]?.attempts).toBe(2);
    const first = again[0]?.id ?? "";
    const sent = await senderB.post(`/api/outbox/${first}/sent`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json<OutboxState>()).toMatchObject({ status: "sent", attempts: 2 });
    expect((await senderA.post(`/api/outbox/${first}/sent`)).json<OutboxState>().status).toBe("sent");
    const failedAfter = await senderA.post(`/api/outbox/${first}/failed`, { error: "迟到的失败" });
    expect(failedAfter.statusCode).toBe(409);
    t.advance(6 * minute);
    // The sent one is never claimed again.
    expect((await claim(senderA, "channel=sms&limit=100")).map((m) => m.id)).not.toContain(first);
  });

  it("a failure is retried after a back-off, a permanent one or the fifth gives up", async () => {
    const [id] = await queue(1, "zzd");
    const claimOne = async () => (await claim(senderA, "channel=zzd&limit=100")).find((m) => m.id === id);
    expect(await claimOne()).toBeDefined();
    const res = await senderA.post(`/api/outbox/${id}/failed`, { error: "网关超时" });
    expect(res.statusCode, res.body).toBe(200);
    const state = res.json<OutboxState>();
    expect(state).toMatchObject({ status: "pending", attempts: 1, lastError: "网关超时" });
    expect(state.nextAttemptAt).not.toBeNull();
    // Not before its back-off (1 minute after the first attempt), even though its claim was released.
    expect(await claimOne()).toBeUndefined();
    for (let attempt = 2; attempt <= 5; attempt++) {
      t.advance(20 * minute); // within the session's 30-minute idle limit, beyond the 16-minute back-off
      const m = await claimOne();
      expect(m?.attempts).toBe(attempt);
      const r = (await senderA.post(`/api/outbox/${id}/failed`, { error: `第${attempt}次失败` })).json<OutboxState>();
      expect(r.status).toBe(attempt < 5 ? "pending" : "failed");
    }
    t.advance(20 * minute);
    expect(await claimOne()).toBeUndefined();

    const [other] = await queue(1, "zzd");
    t.advance(minute);
    expect((await claim(senderA, "channel=zzd")).map((m) => m.id)).toContain(other);
    const permanent = await senderA.post(`/api/outbox/${other}/failed`, { error: "号码不存在", permanent: true });
    expect(permanent.json<OutboxState>()).toMatchObject({ status: "failed", lastError: "号码不存在", nextAttemptAt: null });
    const [row] = await t.ctx.database.db.select().from(outbox).where(eq(outbox.id, other ?? ""));
    expect(row?.status).toBe("failed");
  });

  it("refuses reports on unknown or unclaimed messages and bad input, in Chinese", async () => {
    const [fresh] = await queue(1, "wechat" as "sms");
    expect((await senderA.post(`/api/outbox/${fresh}/sent`)).statusCode).toBe(409);
    expect((await senderA.post("/api/outbox/00000000-0000-4000-8000-000000000000/sent")).statusCode).toBe(404);
    const noError = await senderA.post(`/api/outbox/${fresh}/failed`, {});
    expect(noError.statusCode).toBe(400);
    expect(noError.body).toMatch(/error|失败原因/);
    const badChannel = await senderA.get("/api/outbox/pending?channel=fax");
    expect(badChannel.statusCode).toBe(400);
    const tooMany = await senderA.get("/api/outbox/pending?channel=sms&limit=1000");
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toMatch(/limit 最多为100/);
  });

  it("an operator creates a sender's account (or resets its password) without code; names and passwords are checked", async () => {
    expect(await upsertIntegrationAccount(t.ctx, `${kind}-SMS-Gateway`, "Wangguan#2026ok")).toBe("created");
    const gateway = await loginAs(t, `${kind}-sms-gateway`, "Wangguan#2026ok");
    expect(gateway.info.user.role).toBe("integration");
    expect(gateway.info.permissions).toEqual(["outbox.drain"]);
    expect((await gateway.get("/api/outbox/pending?channel=sms")).statusCode).toBe(200);
    expect(await upsertIntegrationAccount(t.ctx, `${kind}-sms-gateway`, "Xinmima#2027ok")).toBe("updated");
    await loginAs(t, `${kind}-sms-gateway`, "Xinmima#2027ok");
    await expect(upsertIntegrationAccount(t.ctx, `${kind}-weak`, "123456")).rejects.toThrow(/密码/);
    const staff = await makeUser(t.ctx.database.db, "county", { username: `${kind}-taken` });
    await expect(upsertIntegrationAccount(t.ctx, staff.username, "Wangguan#2026ok")).rejects.toThrow(/已被其他角色/);
  });
});
