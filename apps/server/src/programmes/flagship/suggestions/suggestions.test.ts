import type { ExpertSuggestion, Role } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { problems } from "../problems/tables";
import { serviceSessions, sessionEnterprises, sessionExperts } from "../serviceSessions/tables";

const welding = "6-18-02-04";
const turning = "6-18-01-01";

type Who = "province" | "hangzhou" | "chunan" | "wuyi" | "firm" | "expert" | "worker";
// P is a problem of an enterprise in 淳安 (330127), Q one in 武义 (330723). Only staff over the county get suggestions.
const status: Record<Who, { P: number; Q: number }> = {
  province: { P: 200, Q: 200 },
  hangzhou: { P: 200, Q: 404 },
  chunan: { P: 200, Q: 404 },
  wuyi: { P: 404, Q: 200 },
  firm: { P: 404, Q: 404 }, // its own problem, but assigning experts is the union's work
  expert: { P: 404, Q: 404 },
  worker: { P: 403, Q: 403 },
};

describe.each(testDatabaseKinds)("expert suggestions on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  const ids = { P: "", Q: "", R: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    const chunanFirm = await makeEnterprise(db, cipher, { countyCode: "330127", name: "千岛湖某食品有限公司" });
    const wuyiFirm = await makeEnterprise(db, cipher, { countyCode: "330723", name: "武义某五金有限公司" });
    const [p] = await db
      .insert(problems)
      .values({ enterpriseId: chunanFirm.id, countyCode: "330127", title: "焊缝气孔多", description: "不锈钢罐体焊缝气孔", trade: welding, status: "accepted" })
      .returning();
    const [q] = await db
      .insert(problems)
      .values({ enterpriseId: wuyiFirm.id, countyCode: "330723", title: "车床精度下降", description: "主轴跳动", trade: turning, status: "accepted" })
      .returning();
    const cityFirm = await makeEnterprise(db, cipher, { countyCode: "330102", name: "上城某电梯有限公司" });
    const [r] = await db
      .insert(problems)
      .values({ enterpriseId: cityFirm.id, countyCode: "330102", title: "焊接变形", description: "薄板焊接变形", trade: welding, status: "accepted" })
      .returning();
    if (!p || !q || !r) throw new Error("no problem rows");
    Object.assign(ids, { P: p.id, Q: q.id, R: r.id });

    // The candidates for P (a welding problem in 淳安, a mountainous county).
    await makeExpert(db, cipher, { name: "近邻车工", homeCountyCode: "330127", trades: [turning], skillLevel: "chiefTechnician" });
    await makeExpert(db, cipher, { name: "远方焊工", homeCountyCode: "330922", trades: [welding], skillLevel: "senior" }); // 嵊泗
    await makeExpert(db, cipher, { name: "杭州焊工", homeCountyCode: "330106", trades: [welding], skillLevel: "senior" });
    const full = await makeExpert(db, cipher, { name: "满负荷焊工", homeCountyCode: "330127", trades: [welding], skillLevel: "chiefTechnician", maxOpenProblems: 1 });
    await db.insert(problems).values({ enterpriseId: wuyiFirm.id, countyCode: "330723", title: "在办", description: "占用", trade: welding, status: "followUp", ownerExpertId: full.id });
    await makeExpert(db, cipher, { name: "休假焊工", homeCountyCode: "330127", trades: [welding], availability: "unavailable" });
    await makeExpert(db, cipher, { name: "停用焊工", homeCountyCode: "330127", trades: [welding], active: false });
    // Helped before: one owned an earlier (solved) problem of the same enterprise; one visited it in a session.
    const owner = await makeExpert(db, cipher, { name: "老帮手", homeCountyCode: "330106", trades: [welding], skillLevel: "senior" });
    await db.insert(problems).values({ enterpriseId: chunanFirm.id, countyCode: "330127", title: "旧难题", description: "已解决", trade: welding, status: "solved", ownerExpertId: owner.id });
    const visitor = await makeExpert(db, cipher, { name: "来访过", homeCountyCode: "330106", trades: [welding], skillLevel: "senior" });
    const [session] = await db.insert(serviceSessions).values({ date: "2025-03-01", countyCode: "330127", title: "助企行淳安站" }).returning();
    if (!session) throw new Error("no session");
    await db.insert(sessionEnterprises).values({ sessionId: session.id, enterpriseId: chunanFirm.id });
    await db.insert(sessionExperts).values({ sessionId: session.id, expertId: visitor.id });
    // A visit to a different enterprise does not count.
    const stranger = await makeExpert(db, cipher, { name: "访他企", homeCountyCode: "330106", trades: [welding], skillLevel: "senior" });
    const [other] = await db.insert(serviceSessions).values({ date: "2025-03-02", countyCode: "330723", title: "助企行武义站" }).returning();
    if (!other) throw new Error("no session");
    await db.insert(sessionEnterprises).values({ sessionId: other.id, enterpriseId: wuyiFirm.id });
    await db.insert(sessionExperts).values({ sessionId: other.id, expertId: stranger.id });

    const users: [Who, Role, { regionCode?: string | null; enterpriseId?: string }][] = [
      ["province", "province", { regionCode: "330000" }],
      ["hangzhou", "city", { regionCode: "330100" }],
      ["chunan", "county", { regionCode: "330127" }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["firm", "enterprise", { regionCode: null, enterpriseId: chunanFirm.id }],
      ["expert", "expert", { regionCode: null }],
      ["worker", "worker", { regionCode: null }],
    ];
    for (const [who, role, fields] of users) {
      await makeUser(db, role, { username: `${kind}-s-${who}`, ...fields });
      agents[who] = await loginAs(t, `${kind}-s-${who}`);
    }
  });
  afterAll(() => t.close());

  const suggestions = async (who: Who, key: "P" | "Q" | "R") => {
    const res = await agents[who].get(`/api/problems/${ids[key]}/suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: ExpertSuggestion[] }>().items;
  };

  it.each(Object.keys(status) as Who[])("%s gets suggestions only for problems in its region", async (who) => {
    for (const key of ["P", "Q"] as const) {
      const res = await agents[who].get(`/api/problems/${ids[key]}/suggestions`);
      expect(res.statusCode, `${who} ${key}`).toBe(status[who][key]);
    }
  });

  it("ranks trade match above distance and leaves out full, unavailable and inactive experts", async () => {
    const items = await suggestions("chunan", "P");
    const names = items.map((s) => s.expert.name);
    expect(names).not.toContain("满负荷焊工");
    expect(names).not.toContain("休假焊工");
    expect(names).not.toContain("停用焊工");
    // Every welder, however far, ranks above the chief-technician turner who lives in 淳安.
    expect(names[names.length - 1]).toBe("近邻车工");
    expect(names.indexOf("远方焊工")).toBeLessThan(names.indexOf("近邻车工"));
    const turner = items.find((s) => s.expert.name === "近邻车工");
    expect(turner?.reasons).toMatchObject({ tradeMatch: false, distanceKm: 0, skillLevel: "chiefTechnician" });
    expect(turner?.summary.startsWith("工种不对口(专长车工)·首席技师·本县专家")).toBe(true);
    // Nearer welders of the same level rank above the one on 嵊泗's islands.
    expect(names.indexOf("杭州焊工")).toBeLessThan(names.indexOf("远方焊工"));
    const far = items.find((s) => s.expert.name === "远方焊工");
    expect(far?.reasons.distanceKm).toBeGreaterThan(200);
  });

  it("flags helping the enterprise before (owned problem or session visit) and the priority county", async () => {
    const items = await suggestions("province", "P");
    const by = (name: string) => items.find((s) => s.expert.name === name);
    expect(by("老帮手")?.reasons.helpedBefore).toBe(true);
    expect(by("来访过")?.reasons.helpedBefore).toBe(true);
    expect(by("访他企")?.reasons.helpedBefore).toBe(false);
    expect(by("杭州焊工")?.reasons.helpedBefore).toBe(false);
    expect(by("老帮手")?.summary).toMatch(/^工种对口\(焊工\)·高级工\(三级\)·距离\d+公里·在办0\/3·曾服务该企业·山区县优先$/);
    // Same home county, trade and level: helping before puts them ahead of a stranger.
    expect(items.indexOf(by("老帮手") as ExpertSuggestion)).toBeLessThan(items.indexOf(by("杭州焊工") as ExpertSuggestion));
    expect(items.every((s) => s.reasons.priorityCounty)).toBe(true);
    // 上城区 is not a priority county; 武义 is (山区26县).
    const r = await suggestions("province", "R");
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((s) => !s.reasons.priorityCounty && !s.summary.includes("优先"))).toBe(true);
    const q = await suggestions("province", "Q");
    expect(q.every((s) => s.reasons.priorityCounty)).toBe(true);
    expect(q[0]?.reasons.tradeMatch).toBe(true);
    expect(q[0]?.expert.name).toBe("近邻车工");
  });

  it("shows masked phones only", async () => {
    const items = await suggestions("province", "P");
    for (const s of items) expect(s.expert.phoneMasked).toContain("****");
  });

  it("finds an expert by name however they rank, and orders the pool by distance on request", async () => {
    const get = async (query: string) => (await agents.chunan.get(`/api/problems/${ids.P}/suggestions?${query}`)).json<{ items: ExpertSuggestion[] }>().items;
    // The turner ranks last among suggestions; a name search reaches anyone assignable.
    expect((await get(`q=${encodeURIComponent("车工")}`)).map((s) => s.expert.name)).toEqual(["近邻车工"]);
    expect((await get(`q=${encodeURIComponent("满负荷")}`)).map((s) => s.expert.name)).toEqual([]);
    const byDistance = await get("sort=distance");
    const km = byDistance.map((s) => s.reasons.distanceKm ?? Infinity);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(byDistance[0]?.expert.name).toBe("近邻车工");
    expect(byDistance.at(-1)?.expert.name).toBe("远方焊工");
    expect((await agents.chunan.get(`/api/problems/${ids.P}/suggestions?sort=near`)).statusCode).toBe(400);
  });

  it("answers 404 for an unknown problem", async () => {
    const res = await agents.province.get("/api/problems/00000000-0000-4000-8000-000000000000/suggestions");
    expect(res.statusCode).toBe(404);
  });
});
