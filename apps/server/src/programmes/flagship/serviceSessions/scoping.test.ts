import type { Role } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgreement } from "../demo/makeAgreement";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { makeServiceSession } from "../demo/makeServiceSession";
import { makeTraining } from "../demo/makeTraining";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";

// Who sees which session, agreement and training. A = 淳安 (Hangzhou) at firm A with expert X on the
// team, B = 武义 (Jinhua), C = 上城区 (Hangzhou). Expert Y is on no team.
type Who = "province" | "hangzhou" | "chunan" | "wuyi" | "firmA" | "expertX" | "expertY" | "worker";
const sees: Record<Who, { A: number; B: number; C: number }> = {
  province: { A: 200, B: 200, C: 200 },
  hangzhou: { A: 200, B: 404, C: 200 },
  chunan: { A: 200, B: 404, C: 404 },
  wuyi: { A: 404, B: 200, C: 404 },
  firmA: { A: 200, B: 404, C: 404 },
  expertX: { A: 200, B: 404, C: 404 },
  expertY: { A: 404, B: 404, C: 404 },
  worker: { A: 403, B: 403, C: 403 },
};
const kinds = [
  ["service sessions", "/api/service-sessions"],
  ["agreements", "/api/agreements"],
  ["trainings", "/api/trainings"],
] as const;
type Kind = (typeof kinds)[number][0];

describe.each(testDatabaseKinds)("session, agreement and training scoping on %s", (kind) => {
  let t: TestApp;
  const ids = {} as Record<Kind, { A: string; B: string; C: string }>;
  const agents = {} as Record<Who, Agent>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const cipher = t.ctx.cipher;
    const firms = {
      A: await makeEnterprise(db, cipher, { countyCode: "330127", name: "淳安甲机械有限公司" }),
      B: await makeEnterprise(db, cipher, { countyCode: "330723", name: "武义乙五金有限公司" }),
      C: await makeEnterprise(db, cipher, { countyCode: "330102", name: "上城丙科技有限公司" }),
    };
    const xUser = await makeUser(db, "expert", { username: `${kind}-expertX`, regionCode: null });
    const yUser = await makeUser(db, "expert", { username: `${kind}-expertY`, regionCode: null });
    const x = await makeExpert(db, cipher, { name: "陈建华", userId: xUser.id });
    await makeExpert(db, cipher, { name: "李国强", userId: yUser.id });
    const other = await makeExpert(db, cipher, { name: "王立新" });
    for (const key of ["A", "B", "C"] as const) {
      const firm = firms[key];
      const team = key === "A" ? [x.id, other.id] : [other.id];
      const s = await makeServiceSession(db, { countyCode: firm.countyCode, enterpriseIds: [firm.id], expertIds: team });
      const a = await makeAgreement(db, { enterpriseId: firm.id, countyCode: firm.countyCode, expertIds: team, sessionId: s.id });
      const tr = await makeTraining(db, { countyCode: firm.countyCode, enterpriseId: firm.id, trainerExpertIds: team, sessionId: s.id });
      for (const [k, id] of [["service sessions", s.id], ["agreements", a.id], ["trainings", tr.id]] as const) {
        ids[k] = { ...(ids[k] ?? { A: "", B: "", C: "" }), [key]: id };
      }
    }
    const users: [Who, Role, { regionCode?: string | null; enterpriseId?: string }][] = [
      ["province", "province", { regionCode: "330000" }],
      ["hangzhou", "city", { regionCode: "330100" }],
      ["chunan", "county", { regionCode: "330127" }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["firmA", "enterprise", { regionCode: null, enterpriseId: firms.A.id }],
      ["worker", "worker", { regionCode: null }],
    ];
    for (const [who, role, fields] of users) await makeUser(db, role, { username: `${kind}-${who}`, ...fields });
    for (const who of Object.keys(sees) as Who[]) agents[who] = await loginAs(t, `${kind}-${who}`);
  });
  afterAll(() => t.close());

  const cases = kinds.flatMap(([k, url]) => (Object.keys(sees) as Who[]).map((who) => [k, url, who] as const));

  it.each(cases)("%s: %s opens and lists exactly what it may (%s)", async (k, url, who) => {
    const list = await agents[who].get(`${url}?pageSize=200`);
    if (sees[who].A === 403) {
      expect(list.statusCode).toBe(403);
    } else {
      expect(list.statusCode).toBe(200);
      const listed = new Set(list.json<{ items: { id: string }[] }>().items.map((i) => i.id));
      for (const key of ["A", "B", "C"] as const) expect(listed.has(ids[k][key]), `${who} lists ${k} ${key}`).toBe(sees[who][key] === 200);
    }
    for (const key of ["A", "B", "C"] as const) {
      const res = await agents[who].get(`${url}/${ids[k][key]}`);
      expect(res.statusCode, `${who} GET ${k} ${key}`).toBe(sees[who][key]);
    }
  });

  it.each(Object.keys(sees) as Who[])("three lists of a session follow the same table (%s)", async (who) => {
    for (const key of ["A", "B", "C"] as const) {
      const res = await agents[who].get(`/api/service-sessions/${ids["service sessions"][key]}/three-lists`);
      expect(res.statusCode, `${who} three-lists ${key}`).toBe(sees[who][key]);
    }
  });
});
