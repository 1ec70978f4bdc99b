import { csrfHeader, sessionCookie, type Expert, type ExpertSuggestion, type PlanResult, type Role, type TradeCode } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../fixtures/factories";
import { makeExpert } from "../../fixtures/makeExpert";
import { makeProblem } from "../../programmes/flagship/demo/makeProblem";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { auditLog } from "../../platform/audit/tables";
import { experts } from "./tables";

const welding: TradeCode = "6-18-02-04";
type Who = "me" | "other" | "chunan" | "firm";

// Two welders in 淳安, one problem of their trade there. "me" is the expert login linked to welder A;
// "other" an expert login linked to welder B. The 淳安 union edits both through the staff route.
describe.each(testDatabaseKinds)("an expert's own availability on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  const id = { mine: "", theirs: "", problem: "" };
  const patch = (who: Who, body: unknown) =>
    t.app.inject({
      method: "PATCH",
      url: "/api/experts/me/availability",
      headers: { cookie: `${sessionCookie}=${agents[who].cookie}`, [csrfHeader]: agents[who].info.csrfToken },
      payload: body as object,
    });
  const availabilityOf = async (expertId: string) =>
    (await t.ctx.database.db.select({ a: experts.availability }).from(experts).where(eq(experts.id, expertId)))[0]?.a;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    const firm = await makeEnterprise(db, cipher, { countyCode: "330127" });
    id.problem = (await makeProblem(db, { enterpriseId: firm.id, countyCode: "330127", trade: welding, status: "accepted" })).id;
    const users: [Who, Role, { regionCode?: string | null; enterpriseId?: string }][] = [
      ["me", "expert", { regionCode: null }],
      ["other", "expert", { regionCode: null }],
      ["chunan", "county", { regionCode: "330127" }],
      ["firm", "enterprise", { regionCode: null, enterpriseId: firm.id }],
    ];
    const userIds = {} as Record<Who, string>;
    for (const [who, role, fields] of users) userIds[who] = (await makeUser(db, role, { username: `${kind}-self-${who}`, ...fields })).id;
    id.mine = (await makeExpert(db, cipher, { name: "自主焊工", homeCountyCode: "330127", trades: [welding], userId: userIds.me })).id;
    id.theirs = (await makeExpert(db, cipher, { name: "同县焊工", homeCountyCode: "330127", trades: [welding], userId: userIds.other })).id;
    for (const [who] of users) agents[who] = await loginAs(t, `${kind}-self-${who}`);
  });
  afterAll(() => t.close());

  it("lets the expert pause its own service, with the note in the audit row, and nobody else's", async () => {
    const res = await patch("me", { available: false, note: "  出差至5月20日  " });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Expert>()).toMatchObject({ id: id.mine, availability: "unavailable" });
    expect(await availabilityOf(id.mine)).toBe("unavailable");
    expect(await availabilityOf(id.theirs)).toBe("available");
    const rows = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id.mine), eq(auditLog.action, "expert.setOwnAvailability")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: `${kind}-self-me`, role: "expert", detail: { from: "available", to: "unavailable", note: "出差至5月20日" } });

    const back = await patch("me", { available: true });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<Expert>().availability).toBe("available");
    expect(await availabilityOf(id.theirs)).toBe("available");
  });

  it("refuses staff and enterprise accounts (403), and the staff route stays the staff's", async () => {
    for (const who of ["chunan", "firm"] as const) {
      const res = await patch(who, { available: false });
      expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
    }
    expect(await availabilityOf(id.mine)).toBe("available");
    // The expert holds the narrow permission only: the id-addressed staff route is still closed to it.
    const staffRoute = await t.app.inject({
      method: "PATCH",
      url: `/api/experts/${id.theirs}/availability`,
      headers: { cookie: `${sessionCookie}=${agents.me.cookie}`, [csrfHeader]: agents.me.info.csrfToken },
      payload: { availability: "unavailable" },
    });
    expect(staffRoute.statusCode).toBe(403);
    expect(await availabilityOf(id.theirs)).toBe("available");
  });

  it("answers a bad body with 400 and a Chinese message on the field", async () => {
    const missing = await patch("me", { note: "生病" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ fields: Record<string, string> }>().fields.available).toBe("请选择是否可服务");
    const long = await patch("me", { available: false, note: "病".repeat(201) });
    expect(long.statusCode).toBe(400);
    expect(long.json<{ fields: Record<string, string> }>().fields.note).toBe("说明不超过200个字");
    const extra = await patch("me", { available: false, expertId: id.theirs });
    expect(extra.statusCode).toBe(400);
    expect(await availabilityOf(id.mine)).toBe("available");
    expect(await availabilityOf(id.theirs)).toBe("available");
  });

  it("leaves an expert who paused itself out of the plan and of the problem's suggestions", async () => {
    const suggested = async () =>
      (await agents.chunan.get(`/api/problems/${id.problem}/suggestions`)).json<{ items: ExpertSuggestion[] }>().items.map((s) => s.expert.id);
    const planned = async () => {
      const res = await agents.chunan.post("/api/plans/compute", {});
      expect(res.statusCode, res.body).toBe(200);
      return res.json<PlanResult>().assignments.map((a) => a.expertId);
    };
    expect(await suggested()).toContain(id.mine);

    expect((await patch("me", { available: false, note: "生病住院" })).statusCode).toBe(200);
    expect((await patch("other", { available: false })).statusCode).toBe(200);
    expect(await suggested()).toEqual([]);
    expect(await planned()).toEqual([]);

    expect((await patch("me", { available: true })).statusCode).toBe(200);
    expect(await suggested()).toEqual([id.mine]);
    expect(await planned()).toEqual([id.mine]);
  });
});
