import { todayInChina } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeMember } from "../../fixtures/makeMember";
import { auditLog } from "../../platform/audit/tables";
import { AppError } from "../../platform/errors";
import { startTestApp, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { federationOf } from "../unions";
import { isMember, membershipOf, recordBenefit } from ".";
import { benefitLedger } from "./tables";

const actor = { userId: null, username: "test", role: "county", regionCode: "330127", ip: "127.0.0.1" };
const daysAgo = (n: number) => todayInChina(new Date(Date.now() - n * 86_400_000));

describe.each(testDatabaseKinds)("members' ledger and isMember on %s", (kind) => {
  let t: TestApp;
  let unionA = "";
  let unionB = "";
  const record = (personId: string, itemCode: string, sourceKey: string, occurredOn = todayInChina(new Date())) =>
    t.ctx.database.db.transaction((tx) => recordBenefit(tx, { personId, itemCode, occurredOn, programme: "test", sourceKey, actor }));
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
      return null;
    } catch (err) {
      return err instanceof AppError ? err.message : String(err);
    }
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    unionA = (await federationOf(t.ctx.database.db, "330127"))?.id ?? "";
    unionB = (await federationOf(t.ctx.database.db, "330723"))?.id ?? "";
  });
  afterAll(() => t.close());

  it("answers who is a member by the status rules, across a transfer and after its grace", async () => {
    const db = t.ctx.database.db;
    const never = await makeMember(db, t.ctx, { periods: [{ unionId: unionA, status: "pending", since: null }] });
    const active = await makeMember(db, t.ctx, { periods: [{ unionId: unionA, status: "active", since: "2023-03-01" }] });
    const moving = await makeMember(db, t.ctx, {
      periods: [
        { unionId: unionA, status: "transferred", since: "2023-03-01", until: daysAgo(10) },
        { unionId: unionB, status: "pending", since: null },
      ],
    });
    const movedLongAgo = await makeMember(db, t.ctx, { periods: [{ unionId: unionA, status: "transferred", since: "2022-01-01", until: daysAgo(200) }] });
    const left = await makeMember(db, t.ctx, { periods: [{ unionId: unionA, status: "left", since: "2022-01-01", until: daysAgo(5) }] });
    const moved = await makeMember(db, t.ctx, {
      periods: [
        { unionId: unionA, status: "transferred", since: "2021-06-01", until: "2024-01-01" },
        { unionId: unionB, status: "active", since: "2024-01-01" },
      ],
    });
    expect(await isMember(db, never.personId)).toBe(false);
    expect(await membershipOf(db, never.personId)).toBeNull();
    expect(await isMember(db, active.personId)).toBe(true);
    expect((await membershipOf(db, moving.personId))?.status).toBe("transferred");
    expect(await isMember(db, moving.personId)).toBe(true);
    expect((await membershipOf(db, movedLongAgo.personId))?.status).toBe("lapsed");
    expect(await isMember(db, movedLongAgo.personId)).toBe(false);
    expect((await membershipOf(db, left.personId))?.status).toBe("left");
    expect(await isMember(db, left.personId)).toBe(false);
    // Before leaving they were a member: the date asked decides.
    expect(await isMember(db, left.personId, "2023-01-01")).toBe(true);
    const m = await membershipOf(db, moved.personId);
    expect(m).toMatchObject({ status: "active", joinedOn: "2021-06-01", unionId: unionB });
    expect(m?.periods).toHaveLength(2);
  });

  it("records a benefit once per source key, audited, and refuses non-members, the ineligible and over the limit", async () => {
    const db = t.ctx.database.db;
    const member = await makeMember(db, t.ctx, { periods: [{ unionId: unionA, status: "active", since: "2023-03-01" }] });
    const outsider = await makeMember(db, t.ctx);
    const first = await record(member.personId, "healthCheck", "test:hc:1");
    const again = await record(member.personId, "healthCheck", "test:hc:1");
    expect(first.created).toBe(true);
    expect(again).toEqual({ entryId: first.entryId, created: false });
    const rows = await db.select().from(benefitLedger).where(eq(benefitLedger.personId, member.personId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ countyCode: "330127", unionId: unionA, programme: "test" });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "benefit.record"), eq(auditLog.objectId, first.entryId)));
    expect(audits).toHaveLength(1);

    // healthCheck: once a year.
    expect(await refusal(record(member.personId, "healthCheck", "test:hc:2"))).toBe("本年度该项目已达次数上限");
    expect((await record(member.personId, "healthCheck", "test:hc:last-year", "2025-05-01")).created).toBe(true);
    expect(await refusal(record(outsider.personId, "visit", "test:visit:outsider"))).toBe("不是在会会员，不能享受普惠服务");
    expect(await refusal(record(member.personId, "noSuchItem", "test:none"))).toBe("没有这个普惠服务项目");
    // 疗休养 needs 180 days of membership.
    const newcomer = await makeMember(db, t.ctx, { periods: [{ unionId: unionA, status: "active", since: daysAgo(30) }] });
    expect(await refusal(record(newcomer.personId, "recuperation", "test:rec:new"))).toBe("不符合该项目的享受条件");
    expect((await record(member.personId, "recuperation", "test:rec:old")).created).toBe(true);
  });

  it("counts the yearly limit right when two records of the same item race", async () => {
    const db = t.ctx.database.db;
    const member = await makeMember(db, t.ctx, { periods: [{ unionId: unionA, status: "active", since: "2023-03-01" }] });
    const results = await Promise.allSettled([record(member.personId, "healthCheck", "race:a"), record(member.personId, "healthCheck", "race:b")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rows = await db.select().from(benefitLedger).where(eq(benefitLedger.personId, member.personId));
    expect(rows).toHaveLength(1);
  });
});
