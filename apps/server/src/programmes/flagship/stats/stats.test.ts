import type { Indicators, StatFigures, StatsByRegion, StatsMonthly, StatsSummary } from "@jiangxin/domain";
import { and, count, gte, lte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../../fixtures/factories";
import { loadProvinceYear, type ProvinceYearSummary } from "../demo/provinceYear";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { serviceSessions } from "../serviceSessions/tables";

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type EnterpriseRow = { id: string; sessions: number; problemsSolved: number; benefitEstimatedYuan: string };
type SessionRow = { id: string; date: string; teamSize: number; enterprises: number; problems: number; problemsSolved: number; trainees: number };

const counts = ["sessions", "expertParticipations", "enterprisesServed", "problemsSolved", "workerTrainings"] as const;
const money = ["benefitEstimatedYuan", "benefitVerifiedYuan"] as const;
/** Yuan strings to whole fen, so sums are exact. */
const fen = (yuan: string) => BigInt(yuan.replace(".", ""));
const figuresOf = (i: Indicators): StatFigures => {
  const { year: _y, regionCode: _r, campaignId: _c, ...rest } = i;
  return rest;
};

/** Each count and money column summed over rows; money in fen. */
function sums(rows: StatFigures[]) {
  const out: Record<string, bigint> = {};
  for (const k of counts) out[k] = rows.reduce((a, r) => a + BigInt(r[k]), 0n);
  for (const k of money) out[k] = rows.reduce((a, r) => a + fen(r[k]), 0n);
  return out;
}

describe.each(testDatabaseKinds)("statistics API on %s", (kind) => {
  let t: TestApp;
  let province: Agent;
  let hangzhou: Agent;
  let chunan: Agent;
  let summary: ProvinceYearSummary;
  const json = async <T>(a: Agent, url: string): Promise<T> => {
    const res = await a.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const indicators = (a: Agent, q: string) => json<Indicators>(a, `/api/indicators?${q}`);

  beforeAll(async () => {
    t = await startTestApp(kind);
    summary = await loadProvinceYear(t.ctx, { year: 2024, scale: 0.03, seed: 11 });
    // A thinner year before it, so "last year" has figures of its own.
    await loadProvinceYear(t.ctx, { year: 2023, scale: 0.01, seed: 12 });
    await makeUser(t.ctx.database.db, "province", { username: "p" });
    await makeUser(t.ctx.database.db, "city", { username: "h", regionCode: "330100" });
    await makeUser(t.ctx.database.db, "county", { username: "c", regionCode: "330127" });
    province = await loginAs(t, "p");
    hangzhou = await loginAs(t, "h");
    chunan = await loginAs(t, "c");
  });
  afterAll(() => t.close());

  it("summary: this year and last year, each equal to /api/indicators", async () => {
    for (const q of ["year=2024", "year=2024&regionCode=330100", "year=2024&regionCode=330127", `year=2024&campaignId=${summary.campaignId}`]) {
      const s = await json<StatsSummary>(province, `/api/stats/summary?${q}`);
      expect(s.current).toEqual(await indicators(province, q));
      expect(s.previous).toEqual(await indicators(province, q.replace("2024", "2023")));
    }
    const s = await json<StatsSummary>(province, "/api/stats/summary?year=2024");
    // A past year is compared with the whole year before it.
    expect(s.previousThrough).toBeNull();
    expect(s.current.sessions).toBe(summary.sessions);
    expect(s.previous.sessions).toBeGreaterThan(0);
    expect(s.previous.sessions).toBeLessThan(s.current.sessions);
  });

  it("summary of the current year: last year only to the same day (上年同期)", async () => {
    // Move the clock to 15 June 2024, 12:00 in China.
    const shift = Date.parse("2024-06-15T04:00:00Z") - t.ctx.now().getTime();
    t.advance(shift);
    try {
      const { db } = t.ctx.database;
      const s = await json<StatsSummary>(province, "/api/stats/summary?year=2024");
      expect(s.previousThrough).toBe("2023-06-15");
      const [row] = await db.select({ n: count() }).from(serviceSessions).where(and(gte(serviceSessions.date, "2023-01-01"), lte(serviceSessions.date, "2023-06-15")));
      expect(s.previous.sessions).toBe(row?.n);
      const whole = await indicators(province, "year=2023");
      expect(s.previous.sessions).toBeLessThan(whole.sessions);
      expect(s.current).toEqual(await indicators(province, "year=2024"));
    } finally {
      t.advance(-shift);
    }
  });

  it("monthly: twelve months that add up to the year (enterprises distinct within each month)", async () => {
    for (const q of ["year=2024", "year=2024&regionCode=330700", `year=2024&campaignId=${summary.campaignId}`]) {
      const m = await json<StatsMonthly>(province, `/api/stats/monthly?${q}`);
      expect(m.months.map((x) => x.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      const year = figuresOf(await indicators(province, q));
      const total = sums(m.months);
      for (const k of ["sessions", "expertParticipations", "problemsSolved", "workerTrainings"] as const) expect(total[k], `${q} ${k}`).toBe(BigInt(year[k]));
      for (const k of money) expect(total[k], `${q} ${k}`).toBe(fen(year[k]));
      expect(total.enterprisesServed).toBeGreaterThanOrEqual(BigInt(year.enterprisesServed));
      if (q === "year=2024") expect(m.months.filter((x) => x.sessions > 0).length).toBeGreaterThan(6);
    }
  });

  it("by-region: cities add up to the province, counties to their city, and the total is /api/indicators", async () => {
    const all = await json<StatsByRegion>(province, "/api/stats/by-region?year=2024");
    expect(all.rows.map((r) => r.code)).toEqual(["330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100"]);
    expect(all.total).toEqual(figuresOf(await indicators(province, "year=2024")));
    expect(sums(all.rows)).toEqual(sums([all.total]));
    for (const row of all.rows) expect(pick(row)).toEqual(figuresOf(await indicators(province, `year=2024&regionCode=${row.code}`)));

    const lishui = await json<StatsByRegion>(province, "/api/stats/by-region?year=2024&regionCode=331100");
    expect(lishui.rows.length).toBe(9);
    expect(lishui.rows.every((r) => r.level === "county" && r.parentCode === "331100")).toBe(true);
    expect(lishui.rows.filter((r) => r.priority.includes("mountainous")).length).toBeGreaterThan(0);
    expect(sums(lishui.rows)).toEqual(sums([lishui.total]));
    expect(lishui.total).toEqual(pick(all.rows.find((r) => r.code === "331100")));

    const map = await json<StatsByRegion>(province, `/api/stats/by-region?year=2024&depth=counties&campaignId=${summary.campaignId}`);
    expect(map.rows.length).toBe(90);
    expect(sums(map.rows)).toEqual(sums([map.total]));
    expect(map.total).toEqual(figuresOf(await indicators(province, `year=2024&campaignId=${summary.campaignId}`)));
  });

  it("scoping: a county gets only itself, a city its counties, and other regions answer 404", async () => {
    const own = await json<StatsByRegion>(chunan, "/api/stats/by-region?year=2024");
    expect(own.regionCode).toBe("330127");
    expect(own.rows.map((r) => r.code)).toEqual(["330127"]);
    expect(own.total).toEqual(figuresOf(await indicators(province, "year=2024&regionCode=330127")));
    // Asking for the province, a county still sees only its own county, under its city.
    const up = await json<StatsByRegion>(chunan, "/api/stats/by-region?year=2024&regionCode=330000");
    expect(up.rows.map((r) => r.code)).toEqual(["330100"]);
    expect(pick(up.rows[0])).toEqual(own.total);
    expect((await json<StatsSummary>(chunan, "/api/stats/summary?year=2024")).current.sessions).toBe(own.total.sessions);
    expect((await json<StatsByRegion>(hangzhou, "/api/stats/by-region?year=2024")).rows.every((r) => r.parentCode === "330100")).toBe(true);

    for (const url of ["/api/stats/summary?year=2024&regionCode=330723", "/api/stats/monthly?year=2024&regionCode=330200", "/api/stats/by-region?year=2024&regionCode=331100", "/api/stats/county/330723/enterprises?year=2024", "/api/stats/county/330723/sessions?year=2024"]) {
      expect((await chunan.get(url)).statusCode, url).toBe(404);
    }
    expect((await hangzhou.get("/api/stats/county/330127/sessions?year=2024")).statusCode).toBe(200);
    expect((await hangzhou.get("/api/stats/county/331127/sessions?year=2024")).statusCode).toBe(404);
  });

  it("county drill-down: its enterprises and sessions add up to the county's figures", async () => {
    const county = "330127";
    const figures = await indicators(province, `year=2024&regionCode=${county}`);
    const firms = await json<Page<EnterpriseRow>>(chunan, `/api/stats/county/${county}/enterprises?year=2024&pageSize=200`);
    expect(firms.total).toBe(figures.enterprisesServed);
    expect(firms.items.length).toBe(Math.min(200, firms.total));
    expect(firms.items.reduce((a, r) => a + r.sessions, 0)).toBeGreaterThanOrEqual(firms.total);
    // Every problem solved and every yuan estimated in the county belongs to one of the firms served there.
    expect(firms.items.reduce((a, r) => a + r.problemsSolved, 0)).toBe(figures.problemsSolved);
    expect(firms.items.reduce((a, r) => a + fen(r.benefitEstimatedYuan), 0n)).toBe(fen(figures.benefitEstimatedYuan));

    const sessions = await json<Page<SessionRow>>(chunan, `/api/stats/county/${county}/sessions?year=2024&pageSize=200`);
    expect(sessions.total).toBe(figures.sessions);
    expect(sessions.items.reduce((a, r) => a + r.teamSize, 0)).toBe(figures.expertParticipations);
    expect(sessions.items.reduce((a, r) => a + r.trainees, 0)).toBe(figures.workerTrainings);
    const dates = sessions.items.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());

    // Paging: two pages of 3 are the first 6 of the list, without overlap.
    const p1 = await json<Page<SessionRow>>(chunan, `/api/stats/county/${county}/sessions?year=2024&pageSize=3&page=1`);
    const p2 = await json<Page<SessionRow>>(chunan, `/api/stats/county/${county}/sessions?year=2024&pageSize=3&page=2`);
    expect([...p1.items, ...p2.items].map((r) => r.id)).toEqual(sessions.items.slice(0, 6).map((r) => r.id));
  });

  it("no data: a period without records says hasRecords false (无数据), one with records true", async () => {
    // 2023 has records, 2022 none at all: the page shows 无数据 for 2022, not a year of zeros.
    const s = await json<StatsSummary>(province, "/api/stats/summary?year=2023");
    expect(s.current.hasRecords).toBe(true);
    expect(s.previous).toMatchObject({ year: 2022, sessions: 0, hasRecords: false });
    expect((await indicators(province, "year=2022")).hasRecords).toBe(false);
    expect((await indicators(province, "year=2024")).hasRecords).toBe(true);
    // Months: every month of a year without records says so; a month with a session says it has.
    const empty = await json<StatsMonthly>(province, "/api/stats/monthly?year=2022");
    expect(empty.months.every((m) => !m.hasRecords)).toBe(true);
    const full = await json<StatsMonthly>(province, "/api/stats/monthly?year=2024");
    for (const m of full.months) if (m.sessions > 0 || m.workerTrainings > 0 || m.problemsSolved > 0) expect(m.hasRecords, `month ${m.month}`).toBe(true);
    // A county with no record that year, next to a province with records.
    const byRegion = await json<StatsByRegion>(province, "/api/stats/by-region?year=2022&depth=counties");
    expect(byRegion.total.hasRecords).toBe(false);
    expect(byRegion.rows.some((r) => r.hasRecords)).toBe(false);
  });

  it("refuses bad parameters with Chinese field messages", async () => {
    const fields = async (url: string) => {
      const res = await province.get(url);
      expect(res.statusCode, url).toBe(400);
      return res.json<{ fields: Record<string, string> }>().fields;
    };
    expect((await fields("/api/stats/summary")).year).toMatch(/[\u4e00-\u9fa5]/);
    expect((await fields("/api/stats/monthly?year=abc")).year).toBe("年度应为数字");
    expect(await fields("/api/stats/by-region?year=2024&regionCode=339999")).toEqual({ regionCode: "区划代码不存在" });
    expect((await fields("/api/stats/by-region?year=2024&depth=towns")).depth).toBe("层级应为 children 或 counties");
    expect((await fields("/api/stats/by-region?year=2024&regionCode=33")).regionCode).toBe("区划代码应为6位数字");
    expect(await fields("/api/stats/county/330100/enterprises?year=2024")).toEqual({ code: "应为县级区划代码" });
    expect(await fields("/api/stats/county/339999/sessions?year=2024")).toEqual({ code: "区划代码不存在" });
    expect((await fields("/api/stats/county/330127/sessions?year=2024&pageSize=1000")).pageSize).toBe("每页最多200条");
    expect((await province.get("/api/stats/summary?year=2024&campaignId=00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });
});

/** The figures of a row, without its region labels. */
function pick(row: StatsByRegion["rows"][number] | undefined): StatFigures {
  if (!row) throw new Error("no row");
  const { code: _c, name: _n, level: _l, parentCode: _p, priority: _pr, ...figures } = row;
  return figures;
}
