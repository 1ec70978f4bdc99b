import type { Enterprise, Role } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUscc, makeUser } from "../fixtures/factories";
import { makeExpert } from "../fixtures/makeExpert";
import { makeProblem } from "../programmes/flagship/demo/makeProblem";
import { federationOf, unions } from "../masterData/unions";
import { problemTeamMembers } from "../programmes/flagship/problems/tables";
import { loginAs, startTestApp, type Agent, type TestApp } from "../testing/testApp";
import { testDatabaseKinds } from "../testing/testDatabases";

// The scoping table: who may see which enterprise. A = 淳安 (Hangzhou), B = 武义 (Jinhua), C = 上城区 (Hangzhou).
// jiceng is a grassroots-union account (role union) on a union in 淳安: it reaches unions, not regional records.
type Who = "province" | "hangzhou" | "chunan" | "wuyi" | "firmA" | "expert" | "worker" | "jiceng";
const sees: Record<Who, { A: number; B: number; C: number }> = {
  province: { A: 200, B: 200, C: 200 },
  hangzhou: { A: 200, B: 404, C: 200 },
  chunan: { A: 200, B: 404, C: 404 },
  wuyi: { A: 404, B: 200, C: 404 },
  firmA: { A: 200, B: 404, C: 404 },
  // The expert helps on problem P of firm A (below): it opens the firm it visits, and no other.
  expert: { A: 200, B: 404, C: 404 },
  worker: { A: 403, B: 403, C: 403 },
  jiceng: { A: 403, B: 403, C: 403 },
};
// Who may list enterprises at all: an expert opens the firms it serves one by one, it gets no list.
const lists = (who: Who): boolean => who !== "expert" && sees[who].A !== 403;
// Creating an enterprise in a county: 201 inside the actor's scope, 403 outside it or without the permission.
const creates: Record<Who, { "330127": number; "330723": number }> = {
  province: { "330127": 201, "330723": 201 },
  hangzhou: { "330127": 201, "330723": 403 },
  chunan: { "330127": 201, "330723": 403 },
  wuyi: { "330127": 403, "330723": 201 },
  firmA: { "330127": 403, "330723": 403 },
  expert: { "330127": 403, "330723": 403 },
  worker: { "330127": 403, "330723": 403 },
  jiceng: { "330127": 403, "330723": 403 },
};
// Problems: P in 淳安 (firm A) owned by another expert with the expert account's expert as 协助专家;
// Q beside it, owned by that other expert alone. An expert sees what it serves on, and nothing else.
const seesProblem: Record<Who, { P: number; Q: number }> = {
  province: { P: 200, Q: 200 },
  hangzhou: { P: 200, Q: 200 },
  chunan: { P: 200, Q: 200 },
  wuyi: { P: 404, Q: 404 },
  firmA: { P: 200, Q: 200 },
  expert: { P: 200, Q: 404 },
  worker: { P: 403, Q: 403 },
  jiceng: { P: 403, Q: 403 },
};
const auditStatus: Record<Who, number> = { province: 200, hangzhou: 200, chunan: 403, wuyi: 403, firmA: 403, expert: 403, worker: 403, jiceng: 403 };

