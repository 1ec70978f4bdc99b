import { computeResidentIdCheckChar, lotteryNumber, type RecuperationFairnessReport, type RecuperationMyApplication, type RecuperationPublicEntry, type RecuperationRound, type Role } from "@jiangxin/domain";
import { csrfHeader, sessionCookie, type ImportJob } from "@jiangxin/domain";
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../fixtures/factories";
import { users } from "../../platform/auth/tables";
import { queryRows } from "../../platform/db/queryRows";
import { federationOf, unions } from "../../masterData/unions";
import { readXlsxRows } from "../../platform/xlsx";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { recuperation } from ".";

const residentId = (first17: string) => first17 + computeResidentIdCheckChar(first17);
type Who = "province" | "union" | "wuyi" | "chunan" | "worker";

describe.each(testDatabaseKinds)("职工疗休养 on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  let unionId = "";
  const people: Record<string, string> = {};
  const sessions: string[] = [];
  let roundId = "";
  const apps: Record<string, string> = {};

  const ok = async <T>(p: Promise<{ statusCode: number; body: string; json: <U>() => U }>, status = 200): Promise<T> => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const put = (a: Agent, url: string, body: unknown) =>
    t.app.inject({ method: "PUT", url, headers: { cookie: `${sessionCookie}=${a.cookie}`, [csrfHeader]: a.info.csrfToken }, payload: body as object });
  const round = () => ok<RecuperationRound>(agents.province.get(`/api/recuperation/rounds/${roundId}`));
  const mine = async () => (await ok<{ applications: RecuperationMyApplication[] }>(agents.worker.get("/api/recuperation/me"))).applications[0]!;

  beforeAll(async () => {
    t = await startTestApp(kind);
    t.advance(Date.parse("2026-03-02T02:00:00Z") - Date.now());
    const { db } = t.ctx.database;
    const federation = await federationOf(db, "330127");
    const [u] = await db.insert(unions).values({ name: "千岛湖疗休养测试工会", kind: "grassroots", formation: "coverage", regionCode: "330127", parentId: federation?.id ?? null }).returning();
    unionId = u!.id;
    const accounts: [Who, Role, Record<string, string | null>][] = [
      ["province", "province", { regionCode: "330000" }],
      ["union", "union", { regionCode: null, unionId }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["chunan", "county", { regionCode: "330127" }],
      ["worker", "worker", { regionCode: null }],
    ];
    for (const [who, role, fields] of accounts) await makeUser(db, role, { username: `${kind}-rc-${who}`, ...fields });
    for (const [who] of accounts) agents[who] = await loginAs(t, `${kind}-rc-${who}`);
    const names = { worker: "方志强", a: "叶小龙", b: "蒋海峰", c: "徐丽" };
    for (const [i, [key, name]] of Object.entries(names).entries()) {
      people[key] = (await ok<{ id: string }>(agents.union.post("/api/people", { countyCode: "330127", occupation: "数控车工", name, residentId: residentId(`3301271988051240${i}`) }), 201)).id;
    }
    await db.update(users).set({ personId: people.worker! }).where(eq(users.username, `${kind}-rc-worker`));
    await db.execute(sql`insert into recuperation_groups (rank, label, category) values (1, '一线职工', 'frontLine'), (2, '其他职工', null)`);

    const base = await ok<{ id: string }>(
      agents.province.post("/api/recuperation/bases", { code: "ZJ001", name: "千岛湖职工疗休养基地", countyCode: "330127", kind: "疗休养院", capacity: 200, pricePerDay: 500, certifiedFrom: "2026-01-01", certifiedUntil: "2027-12-31" }),
    );
    const route = await ok<{ id: string }>(agents.province.post("/api/recuperation/routes", { name: "千岛湖山水康养", theme: "山水康养", bases: [{ baseId: base.id, days: 4 }] }));
    for (const [code, startsOn] of [["2026-A", "2026-05-11"], ["2026-B", "2026-05-18"]] as const) {
      sessions.push((await ok<{ id: string }>(agents.province.post("/api/recuperation/sessions", { code, routeId: route.id, startsOn, capacity: 2 }))).id);
    }
    // Places down the tree (catalogue/quotas.test.ts tests the split): the province, 杭州 and 淳安 hold 1 each, all handed down.
    const federations = sql`select id from unions where kind in ('provincial', 'city', 'county') and region_code in ('330000', '330100', '330127')`;
    await db.execute(sql`insert into recuperation_quotas (year, union_id, quota) select 2026, id, 1 from (${federations}) f`);
    await ok(agents.chunan.post("/api/recuperation/quotas", { year: 2026, quotas: [{ unionId, quota: 1 }] }));
    roundId = (await ok<RecuperationRound>(agents.province.post("/api/recuperation/rounds", { year: 2026, name: "2026年第一批", noRepeatYears: 3 }))).id;
  });
  afterAll(() => t.close());

  it("refuses what breaks the rules, in Chinese, by field", async () => {
    const dear = await agents.province.post("/api/recuperation/bases", { code: "ZJ002", name: "高价基地", countyCode: "330127", kind: "酒店", capacity: 10, pricePerDay: 900, certifiedFrom: "2026-01-01", certifiedUntil: "2026-12-31" });
    expect(dear.statusCode).toBe(400);
    expect(dear.body).toContain("600");
    expect((await agents.worker.post("/api/recuperation/me/applications", { roundId, choices: [sessions[0], sessions[0]] })).statusCode).toBe(400);
    expect((await agents.worker.post("/api/recuperation/me/applications", { roundId, choices: [] })).statusCode).toBe(400);
    expect((await agents.union.post("/api/recuperation/bases", { code: "X" })).statusCode).toBe(403);
  });

  it("takes applications from the worker and from the union, and keeps them in scope", async () => {
    apps.worker = (await ok<{ id: string }>(agents.worker.post("/api/recuperation/me/applications", { roundId, choices: [sessions[0], sessions[1]] }))).id;
    expect((await agents.worker.post("/api/recuperation/me/applications", { roundId, choices: [sessions[1]] })).statusCode).toBe(409);
    apps.a = (await ok<{ id: string }>(agents.union.post("/api/recuperation/applications", { roundId, personId: people.a, choices: [sessions[0]] }))).id;
    apps.b = (await ok<{ id: string }>(agents.union.post("/api/recuperation/applications", { roundId, personId: people.b, choices: [sessions[1], sessions[0]] }))).id;
    // On recuperation in 2025: within 3 years, never drawn.
    apps.c = (await ok<{ id: string }>(agents.union.post("/api/recuperation/applications", { roundId, personId: people.c, choices: [sessions[0]], lastYear: 2025 }))).id;
    expect((await ok<{ total: number }>(agents.union.get(`/api/recuperation/rounds/${roundId}/applications`))).total).toBe(4);
    expect((await ok<{ total: number }>(agents.wuyi.get(`/api/recuperation/rounds/${roundId}/applications`))).total).toBe(0);
    expect((await mine()).position).toBeNull();
  });

  it("commits the seed's hash, runs once as a job, publishes the seed; anyone recomputes a lottery number", async () => {
    // A seed under which the worker is second of the three eligible (all in group 1): first place goes to someone else.
    const eligible = [apps.worker!, apps.a!, apps.b!];
    let seed = "";
    for (let i = 0; ; i++) {
      seed = `seed-for-test-${i}`;
      const order = [...eligible].sort((x, y) => (lotteryNumber(seed, x) < lotteryNumber(seed, y) ? -1 : 1));
      if (order[1] === apps.worker) break;
    }
    const committed = await ok<RecuperationRound>(agents.province.post(`/api/recuperation/rounds/${roundId}/commit`, { seed }));
    expect(committed.seedHash).toBe(createHash("sha256").update(seed).digest("hex"));
    expect(committed.seed).toBeNull();
    expect((await agents.province.post(`/api/recuperation/rounds/${roundId}/commit`, {})).statusCode).toBe(409);
    const published = await t.app.inject({ method: "GET", url: "/api/public/recuperation/rounds" });
    expect(published.json<{ seedHash: string; seed: string | null }[]>()[0]).toMatchObject({ seedHash: committed.seedHash, seed: null });

    expect((await agents.province.post(`/api/recuperation/rounds/${roundId}/run`)).statusCode).toBe(202);
    for (let i = 0; i < 200 && (await round()).status === "running"; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await round()).status).toBe("drawn");
    expect((await agents.province.post(`/api/recuperation/rounds/${roundId}/run`)).statusCode).toBe(409);
    // Not yet published: the worker sees no result, the public no seed.
    expect((await mine()).position).toBeNull();

    const report = await ok<RecuperationFairnessReport>(agents.province.get(`/api/recuperation/rounds/${roundId}/report`));
    expect(report).toMatchObject({ applicants: 4, eligible: 3, placed: 1, repeatApplicants: 1, repeatPlaced: 0, unionTotals: { unions: 1, quota: 1, placed: 1, fullyUsed: 1 } });
    expect(report.groups[0]).toMatchObject({ label: "一线职工", applicants: 4, eligible: 3, placed: 1 });

    const done = await ok<RecuperationRound>(agents.province.post(`/api/recuperation/rounds/${roundId}/publish`));
    expect(done.seed).toBe(seed);
    const entry = await t.app.inject({ method: "GET", url: `/api/public/recuperation/rounds/${roundId}/applicants/${apps.worker}` });
    const expected = createHash("sha256").update(`${seed}:${apps.worker}`).digest().subarray(0, 8).toString("hex");
    expect(entry.json<RecuperationPublicEntry>()).toMatchObject({ position: 2, groupRank: 1, lotteryNumber: expected });

    const me = await mine();
    expect(me).toMatchObject({ groupLabel: "一线职工", position: 2, eligibleCount: 3, waitlistPlace: 1, lotteryNumber: expected, offers: [] });
    expect(me.outcomeText).toContain("名额已用完");
  });

  it("offers a freed place to the waitlist in draw order, held 48 h, then passed on", async () => {
    // The province and 杭州 hand 淳安 one more place; 淳安 raises the union's quota: the first waiting (the worker) is offered a place at once.
    await t.ctx.database.db.execute(sql`update recuperation_quotas set quota = 2 where union_id in (select id from unions where kind in ('provincial', 'city', 'county') and region_code in ('330000', '330100', '330127'))`);
    await ok(agents.chunan.post("/api/recuperation/quotas", { year: 2026, quotas: [{ unionId, quota: 2 }] }));
    const me = await mine();
    expect(me.offers).toHaveLength(1);
    expect(me.offers[0]).toMatchObject({ source: "waitlist", status: "offered", sessionCode: "2026-A" });
    await ok(agents.worker.post(`/api/recuperation/me/offers/${me.offers[0]!.id}`, { answer: "accept" }));
    expect((await agents.worker.post(`/api/recuperation/me/offers/${me.offers[0]!.id}`, { answer: "decline" })).statusCode).toBe(409);

    // The first placed never answers: after 48 h its place passes to the next waiting in draw order.
    await ok(agents.chunan.post("/api/recuperation/quotas", { year: 2026, quotas: [{ unionId, quota: 2 }] }));
    t.advance(49 * 3600 * 1000);
    // Sessions time out meanwhile: sign in again.
    for (const who of ["worker", "union"] as const) agents[who] = await loginAs(t, `${kind}-rc-${who}`);
    await mine();
    const offers = await queryRows<{ application_id: string; status: string; source: string }>(t.ctx.database.db, sql`select application_id, status, source from recuperation_offers order by offered_at`);
    expect(offers.filter((o) => o.status === "expired")).toHaveLength(1);
    const third = [apps.a, apps.b].find((id) => id !== offers.find((o) => o.source === "draw")?.application_id);
    expect(offers.find((o) => o.status === "offered")).toMatchObject({ application_id: third, source: "waitlist" });
  });

  it("records a stay, counted as places and spending for the county", async () => {
    const offer = (await mine()).offers[0]!;
    // A member since 2025 (the 9+X item 疗休养 asks for 180 days): the stay becomes a ledger row too.
    await t.ctx.database.db.execute(sql`update union_memberships set since = '2025-01-01' where person_id = ${people.worker}`);
    await ok(agents.union.post(`/api/recuperation/offers/${offer.id}/stay`, { status: "stayed" }));
    await ok(agents.union.post(`/api/recuperation/offers/${offer.id}/stay`, { status: "stayed" }), 409);
    const ledger = await queryRows<{ item_code: string; amount_cents: number; programme: string }>(
      t.ctx.database.db,
      sql`select item_code, amount_cents, programme from benefit_ledger where source_key = ${`recuperation:stay:${offer.id}`}`,
    );
    expect(ledger).toEqual([{ item_code: "recuperation", amount_cents: 4 * 500 * 100, programme: "recuperation" }]);
    const counts = await recuperation.countIndicators(t.ctx, { year: 2026, counties: undefined });
    expect(counts.get("recuperation.places")?.get("330127")).toBe(1);
    expect(counts.get("recuperation.spending")?.get("330127")).toBe(4 * 500);
    // Spending per base, from the stays.
    const bases = await ok<{ code: string; staysThisYear: number; spentThisYear: number }[]>(agents.union.get("/api/recuperation/bases"));
    expect(bases.find((b) => b.code === "ZJ001")).toMatchObject({ staysThisYear: 1, spentThisYear: 4 * 500 });
  });

  it("the province edits bases, routes and sessions; what is taken stays true", async () => {
    agents.province = await loginAs(t, `${kind}-rc-province`);
    const [base] = await ok<{ id: string; code: string }[]>(agents.province.get("/api/recuperation/bases"));
    const baseBody = { code: "ZJ001", name: "千岛湖职工疗休养基地(改)", countyCode: "330127", kind: "疗休养院", capacity: 220, pricePerDay: 550, certifiedFrom: "2026-01-01", certifiedUntil: "2028-12-31" };
    await ok(put(agents.province, `/api/recuperation/bases/${base!.id}`, baseBody));
    const dear = await put(agents.province, `/api/recuperation/bases/${base!.id}`, { ...baseBody, pricePerDay: 650 });
    expect(dear.statusCode).toBe(400);
    expect(dear.body).toContain("600");
    expect((await put(agents.union, `/api/recuperation/bases/${base!.id}`, baseBody)).statusCode).toBe(403);

    const [route] = await ok<{ id: string }[]>(agents.province.get("/api/recuperation/routes"));
    await ok(put(agents.province, `/api/recuperation/routes/${route!.id}`, { name: "千岛湖山水康养", theme: "山水康养", bases: [{ baseId: base!.id, days: 5 }] }));
    const sessions = await ok<{ id: string; code: string; endsOn: string; taken: number; routeId: string; startsOn: string }[]>(agents.province.get("/api/recuperation/sessions?year=2026"));
    const a = sessions.find((x) => x.code === "2026-A")!;
    // Not started yet (the clock is in March): the session takes the route's new length.
    expect(a.endsOn).toBe("2026-05-15");
    expect(a.taken).toBeGreaterThan(0);
    const low = await put(agents.province, `/api/recuperation/sessions/${a.id}`, { code: a.code, routeId: a.routeId, startsOn: a.startsOn, capacity: a.taken - 1 || 1 });
    if (a.taken > 1) expect(low.json<{ fields: Record<string, string> }>().fields.capacity).toBe(`不能少于已分配的${a.taken}个`);
    const moved = await put(agents.province, `/api/recuperation/sessions/${a.id}`, { code: a.code, routeId: a.routeId, startsOn: "2026-06-01", capacity: 5 });
    expect(moved.json<{ fields: Record<string, string> }>().fields.startsOn).toBe("已有分配名额，不能改日期");
    await ok(put(agents.province, `/api/recuperation/sessions/${a.id}`, { code: "2026-A1", routeId: a.routeId, startsOn: a.startsOn, capacity: 5 }));
    await ok(put(agents.province, `/api/recuperation/sessions/${a.id}`, { code: "2026-A", routeId: a.routeId, startsOn: a.startsOn, capacity: 5 }));
  });

  it("a union enters applications for its members by Excel: a template with drop-downs, every bad cell named, all or nothing, or the good rows", async () => {
    for (const who of ["province", "wuyi"] as const) agents[who] = await loginAs(t, `${kind}-rc-${who}`);
    const second = (await ok<RecuperationRound>(agents.province.post("/api/recuperation/rounds", { year: 2026, name: "2026年第二批", noRepeatYears: 3 }))).id;
    const template = await agents.union.get("/api/imports/recuperationApplications/template");
    expect(template.statusCode).toBe(200);
    const sheet = await readXlsxRows(template.rawPayload);
    expect(sheet.headers).toEqual(["身份证号", "姓名", "轮次", "第1志愿期次", "第2志愿期次", "第3志愿期次", "优先分组", "上次疗休养年份"]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const lists = book.getWorksheet("可选值")!;
    const listed = (lists.getColumn(1).values as unknown[]).filter((v): v is string => typeof v === "string");
    // The 轮次 drop-down holds the open round; the sessions' lists read "code｜route｜date".
    expect(listed).toContain("2026年第二批");
    expect((lists.getColumn(2).values as unknown[]).filter((v) => typeof v === "string")).toContain("2026-B｜千岛湖山水康养｜2026-05-18");

    const d = (await ok<{ id: string }>(agents.union.post("/api/people", { countyCode: "330127", name: "王建国", residentId: residentId("33012719800301100") }), 201)).id;
    const e = (await ok<{ id: string }>(agents.union.post("/api/people", { countyCode: "330127", name: "李秀英", residentId: residentId("33012719820412200") }), 201)).id;
    // Someone of Wuyi, not a member of this union.
    await ok(agents.wuyi.post("/api/people", { countyCode: "330723", name: "赵卫东", residentId: residentId("33072319790101300") }), 201);
    const upload = async (rows: string[][], mode: "all" | "partial") => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("疗休养申请");
      ws.addRow(sheet.headers);
      for (const r of rows) ws.addRow(r);
      const started = await t.app.inject({
        method: "POST",
        url: `/api/imports/recuperationApplications?mode=${mode}`,
        headers: { cookie: `${sessionCookie}=${agents.union.cookie}`, [csrfHeader]: agents.union.info.csrfToken, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        payload: Buffer.from(await wb.xlsx.writeBuffer()),
      });
      expect(started.statusCode, started.body).toBe(202);
      let job = started.json<ImportJob>();
      for (let i = 0; i < 200 && (job.status === "checking" || job.status === "saving"); i++) {
        await new Promise((r) => setTimeout(r, 20));
        job = (await agents.union.get(`/api/imports/jobs/${job.id}`)).json<ImportJob>();
      }
      return job;
    };
    const good = [
      [residentId("33012719800301100"), "王建国", "2026年第二批", "2026-B｜千岛湖山水康养｜2026-05-18", "2026-A", "", "一线职工", ""],
      [residentId("33012719820412200"), "李秀英", "2026年第二批", "2026-A", "", "", "", "2024"],
    ];
    const bad = [
      [residentId("33072319790101300"), "赵卫东", "2026年第二批", "2026-A", "", "", "", ""],
      [residentId("33012719800301100"), "王建设", "2026年第一批", "2026-Z", "", "2026-A", "其他职工", "20"],
      [residentId("11010519491231002"), "无此人", "2026年第二批", "2026-A", "2026-A", "", "", ""],
      [residentId("33012719820412200"), "李秀英", "2026年第一批", "2026-Z", "", "", "", ""],
    ];
    const refused = await upload([...good, ...bad], "all");
    expect(refused.status).toBe("failed");
    const reasons = refused.errors.map((x) => `${x.row}:${x.column}:${x.message}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        "4:身份证号:该职工没有已确认的会籍，不能申请疗休养",
        // A row whose cells do not parse is reported by cell; the registry checks run on rows that parse.
        "5:第3志愿期次:请按顺序填写志愿：第2志愿为空时不能填第3志愿",
        "5:上次疗休养年份:“20”应为1990至2026之间的四位年份",
        "6:第2志愿期次:期次“2026-A”与前面的志愿重复",
        "7:轮次:“2026年第一批”不是接受申请中的轮次，请从下拉列表中选择",
        "7:第1志愿期次:期次“2026-Z”不存在或已出发，请从下拉列表中选择",
        "7:身份证号:与第3行是同一人(身份证号相同)",
      ]),
    );
    expect((await ok<{ total: number }>(agents.union.get(`/api/recuperation/rounds/${second}/applications`))).total).toBe(0);

    // Row-level checks against the registry once the cells parse: name, group, the same person twice, scope.
    const checked = await upload([...good, [residentId("33012719800301100"), "王建设", "2026年第二批", "2026-A", "", "", "其他职工", ""], bad[2]!.map((c, i) => (i === 4 ? "" : c))], "all");
    expect(checked.errors.map((x) => `${x.row}:${x.column}:${x.message}`)).toEqual(
      expect.arrayContaining([
        "4:身份证号:与第2行是同一人(身份证号相同)",
        "4:姓名:与职工库中该身份证号的姓名不一致",
        "4:优先分组:按职工库中的职工类别，该职工属于「一线职工」，与填写的「其他职工」不符",
        "5:身份证号:职工库中没有该身份证号，请先登记职工并办理入会",
      ]),
    );

    const partial = await upload([...good, ...bad], "partial");
    expect(partial).toMatchObject({ status: "done", imported: 2, skipped: 4 });
    const entered = await ok<{ items: { personName: string; channel: string; groupRank: number; choices: string[] }[] }>(agents.union.get(`/api/recuperation/rounds/${second}/applications`));
    expect(entered.items.map((a) => [a.personName, a.channel, a.groupRank, a.choices.join(",")]).sort()).toEqual([
      ["李秀英", "import", 1, "2026-A"],
      ["王建国", "import", 1, "2026-B,2026-A"],
    ]);
    const [row] = await queryRows<{ person_id: string; last_year: number | null }>(t.ctx.database.db, sql`select person_id, last_year from recuperation_applications where round_id = ${second} and person_id = ${e}`);
    expect(row).toEqual({ person_id: e, last_year: 2024 });
    expect(d).toBeTruthy();
    // Uploading the same file again: both already applied.
    const again = await upload(good, "all");
    expect(again.errors.map((x) => x.message)).toEqual(["该职工在本轮次已有申请", "该职工在本轮次已有申请"]);
  });
});
