import { wholeShare, type Campaign, type CampaignRegions } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { makeServiceSession } from "../demo/makeServiceSession";
import { makeTraining } from "../demo/makeTraining";
import { readXlsxRows } from "../../../platform/xlsx";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";

describe.each(testDatabaseKinds)("a campaign's regions on %s", (kind) => {
  let t: TestApp;
  const a = {} as Record<"province" | "hangzhou" | "chunan" | "wuyi", Agent>;
  let campaignId = "";

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    await makeUser(db, "province", { username: "rp" });
    await makeUser(db, "city", { username: "rh", regionCode: "330100" });
    await makeUser(db, "county", { username: "rc", regionCode: "330127" });
    await makeUser(db, "county", { username: "rw", regionCode: "330723" });
    Object.assign(a, { province: await loginAs(t, "rp"), hangzhou: await loginAs(t, "rh"), chunan: await loginAs(t, "rc"), wuyi: await loginAs(t, "rw") });

    const created = await a.hangzhou.post("/api/campaigns", { name: "杭州西部助企专项行动", year: 2025, regionCodes: ["330127", "330182"], targets: { sessions: 4, trainees: 100 } });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json<Campaign>().id;

    const expert = await makeExpert(db, cipher, { name: "周建华", homeCountyCode: "330127" });
    const session = async (countyCode: string, trainees: number, tagged = true) => {
      const firm = await makeEnterprise(db, cipher, { countyCode });
      const s = await makeServiceSession(db, { countyCode, enterpriseIds: [firm.id], expertIds: [expert.id], campaignId: tagged ? campaignId : null });
      await makeTraining(db, { countyCode, trainerExpertIds: [expert.id], trainees, sessionId: s.id });
    };
    // 淳安: its full share of both targets (2 of 4 sessions, 60 of 100 trainees); 建德: 1 session, 10 trainees.
    await session("330127", 30);
    await session("330127", 30);
    await session("330127", 500, false); // not the campaign's: not counted
    await session("330182", 10);
  });
  afterAll(() => t.close());

  it("rates each county against an even share of the targets, behind first", async () => {
    const res = await a.hangzhou.get(`/api/campaigns/${campaignId}/regions`);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json<CampaignRegions>();
    expect(data).toMatchObject({ year: 2025, counties: 2, pace: 1 });
    expect(data.rows.map((r) => [r.name, r.status])).toEqual([
      ["建德市", "behind"],
      ["淳安县", "ahead"],
    ]);
    const [jiande, chunan] = data.rows;
    expect(jiande?.share).toEqual({ sessions: 2, trainees: 50 });
    expect(jiande?.progress).toMatchObject({ sessions: 1, trainees: 10, enterprises: 1 });
    expect(jiande?.ratio).toBe(0.2); // weakest target: 10 of 50 trainees
    expect(chunan).toMatchObject({ cityName: "杭州市", priority: ["mountainous"], ratio: 1, progress: { sessions: 2, trainees: 60, enterprises: 2 } });
    // The rows add up to the campaign's own progress when every county is visible.
    const campaign = (await a.hangzhou.get(`/api/campaigns/${campaignId}`)).json<Campaign>();
    expect(data.rows.reduce((n, r) => n + r.progress.trainees, 0)).toBe(campaign.progress.trainees);
  });

  it("a county sees its own row against the same share; an unconcerned county gets 404", async () => {
    const own = (await a.chunan.get(`/api/campaigns/${campaignId}/regions`)).json<CampaignRegions>();
    expect(own.counties).toBe(2);
    expect(own.rows.map((r) => r.code)).toEqual(["330127"]);
    expect(own.rows[0]?.share.sessions).toBe(2);
    expect((await a.wuyi.get(`/api/campaigns/${campaignId}/regions`)).statusCode).toBe(404);
    expect((await a.wuyi.get(`/api/campaigns/${campaignId}/regions/export`)).statusCode).toBe(404);
    expect((await a.province.get("/api/campaigns/not-an-id/regions")).statusCode).toBe(400);
  });

  it("a priority-only campaign covers every priority county of its year", async () => {
    const created = await a.province.post("/api/campaigns", { name: "山区海岛县助企专项行动", year: 2025, priorityOnly: true, targets: { sessions: 100 } });
    const data = (await a.province.get(`/api/campaigns/${created.json<Campaign>().id}/regions`)).json<CampaignRegions>();
    expect(data.counties).toBe(data.rows.length);
    expect(data.rows.every((r) => r.priority.length > 0)).toBe(true);
    expect(data.rows.map((r) => r.code)).toContain("330127");
    expect(data.rows.map((r) => r.code)).not.toContain("330102");
    expect(data.rows[0]?.share.sessions).toBeCloseTo(100 / data.counties, 6);
  });

  it("the Excel file holds the page's rows, figure for figure", async () => {
    const api = (await a.hangzhou.get(`/api/campaigns/${campaignId}/regions`)).json<CampaignRegions>();
    const res = await a.hangzhou.get(`/api/campaigns/${campaignId}/regions/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("杭州西部助企专项行动各地进度"));
    const sheet = await readXlsxRows(res.rawPayload);
    expect(sheet.headers).not.toContain("服务企业份额(家)"); // no target set for it
    expect(sheet.rows).toHaveLength(api.rows.length);
    api.rows.forEach((r, i) =>
      expect(sheet.rows[i]?.cells).toMatchObject({
        "县(市、区)": r.name,
        所属设区市: r.cityName ?? "",
        "服务场次(场次)": String(r.progress.sessions),
        "服务场次份额(场次)": String(wholeShare(r.share.sessions ?? 0)),
        "培训技术工人(人次)": String(r.progress.trainees),
        "培训技术工人份额(人次)": String(wholeShare(r.share.trainees ?? 0)),
        "服务企业(家)": String(r.progress.enterprises),
        "解决问题(个)": String(r.progress.problemsSolved),
        "完成率(%)": String(Math.floor((r.ratio ?? 0) * 100)),
        状态: r.status === "behind" ? "落后" : "领先",
      }),
    );
  });
});
