import { todayInChina } from "@jiangxin/domain";
import type { DemandListDetail, OverdueProblem, ProblemDetail } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { experts } from "../../../masterData/experts";
import { expertDetail } from "../corrections/expertIdentities";
import { loginAs, startTestApp, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";

const day = 24 * 3600 * 1000;
const problem = (title: string) => ({ title, description: "设备故障频繁，影响生产，需要专家现场诊断。", trade: "6-31-01-09" });
type OverduePage = { days: number; items: OverdueProblem[]; total: number };

// These tests move the app's clock, so they have an app of their own.
describe.each(testDatabaseKinds)("follow-up and overdue problems on %s", (kind) => {
  let t: TestApp;
  const ids = { chunanFirm: "", wuyiFirm: "", expert: "" };
  const login = (who: string) => loginAs(t, `${kind}-f-${who}`);

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    ids.chunanFirm = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安化工有限公司" })).id;
    ids.wuyiFirm = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330723", name: "武义化工机械有限公司" })).id;
    await makeUser(db, "county", { username: `${kind}-f-chunan`, regionCode: "330127" });
    await makeUser(db, "county", { username: `${kind}-f-wuyi`, regionCode: "330723", displayName: "武义县总工会" });
    await makeUser(db, "city", { username: `${kind}-f-jinhua`, regionCode: "330700" });
    const expertUser = await makeUser(db, "expert", { username: `${kind}-f-expert`, regionCode: null, displayName: "陈工匠" });
    ids.expert = (await makeExpert(db, t.ctx.cipher, { name: "陈工匠", userId: expertUser.id })).id;
  });
  afterAll(() => t.close());

  it("follows the 武义 story: unresolved on site, attempts logged, solved weeks later in that later year", async () => {
    // Start in December so that "five weeks later" falls in the next year.
    const now = t.ctx.now();
    const year = Number(todayInChina(now).slice(0, 4));
    let dec10 = Date.UTC(year, 11, 10, 2);
    if (dec10 <= now.getTime()) dec10 = Date.UTC(year + 1, 11, 10, 2);
    t.advance(dec10 - now.getTime());
    const visitYear = Number(todayInChina(t.ctx.now()).slice(0, 4));

    let wuyi = await login("wuyi");
    const submitted = await wuyi.post("/api/demand-lists", { enterpriseId: ids.wuyiFirm, problems: [problem("反应釜搅拌轴密封泄漏")] });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = submitted.json<DemandListDetail>().problems[0]?.id ?? "";
    const move = async (agent: typeof wuyi, body: object) => {
      const res = await agent.post(`/api/problems/${id}/moves`, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ProblemDetail>();
    };
    await move(wuyi, { to: "accepted" });
    await move(wuyi, { to: "matched", ownerExpertId: ids.expert });
    let expert = await login("expert");
    await move(expert, { to: "onSite" });
    await move(expert, { to: "unresolved", note: "密封件型号停产，现场无法更换，需回去找替代方案" });
    await move(expert, { to: "followUp" });

    for (const note of ["联系两家密封件厂商，寄来样品试装", "第一次试装仍有渗漏，调整轴套间隙"]) {
      t.advance(7 * day);
      expert = await login("expert"); // a week's silence ends any session
      const res = await expert.post(`/api/problems/${id}/notes`, { note });
      expect(res.statusCode, res.body).toBe(200);
    }
    t.advance(21 * day);
    expert = await login("expert");
    const solved = await move(expert, { to: "solved", note: "改用机械密封，连续运行一周无泄漏" });

    const solvedYear = Number(todayInChina(new Date(solved.solvedAt ?? "")).slice(0, 4));
    expect(solvedYear).toBe(visitYear + 1);
    expect(solved.events.map((e) => e.to)).toEqual(["submitted", "accepted", "matched", "onSite", "unresolved", "followUp", "followUp", "followUp", "solved"]);
    expect(solved.events.filter((e) => e.from === e.to).map((e) => e.note)).toEqual(["联系两家密封件厂商，寄来样品试装", "第一次试装仍有渗漏，调整轴套间隙"]);
    expect(solved.events.at(-1)).toMatchObject({ byName: "陈工匠", byRole: "expert" });
    // The expert's events carry the identity every list shows (work unit · home county · level), not the employer alone.
    const [pooled] = await t.ctx.database.db.select().from(experts).where(eq(experts.id, ids.expert));
    expect(pooled).toBeDefined();
    const identity = expertDetail(t.ctx.regions, pooled!);
    expect(identity.split(" · ")).toHaveLength(3);
    expect(solved.events.at(-1)?.byExpertDetail).toBe(identity);
    expect(solved.events.filter((e) => e.byRole !== "expert").every((e) => e.byExpertDetail === null)).toBe(true);
    const unresolvedAt = Date.parse(solved.events.find((e) => e.to === "unresolved")?.at ?? "");
    expect(Date.parse(solved.solvedAt ?? "") - unresolvedAt).toBeGreaterThanOrEqual(35 * day);

    wuyi = await login("wuyi");
    const listed = await wuyi.get(`/api/problems?status=solved&open=false`);
    expect(listed.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toContain(id);
  });

  it("lists open problems idle for more than the configured days, by county, longest-idle first", async () => {
    let chunan = await login("chunan");
    const a = await chunan.post("/api/demand-lists", { enterpriseId: ids.chunanFirm, problems: [problem("老旧锅炉热效率低"), problem("输送带跑偏频繁")] });
    const [old1, old2] = a.json<DemandListDetail>().problems.map((p) => p.id);
    t.advance(5 * day);
    let wuyi = await login("wuyi");
    const b = await wuyi.post("/api/demand-lists", { enterpriseId: ids.wuyiFirm, problems: [problem("冲床离合器打滑")] });
    const wuyiProblem = b.json<DemandListDetail>().problems[0]?.id;
    t.advance(10 * day);
    chunan = await login("chunan");
    wuyi = await login("wuyi");
    // 淳安's two problems are 15 days idle; one moves now and leaves the list. 武义's is 10 days idle.
    expect((await chunan.post(`/api/problems/${old2}/moves`, { to: "accepted" })).statusCode).toBe(200);

    const overdue = (await chunan.get("/api/problems/overdue")).json<OverduePage>();
    expect(overdue.days).toBe(t.ctx.config.overdueDays);
    expect(overdue.days).toBe(14);
    expect(overdue.items.map((p) => p.id)).toEqual([old1]);
    expect(overdue.items[0]?.idleDays).toBe(15);
    expect((await wuyi.get("/api/problems/overdue")).json<OverduePage>().items.map((p) => p.id)).not.toContain(wuyiProblem);
    const wuyiShorter = (await wuyi.get("/api/problems/overdue?days=7")).json<OverduePage>();
    expect(wuyiShorter.items.map((p) => p.id)).toContain(wuyiProblem);
    expect(wuyiShorter.items.every((p) => p.countyCode === "330723")).toBe(true);

    // Jinhua (the city) sees 武义's, oldest first; it never sees 淳安's.
    t.advance(10 * day);
    const jinhua = await login("jinhua");
    const city = (await jinhua.get("/api/problems/overdue")).json<OverduePage>();
    expect(city.items.map((p) => p.id)).toContain(wuyiProblem);
    expect(city.items.some((p) => p.countyCode === "330127")).toBe(false);
    const idle = city.items.map((p) => p.idleDays);
    expect([...idle].sort((x, y) => y - x)).toEqual(idle);
    expect((await jinhua.get("/api/problems/overdue?days=0")).statusCode).toBe(400);
  });

  it("counts a progress note as activity: a noted problem leaves the list, one with only old events stays, quietest first", async () => {
    let chunan = await login("chunan");
    const list = await chunan.post("/api/demand-lists", { enterpriseId: ids.chunanFirm, problems: [problem("注塑机液压系统渗油"), problem("烘干线温控不准")] });
    const [noted = "", quiet = ""] = list.json<DemandListDetail>().problems.map((p) => p.id);
    t.advance(day);
    chunan = await login("chunan");
    expect((await chunan.post(`/api/problems/${quiet}/moves`, { to: "accepted" })).statusCode).toBe(200);
    // The app's clock runs on from the advanced instant, so read the times from the timeline.
    const lastEventAt = async (id: string) => (await chunan.get(`/api/problems/${id}`)).json<ProblemDetail>().events.at(-1)?.at;
    const acceptedAt = await lastEventAt(quiet);
    t.advance(19 * day);
    chunan = await login("chunan");
    const listed = async () => (await chunan.get("/api/problems/overdue?pageSize=200")).json<OverduePage>().items.filter((p) => p.id === noted || p.id === quiet);

    // Both quiet: the one untouched for 20 days before the one accepted 19 days ago.
    expect((await listed()).map((p) => [p.id, p.idleDays])).toEqual([
      [noted, 20],
      [quiet, 19],
    ]);

    // A note (no move) is activity: the problem leaves the list though its status is 20 days old.
    const note = await chunan.post(`/api/problems/${noted}/notes`, { note: "已电话联系企业，约定下周到厂查看液压站" });
    expect(note.statusCode, note.body).toBeLessThan(300);
    const notedAt = await lastEventAt(noted);
    const after = await listed();
    expect(after.map((p) => p.id)).toEqual([quiet]);
    expect(after[0]).toMatchObject({ idleDays: 19, lastActivityAt: acceptedAt });
    expect((await chunan.get(`/api/problems/${noted}`)).json<ProblemDetail>().status).toBe("submitted");

    // Quiet again for 15 days, it comes back, after the one quiet longer, with the note as its last activity.
    t.advance(15 * day);
    chunan = await login("chunan");
    const again = await listed();
    expect(again.map((p) => [p.id, p.idleDays])).toEqual([
      [quiet, 34],
      [noted, 15],
    ]);
    expect(again[1]?.lastActivityAt).toBe(notedAt);
  });
});