describe.each(testDatabaseKinds)("access scoping on %s", (kind) => {
  let t: TestApp;
  const ids = { A: "", B: "", C: "" };
  const problemIds = { P: "", Q: "" };
  const agents = {} as Record<Who, Agent>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const a = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安甲企业" });
    const b = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330723", name: "武义乙企业" });
    const c = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330102", name: "上城丙企业" });
    Object.assign(ids, { A: a.id, B: b.id, C: c.id });
    const [union] = await db
      .insert(unions)
      .values({ name: "淳安甲企业工会委员会", kind: "grassroots", formation: "single", regionCode: "330127", parentId: (await federationOf(db, "330127"))?.id ?? null })
      .returning();
    const users: [Who, Role, { regionCode?: string | null; enterpriseId?: string; unionId?: string }][] = [
      ["province", "province", { regionCode: "330000" }],
      ["hangzhou", "city", { regionCode: "330100" }],
      ["chunan", "county", { regionCode: "330127" }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["firmA", "enterprise", { regionCode: null, enterpriseId: a.id }],
      ["expert", "expert", { regionCode: null }],
      ["worker", "worker", { regionCode: null }],
      ["jiceng", "union", { regionCode: null, unionId: union?.id }],
    ];
    for (const [who, role, fields] of users) {
      const user = await makeUser(db, role, { username: `${kind}-${who}`, ...fields });
      if (who === "expert") {
        const own = await makeExpert(db, t.ctx.cipher, { name: "协助的专家", userId: user.id });
        const other = await makeExpert(db, t.ctx.cipher, { name: "负责的专家" });
        const trade = "6-18-02-04" as const;
        problemIds.P = (await makeProblem(db, { enterpriseId: a.id, countyCode: "330127", trade, status: "matched", ownerExpertId: other.id, teamSize: 2 })).id;
        problemIds.Q = (await makeProblem(db, { enterpriseId: a.id, countyCode: "330127", trade, status: "matched", ownerExpertId: other.id })).id;
        await db.insert(problemTeamMembers).values({ problemId: problemIds.P, expertId: own.id });
      }
      agents[who] = await loginAs(t, `${kind}-${who}`);
    }
  });
  afterAll(() => t.close());

  const whos = Object.keys(sees) as Who[];

  it.each(whos)("%s opens each enterprise by id with the expected status", async (who) => {
    for (const key of ["A", "B", "C"] as const) {
      const detail = await agents[who].get(`/api/enterprises/${ids[key]}`);
      expect(detail.statusCode, `${who} GET ${key}`).toBe(sees[who][key]);
      const phone = await agents[who].get(`/api/enterprises/${ids[key]}/contact-phone`);
      expect(phone.statusCode, `${who} phone ${key}`).toBe(sees[who][key]);
    }
  });

  it.each(whos)("%s lists exactly the enterprises it may open", async (who) => {
    const res = await agents[who].get("/api/enterprises?pageSize=200");
    if (!lists(who)) {
      expect(res.statusCode).toBe(403);
      return;
    }
    expect(res.statusCode).toBe(200);
    const listed = new Set(res.json<{ items: Enterprise[] }>().items.map((e) => e.id));
    for (const key of ["A", "B", "C"] as const) expect(listed.has(ids[key]), `${who} lists ${key}`).toBe(sees[who][key] === 200);
  });

  it.each(whos)("%s creates enterprises only inside its scope", async (who) => {
    for (const county of ["330127", "330723"] as const) {
      const res = await agents[who].post("/api/enterprises", {
        uscc: makeUscc(county),
        name: `${who}新建企业${county}`,
        industry: "C",
        countyCode: county,
        size: "small",
        nonPublic: true,
        contactName: "李主任",
        contactPhone: "13812345678",
      });
      expect(res.statusCode, `${who} create in ${county}: ${res.body}`).toBe(creates[who][county]);
    }
  });

  it.each(whos)("%s opens and lists problems it owns, serves on as 协助专家, or covers by region", async (who) => {
    const listed = await agents[who].get("/api/problems?pageSize=200");
    expect(listed.statusCode).toBe(seesProblem[who].P === 403 ? 403 : 200);
    const ids = listed.statusCode === 200 ? new Set(listed.json<{ items: { id: string }[] }>().items.map((p) => p.id)) : new Set<string>();
    for (const key of ["P", "Q"] as const) {
      const detail = await agents[who].get(`/api/problems/${problemIds[key]}`);
      expect(detail.statusCode, `${who} GET ${key}`).toBe(seesProblem[who][key]);
      if (listed.statusCode === 200) expect(ids.has(problemIds[key]), `${who} lists ${key}`).toBe(seesProblem[who][key] === 200);
    }
  });

  it.each(whos)("%s reads the audit trail only with the permission, and only its region's", async (who) => {
    const res = await agents[who].get("/api/audit?pageSize=200");
    expect(res.statusCode).toBe(auditStatus[who]);
    if (who === "hangzhou") {
      const regions = new Set(res.json<{ items: { regionCode: string | null }[] }>().items.map((i) => i.regionCode));
      expect(regions.has("330127")).toBe(true); // 淳安's staff logged in: Hangzhou sees it
      expect(regions.has("330723")).toBe(false); // 武义 is Jinhua's
      expect(regions.has("330000")).toBe(false);
    }
  });

  it("a city's region filter cannot widen its scope", async () => {
    const res = await agents.hangzhou.get("/api/enterprises?regionCode=330723");
    expect(res.statusCode).toBe(200);
    expect(res.json<{ total: number }>().total).toBe(0);
  });
});
