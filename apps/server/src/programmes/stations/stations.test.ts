import { amenityKeys, chinaMidnight, chinaYearOf, csrfHeader, sessionCookie, type NearbyResult, type Station, type StationReport } from "@jiangxin/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { makeUser } from "../../fixtures/factories";
import { auditLog } from "../../platform/audit/tables";
import { queryRows } from "../../platform/db/queryRows";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { stations } from "./index";

type Fields = { fields: Record<string, string> };

// 淳安 (330127) county staff own the station; 武义 (330723) staff must not reach it; the public finds it.
const chunanSeat = { lng: 119.04, lat: 29.61 };

describe.each(testDatabaseKinds)("stations on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent;
  let wuyi: Agent;
  let unionId = "";
  const put = (who: Agent, url: string, body: unknown) =>
    t.app.inject({ method: "PUT", url, headers: { cookie: `${sessionCookie}=${who.cookie}`, [csrfHeader]: who.info.csrfToken }, payload: body as object });
  const full = (extra: Record<string, unknown> = {}) => ({
    name: "千岛湖镇邮政暖心驿站",
    hostKind: "postOffice",
    hostOrg: "中国邮政淳安县千岛湖镇营业所",
    address: "淳安县千岛湖镇新安东路1号",
    lng: chunanSeat.lng,
    lat: chunanSeat.lat,
    countyCode: "330127",
    unionId,
    managerName: "方师傅",
    managerPhone: "13957100001",
    amenities: amenityKeys.map((key) => ({ key, water: key === "water" ? "drinkable" : null, verify: true })),
    openingHours: "24/7",
    verifyHours: true,
    upgradeClaimedYear: chinaYearOf(new Date()),
    ...extra,
  });
  const year = chinaYearOf(new Date());
  const counted = async () => {
    const counts = await stations.countIndicators(t.ctx, { year, counties: ["330127"] });
    return { counted: counts.get("stations.upgraded")?.get("330127") ?? 0, claimed: counts.get("stations.upgradeClaimed")?.get("330127") ?? 0, h24: counts.get("stations.upgraded24h")?.get("330127") ?? 0 };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    await makeUser(db, "county", { username: `${kind}-chunan`, regionCode: "330127", displayName: "淳安县总工会" });
    await makeUser(db, "county", { username: `${kind}-wuyi`, regionCode: "330723" });
    chunan = await loginAs(t, `${kind}-chunan`);
    wuyi = await loginAs(t, `${kind}-wuyi`);
    const [u] = await queryRows<{ id: string }>(db, sql`select id from unions where kind = 'county' and region_code = '330127'`);
    unionId = u?.id ?? "";
  });
  afterAll(async () => t.close());

  it("refuses bad input with field-level Chinese messages", async () => {
    const outside = await chunan.post("/api/stations", full({ lng: 2.35, lat: 48.85 }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json<Fields>().fields.lng).toContain("不在中国境内");
    const hours = await chunan.post("/api/stations", full({ openingHours: "每天早八晚八" }));
    expect(hours.statusCode).toBe(400);
    expect(hours.json<Fields>().fields.openingHours).toContain("开放时间无法识别");
    const water = await chunan.post("/api/stations", full({ amenities: [{ key: "water", water: null, verify: true }] }));
    expect(water.json<Fields>().fields.amenities).toContain("饮水");
    const elsewhere = await wuyi.post("/api/stations", full());
    expect(elsewhere.statusCode).toBe(403);
    const finder = await t.app.inject({ url: "/api/public/stations/nearby?lng=200&lat=30" });
    expect(finder.statusCode).toBe(400);
    const badAmenity = await t.app.inject({ url: "/api/public/stations/nearby?lng=120&lat=30&amenities=sauna" });
    expect(badAmenity.json<Fields>().fields.amenities).toContain("sauna");
  });

  let station: Station;
  it("saves a station, masks and audits the phone, keeps it in scope, and the finder sees it at once", async () => {
    const res = await chunan.post("/api/stations", full());
    expect(res.statusCode).toBe(201);
    station = res.json<Station>();
    expect(station.managerPhoneMasked).toBe("139****0001");
    expect(station.is24h).toBe(true);
    expect(station.amenities.every((a) => a.verifiedBy === "淳安县总工会" && a.verifiedAt)).toBe(true);
    expect((await wuyi.get(`/api/stations/${station.id}`)).statusCode).toBe(404);
    expect((await wuyi.get(`/api/stations?pageSize=50`)).json<{ total: number }>().total).toBe(0);
    const phone = await chunan.get(`/api/stations/${station.id}/manager-phone`);
    expect(phone.json<{ phone: string }>().phone).toBe("13957100001");
    const audits = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "station.readPhone"), eq(auditLog.objectId, station.id)));
    expect(audits).toHaveLength(1);

    const near = await t.app.inject({ url: `/api/public/stations/nearby?lng=${chunanSeat.lng + 0.01}&lat=${chunanSeat.lat}&amenities=charging,drinkableWater&openNow=1` });
    expect(near.statusCode).toBe(200);
    expect(near.headers["cache-control"]).toContain("public");
    const body = near.json<NearbyResult>();
    expect(body.items[0]).toMatchObject({ id: station.id, state: "open", nextChange: null });
    expect(body.items[0]?.distanceM).toBeGreaterThan(900);
    expect(body.items[0]?.distanceM).toBeLessThan(1000);
    expect(JSON.stringify(body)).not.toContain("方师傅");
  });

  it("shows a station with unknown hours as unknown, never open, and a paused one as closed until its date", async () => {
    const unknownRes = await chunan.post("/api/stations", full({ name: "无开放时间的驿站", openingHours: "", lng: chunanSeat.lng + 0.2, upgradeClaimedYear: null }));
    const unknown = unknownRes.json<Station>();
    const one = await t.app.inject({ url: `/api/public/stations/${unknown.id}` });
    expect(one.json()).toMatchObject({ state: "unknown" });
    const openOnly = await t.app.inject({ url: `/api/public/stations/nearby?lng=${chunanSeat.lng + 0.2}&lat=${chunanSeat.lat}&openNow=1&within=500` });
    expect(openOnly.json<NearbyResult>().items).toHaveLength(0);
    const paused = await put(chunan, `/api/stations/${unknown.id}`, full({ name: "无开放时间的驿站", openingHours: "Mo-Su 08:00-20:00", status: "closed", closedUntil: "2099-01-01", lng: chunanSeat.lng + 0.2, upgradeClaimedYear: null }));
    expect(paused.statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/public/stations/${unknown.id}` })).json()).toMatchObject({ state: "closed", status: "closed" });
  });

  it("counts the upgrade by the rule: a lock report stops it until the county answers; the reporter reads the answer", async () => {
    expect(await counted()).toEqual({ counted: 1, claimed: 1, h24: 1 });

    const report = await t.app.inject({ method: "POST", url: `/api/public/stations/${station.id}/reports`, payload: { kind: "locked", note: "22点来门锁着", observedAt: new Date(Date.now() - 3600_000).toISOString() } });
    expect(report.statusCode).toBe(201);
    const { receiptCode } = report.json<{ receiptCode: string }>();
    expect(await counted()).toEqual({ counted: 0, claimed: 1, h24: 0 });
    expect((await t.app.inject({ url: `/api/public/stations/${station.id}` })).json<{ lockReported: boolean }>().lockReported).toBe(true);

    // The county sees the to-do; 武义 does not.
    const todos = (await chunan.get("/api/inbox/todos")).json<{ items: { title: string; link: string; dueDate: string | null }[] }>();
    const todo = todos.items.find((x) => x.title.includes(station.name));
    expect(todo?.dueDate).toBeTruthy();
    expect((await wuyi.get("/api/inbox/todos")).json<{ items: { title: string }[] }>().items.some((x) => x.title.includes(station.name))).toBe(false);

    const reportId = todo?.link.split("/").at(-1) ?? "";
    expect((await wuyi.post(`/api/station-reports/${reportId}/answer`, { outcome: "resolved", answer: "已整改完毕" })).statusCode).toBe(404);
    const answered = await chunan.post(`/api/station-reports/${reportId}/answer`, { outcome: "resolved", answer: "已约谈站点负责人，夜间不再锁门" });
    expect(answered.statusCode).toBe(200);
    expect((await chunan.post(`/api/station-reports/${reportId}/answer`, { outcome: "resolved", answer: "再次答复" })).statusCode).toBe(409);

    const seen = (await t.app.inject({ url: `/api/public/station-reports/${receiptCode}` })).json<StationReport>();
    expect(seen).toMatchObject({ outcome: "resolved", answer: "已约谈站点负责人，夜间不再锁门" });
    expect(await counted()).toEqual({ counted: 1, claimed: 1, h24: 1 });
    expect((await chunan.get("/api/inbox/todos")).json<{ items: { title: string }[] }>().items.some((x) => x.title.includes(station.name))).toBe(false);
  });

  it("does not count a station whose checks are older than 90 days", async () => {
    t.advance(91 * 86_400_000);
    try {
      const c = await counted();
      // The year may have ended 91 days on: then the year is counted at its end, when the check was fresh.
      if (chinaYearOf(t.ctx.now()) === year) expect(c.counted).toBe(0);
      else expect(c.counted).toBe(1);
    } finally {
      t.advance(-91 * 86_400_000);
    }
  });

  it("counts check-ins per station and day with no personal data, and gives the poster's QR code", async () => {
    for (const occupation of ["rider", "rider", "courier"]) {
      const res = await t.app.inject({ method: "POST", url: `/api/public/stations/${station.id}/check-ins`, payload: { occupation } });
      expect(res.statusCode).toBe(201);
    }
    const last = await t.app.inject({ method: "POST", url: `/api/public/stations/${station.id}/check-ins`, payload: { occupation: "sanitation" } });
    expect(last.json()).toMatchObject({ visitsToday: 4 });
    const stats = (await chunan.get(`/api/stations/stats?year=${year}`)).json<{ counties: { countyCode: string; visits: number; counted: number; reports: number }[] }>();
    expect(stats.counties.find((c) => c.countyCode === "330127")).toMatchObject({ visits: 4, counted: 1, reports: 1 });
    const qr = await chunan.get(`/api/stations/${station.id}/qr.svg`);
    expect(qr.headers["content-type"]).toContain("image/svg+xml");
    expect(qr.body).toContain("<svg");
    const xlsx = await chunan.get(`/api/stations/stats/export?year=${year}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("xlsx");
  });

  // The 24 h figure is the hours as verified at the counting instant (the hours history), not today's flag.
  it("counts a station in a year's 24 h figure by its verified hours at that year's counting instant", async () => {
    const { db } = t.ctx.database;
    await makeUser(db, "county", { username: `${kind}-jiande`, regionCode: "330182" });
    const [u] = await queryRows<{ id: string }>(db, sql`select id from unions where kind = 'county' and region_code = '330182'`);
    const jiande = (extra: Record<string, unknown>) => full({ countyCode: "330182", unionId: u?.id ?? "", lng: 119.28, lat: 29.47, ...extra });
    const figures = async (y: number) => {
      const c = await stations.countIndicators(t.ctx, { year: y, counties: ["330182"] });
      return { counted: c.get("stations.upgraded")?.get("330182") ?? 0, h24: c.get("stations.upgraded24h")?.get("330182") ?? 0 };
    };
    // 1 December last year: A (claimed for last year) and B are posted 24/7 and checked on site.
    const back = chinaMidnight(`${year - 1}-12-01`).getTime() + 10 * 3_600_000 - t.ctx.now().getTime();
    t.advance(back);
    let a: Station;
    let b: Station;
    try {
      const then = await loginAs(t, `${kind}-jiande`);
      a = (await then.post("/api/stations", jiande({ name: "建德新安江邮政驿站", upgradeClaimedYear: year - 1 }))).json<Station>();
      b = (await then.post("/api/stations", jiande({ name: "建德洋溪加油站驿站", upgradeClaimedYear: null }))).json<Station>();
      expect([a.is24h, b.is24h]).toEqual([true, true]);
    } finally {
      t.advance(-back);
    }
    // Now both post weekday hours, checked again; B is claimed for this year, and C is posted 24/7 without a check.
    const now = await loginAs(t, `${kind}-jiande`);
    const weekdays = { openingHours: "Mo-Fr 08:00-20:00", verifyHours: true };
    expect((await put(now, `/api/stations/${a.id}`, jiande({ name: a.name, upgradeClaimedYear: year - 1, ...weekdays, amenities: [] }))).statusCode).toBe(200);
    expect((await put(now, `/api/stations/${b.id}`, jiande({ name: b.name, upgradeClaimedYear: year, ...weekdays }))).json<Station>().is24h).toBe(false);
    expect((await now.post("/api/stations", jiande({ name: "建德寿昌社区驿站", verifyHours: false }))).json<Station>().is24h).toBe(true);
    // Last year: A counted, and in the 24 h figure though it is not 24 h now (the current flag would say 0).
    expect(await figures(year - 1)).toEqual({ counted: 1, h24: 1 });
    // This year: B counted but not 24 h (it was 24 h last year); C's 24/7 was never checked on site.
    expect(await figures(year)).toEqual({ counted: 2, h24: 0 });
  });

  it("keeps photos: staff of the county upload images only (a PDF is a field-level 400), the public page lists and shows them", async () => {
    const upload = (who: Agent, name: string, bytes: Buffer, type: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/attachments?ownerKind=stations.station&ownerId=${station.id}&name=${encodeURIComponent(name)}`,
        headers: { cookie: `${sessionCookie}=${who.cookie}`, [csrfHeader]: who.info.csrfToken, "content-type": type },
        payload: bytes,
      });
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 60, b: 30 } } }).png().toBuffer();
    const saved = await upload(chunan, "门头.png", png, "image/png");
    expect(saved.statusCode).toBe(201);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");
    const refused = await upload(chunan, "说明.pdf", pdf, "application/pdf");
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Fields>().fields.file).toContain("只能上传图片");
    expect((await upload(wuyi, "门头.png", png, "image/png")).statusCode).toBe(404);

    const list = await t.app.inject({ url: `/api/public/stations/${station.id}/photos` });
    const items = list.json<{ items: { id: string; width: number; hasThumbnail: boolean }[] }>().items;
    expect(items).toEqual([{ id: saved.json<{ id: string }>().id, width: 800, height: 600, hasThumbnail: true }]);
    const thumb = await t.app.inject({ url: `/api/public/stations/${station.id}/photos/${items[0]?.id}/thumbnail` });
    expect([thumb.statusCode, thumb.headers["content-type"], thumb.headers["x-content-type-options"]]).toEqual([200, "image/webp", "nosniff"]);
    const content = await t.app.inject({ url: `/api/public/stations/${station.id}/photos/${items[0]?.id}/content` });
    expect(content.rawPayload.equals(png)).toBe(true);
    // A photo id under another station is missing.
    expect((await t.app.inject({ url: `/api/public/stations/00000000-0000-4000-8000-000000000000/photos/${items[0]?.id}/content` })).statusCode).toBe(404);
  });
});
