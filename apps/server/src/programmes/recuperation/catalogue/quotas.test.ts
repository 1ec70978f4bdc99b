import { type ImportJob, type RecuperationQuotaNode, type RecuperationQuotaView, type RecuperationRound, type Role, computeResidentIdCheckChar, csrfHeader, sessionCookie } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../../fixtures/factories";
import { federationOf, unions } from "../../../masterData/unions";
import { queryRows } from "../../../platform/db/queryRows";
import { readXlsxRows } from "../../../platform/xlsx";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";

// Quotas down the union tree (issue 14): the province → cities → counties → grassroots unions.
// 淳安 (杭州) has grassroots unions A and B, and C below A; 武义 (金华) has W.
type Who = "province" | "hangzhou" | "jinhua" | "chunan" | "wuyi" | "unionA" | "unionB" | "worker";

describe.each(testDatabaseKinds)("疗休养名额逐级分配 on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  const id = {} as Record<"province" | "hangzhou" | "jinhua" | "chunan" | "wuyi" | "A" | "B" | "C" | "W", string>;
  const year = 2026;

  const view = async (who: Who, unionId?: string) => {
    const res = await agents[who].get(`/api/recuperation/quotas?year=${year}${unionId ? `&unionId=${unionId}` : ""}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<RecuperationQuotaView>();
  };
  const set = (who: Who, quotas: Record<string, number>) =>
    agents[who].post("/api/recuperation/quotas", { year, quotas: Object.entries(quotas).map(([unionId, quota]) => ({ unionId, quota })) });
  const ok = async (who: Who, quotas: Record<string, number>) => {
    const res = await set(who, quotas);
    expect(res.statusCode, res.body).toBe(200);
  };
  const refused = async (who: Who, quotas: Record<string, number>, status: number) => {
    const res = await set(who, quotas);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<{ message: string; fields?: Record<string, string> }>();
  };
  const child = (v: RecuperationQuotaView, unionId: string) => v.children.items.find((c) => c.unionId === unionId);

  beforeAll(async () => {
    t = await startTestApp(kind);
    t.advance(Date.parse("2026-03-02T02:00:00Z") - Date.now());
    const { db } = t.ctx.database;
    for (const [key, code] of [["province", "330000"], ["hangzhou", "330100"], ["jinhua", "330700"], ["chunan", "330127"], ["wuyi", "330723"]] as const) {
      id[key] = (await federationOf(db, code))!.id;
    }
    const add = async (name: string, regionCode: string, parentId: string) =>
      (await db.insert(unions).values({ name, kind: "grassroots", formation: "single", regionCode, parentId }).returning())[0]!.id;
    id.A = await add("淳安甲机械厂工会", "330127", id.chunan);
    id.B = await add("淳安乙茶业公司工会", "330127", id.chunan);
    id.C = await add("淳安甲机械厂一车间分工会", "330127", id.A);
    id.W = await add("武义丙五金厂工会", "330723", id.wuyi);
    const accounts: [Who, Role, Record<string, string | null>][] = [
      ["province", "province", { regionCode: "330000" }],
      ["hangzhou", "city", { regionCode: "330100" }],
      ["jinhua", "city", { regionCode: "330700" }],
      ["chunan", "county", { regionCode: "330127" }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["unionA", "union", { regionCode: null, unionId: id.A }],
      ["unionB", "union", { regionCode: null, unionId: id.B }],
      ["worker", "worker", { regionCode: null }],
    ];
    for (const [who, role, fields] of accounts) await makeUser(db, role, { username: `${kind}-q-${who}`, ...fields });
    for (const [who] of accounts) agents[who] = await loginAs(t, `${kind}-q-${who}`);
  });
  afterAll(() => t.close());

  it("splits places level by level; each account sees what it received, handed down, kept and used", async () => {
    await ok("province", { [id.province]: 100 });
    await ok("province", { [id.hangzhou]: 40, [id.jinhua]: 30 });
    await ok("hangzhou", { [id.chunan]: 25 });
    await ok("chunan", { [id.A]: 10, [id.B]: 5 });
    await ok("unionA", { [id.C]: 4 });

    const province = await view("province");
    expect(province.union).toMatchObject({ unionId: id.province, received: 100, handedDown: 70, undistributed: 30, editable: true });
    expect(child(province, id.hangzhou)).toMatchObject({ received: 40, handedDown: 25, undistributed: 15, editable: true });

    const hangzhou = await view("hangzhou");
    expect(hangzhou.union).toMatchObject({ unionId: id.hangzhou, received: 40, handedDown: 25, undistributed: 15, editable: false });
    expect(hangzhou.path.map((p) => p.unionId)).toEqual([id.hangzhou]);
    expect(child(hangzhou, id.chunan)).toMatchObject({ received: 25, handedDown: 15, editable: true });

    const chunan = await view("chunan");
    expect(chunan.union).toMatchObject({ received: 25, handedDown: 15, undistributed: 10, used: 0 });
    expect(child(chunan, id.A)).toMatchObject({ received: 10, handedDown: 4, undistributed: 6, minQuota: 4, childCount: 1, editable: true });
    expect(child(chunan, id.B)).toMatchObject({ received: 5, handedDown: 0, editable: true });
    // Opening A's split: C is set by A's own account, and by 淳安 (no federation stands between).
    const a = await view("chunan", id.A);
    expect(a.path.map((p) => p.unionId)).toEqual([id.chunan, id.A]);
    expect(child(a, id.C)).toMatchObject({ received: 4, editable: true });
    expect((await view("unionA")).union).toMatchObject({ unionId: id.A, received: 10, handedDown: 4, undistributed: 6, editable: false });

    // Audited with the number before and after.
    const audit = await queryRows<{ object_id: string; detail: { before: { quota: number | null }; after: { quota: number } } }>(
      t.ctx.database.db,
      sql`select object_id, detail from audit_log where action = 'recuperation.quota.set' and object_id = ${id.chunan}`,
    );
    expect(audit.map((r) => [r.detail.before.quota, r.detail.after.quota])).toEqual([[null, 25]]);
  });

  it("refuses handing down more than was received, and lowering a union below what it handed down, naming the numbers", async () => {
    const above = await refused("chunan", { [id.B]: 16 }, 400);
    expect(above.message).toBe("「淳安县总工会」2026年共获得25个名额，已分配给其他下级10个，尚余15个；「淳安乙茶业公司工会」最多可设为15个");
    expect(above.fields).toEqual({ "quotas.0.quota": "超出上级可分配的名额" });
    await ok("chunan", { [id.B]: 15 });
    await ok("chunan", { [id.B]: 5 });

    const cities = await refused("province", { [id.hangzhou]: 60, [id.jinhua]: 50 }, 400);
    expect(cities.message).toBe("「浙江省总工会」2026年共获得100个名额，按本次分配下级合计110个，超出10个");
    const below = await refused("province", { [id.hangzhou]: 20 }, 400);
    expect(below.message).toBe("「杭州市总工会」已向下级分配25个名额，名额不能少于25个");
    expect(below.fields).toEqual({ "quotas.0.quota": "不能少于25个" });
    expect((await refused("province", { [id.province]: 69 }, 400)).message).toBe("「浙江省总工会」已向下级分配70个名额，名额不能少于70个");
    expect((await refused("chunan", { [id.A]: 3 }, 400)).message).toBe("「淳安甲机械厂工会」已向下级分配4个名额，名额不能少于4个");
    // Nothing was changed by the refusals.
    expect((await view("province")).union).toMatchObject({ received: 100, handedDown: 70 });
    // A number the schema refuses is refused by field, not clamped.
    const negative = await refused("chunan", { [id.B]: -1 }, 400);
    expect(negative.fields?.["quotas.0.quota"]).toBe("名额不能为负");
    expect((await refused("chunan", { [id.B]: 2.5 }, 400)).fields?.["quotas.0.quota"]).toBe("名额应为整数");
  });

  it("lets each account set only the unions it hands places to: never its own, never another region's (out of scope is 404)", async () => {
    // Own quota: set by the level above.
    expect((await refused("chunan", { [id.chunan]: 30 }, 403)).message).toBe("不能设置本级工会的名额：由上级「杭州市总工会」分配");
    expect((await refused("hangzhou", { [id.hangzhou]: 50 }, 403)).message).toBe("不能设置本级工会的名额：由上级「浙江省总工会」分配");
    expect((await refused("unionA", { [id.A]: 20 }, 403)).message).toBe("不能设置本级工会的名额：由上级「淳安县总工会」分配");
    // Skipping a level: the province does not set counties, a city not grassroots unions.
    expect((await refused("province", { [id.chunan]: 30 }, 403)).message).toBe("「淳安县总工会」的名额由「杭州市总工会」分配");
    expect((await refused("hangzhou", { [id.A]: 1 }, 403)).message).toBe("「淳安甲机械厂工会」的名额由「淳安县总工会」分配");
    // Another region's, or a union outside a union account's subtree: as if it did not exist.
    expect((await refused("wuyi", { [id.A]: 1 }, 404)).message).toBe("工会不存在或不在本账号范围内");
    expect((await refused("jinhua", { [id.chunan]: 1 }, 404)).message).toBe("工会不存在或不在本账号范围内");
    expect((await set("unionA", { [id.B]: 1 })).statusCode).toBe(404);
    expect((await set("unionB", { [id.C]: 1 })).statusCode).toBe(404);
    // A batch with one union out of reach changes nothing.
    expect((await set("chunan", { [id.B]: 6, [id.W]: 1 })).statusCode).toBe(404);
    expect(child(await view("chunan"), id.B)?.received).toBe(5);
    expect((await set("worker", { [id.B]: 1 })).statusCode).toBe(403);

    // Reading: the same scope. Another region's union answers 404; the tree above one's own is not shown.
    for (const [who, unionId] of [["wuyi", id.A], ["jinhua", id.chunan], ["hangzhou", id.province], ["chunan", id.hangzhou], ["unionA", id.B], ["unionB", id.chunan]] as const) {
      const res = await agents[who].get(`/api/recuperation/quotas?year=${year}&unionId=${unionId}`);
      expect(res.statusCode, `${who} reads ${unionId}`).toBe(404);
    }
    expect((await agents.worker.get(`/api/recuperation/quotas?year=${year}`)).statusCode).toBe(403);
    const wuyi = await view("wuyi");
    expect(wuyi.union).toMatchObject({ unionId: id.wuyi, received: null });
    expect(wuyi.children.items.map((c) => c.unionId)).toEqual([id.W]);
    // Read-only where another level sets: the province sees 淳安's split, none of it editable.
    const seen = await view("province", id.chunan);
    expect(seen.path.map((p) => p.unionId)).toEqual([id.province, id.hangzhou, id.chunan]);
    expect(seen.children.items.every((c: RecuperationQuotaNode) => !c.editable)).toBe(true);
  });

  it("the draw honours the grassroots quotas; places a county keeps are not drawn for its unions; a union is not lowered below its use", async () => {
    const { db } = t.ctx.database;
    await db.execute(sql`insert into recuperation_groups (rank, label, category) values (1, '全体职工', null) on conflict do nothing`);
    const base = (await agents.province.post("/api/recuperation/bases", { code: "QT01", name: "名额测试基地", countyCode: "330127", kind: "疗休养院", capacity: 100, pricePerDay: 400, certifiedFrom: "2026-01-01", certifiedUntil: "2027-12-31" })).json<{ id: string }>();
    const route = (await agents.province.post("/api/recuperation/routes", { name: "名额测试线路", theme: "山水康养", bases: [{ baseId: base.id, days: 3 }] })).json<{ id: string }>();
    const session = (await agents.province.post("/api/recuperation/sessions", { code: "QT-2026-1", routeId: route.id, startsOn: "2026-06-01", capacity: 50 })).json<{ id: string }>();
    const round = (await agents.province.post("/api/recuperation/rounds", { year, name: "名额测试轮", noRepeatYears: 0 })).json<RecuperationRound>();
    // B holds 5 places: seven of its members apply; 淳安 keeps 10 undistributed, which B's others never get.
    for (let i = 0; i < 7; i++) {
      const first17 = `33012719900101${String(100 + i)}`;
      const person = await agents.unionB.post("/api/people", { countyCode: "330127", name: `乙厂职工${i}`, residentId: first17 + computeResidentIdCheckChar(first17) });
      expect(person.statusCode, person.body).toBe(201);
      const entered = await agents.unionB.post("/api/recuperation/applications", { roundId: round.id, personId: person.json<{ id: string }>().id, choices: [session.id] });
      expect(entered.statusCode, entered.body).toBe(200);
    }
    expect((await agents.province.post(`/api/recuperation/rounds/${round.id}/commit`, { seed: "quota-tree-seed" })).statusCode).toBe(200);
    expect((await agents.province.post(`/api/recuperation/rounds/${round.id}/run`)).statusCode).toBe(202);
    for (let i = 0; i < 300; i++) {
      const r = (await agents.province.get(`/api/recuperation/rounds/${round.id}`)).json<RecuperationRound>();
      if (r.status !== "running" && r.status !== "committed") break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const offers = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from recuperation_offers o join recuperation_applications a on a.id = o.application_id where a.round_id = ${round.id}`,
    );
    expect(offers[0]?.n).toBe(5);

    const chunan = await view("chunan");
    expect(chunan.union).toMatchObject({ received: 25, handedDown: 15, undistributed: 10, used: 5 });
    expect(child(chunan, id.B)).toMatchObject({ received: 5, used: 5, minQuota: 5 });
    expect((await view("hangzhou")).union.used).toBe(5);
    // B's members hold 5 offers: B may not go below 5.
    const low = await refused("chunan", { [id.B]: 4 }, 400);
    expect(low.message).toBe("「淳安乙茶业公司工会」已使用5个名额(待确认、已接受或已入住)，名额不能少于5个");
    // Raising B hands it one of 淳安's kept places; the waitlist is offered it at once (after publication).
    await ok("chunan", { [id.B]: 6 });
    expect(child(await view("chunan"), id.B)).toMatchObject({ received: 6 });
    expect((await view("chunan")).union.undistributed).toBe(9);
  });

  it("a county uploads its split as Excel: every bad cell named, the file checked against the tree as a whole, then saved", async () => {
    const template = await agents.chunan.get("/api/imports/recuperationQuotas/template");
    expect(template.statusCode).toBe(200);
    const sheet = await readXlsxRows(template.rawPayload);
    expect(sheet.headers).toEqual(["工会名称", "名额"]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    // The drop-down: the unions 淳安 sets (C below A too: no federation stands between), not 武义's.
    // (Its first cell is the column's header.)
    const listed = (book.getWorksheet("可选值")!.getColumn(1).values as unknown[]).filter((v): v is string => typeof v === "string").slice(1);
    expect(listed.sort()).toEqual(["淳安乙茶业公司工会", "淳安甲机械厂一车间分工会", "淳安甲机械厂工会"]);
    const upload = async (rows: (string | number)[][], mode: "all" | "partial") => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("名额分配");
      ws.addRow(sheet.headers);
      for (const r of rows) ws.addRow(r);
      const started = await t.app.inject({
        method: "POST",
        url: `/api/imports/recuperationQuotas?mode=${mode}`,
        headers: { cookie: `${sessionCookie}=${agents.chunan.cookie}`, [csrfHeader]: agents.chunan.info.csrfToken, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        payload: Buffer.from(await wb.xlsx.writeBuffer()),
      });
      expect(started.statusCode, started.body).toBe(202);
      let job = started.json<ImportJob>();
      for (let i = 0; i < 200 && (job.status === "checking" || job.status === "saving"); i++) {
        await new Promise((r) => setTimeout(r, 20));
        job = (await agents.chunan.get(`/api/imports/jobs/${job.id}`)).json<ImportJob>();
      }
      return job;
    };
    const refused = await upload(
      [
        ["淳安乙茶业公司工会", 7],
        ["武义丙五金厂工会", 1],
        ["淳安甲机械厂工会", "十"],
        ["淳安乙茶业公司工会", 3],
        ["淳安甲机械厂一车间分工会", 100],
      ],
      "all",
    );
    expect(refused.status).toBe("failed");
    expect(refused.errors.map((e) => `${e.row}:${e.column}:${e.message}`)).toEqual([
      "3:工会名称:“武义丙五金厂工会”不是本账号分配名额的下级工会，请从下拉列表中选择",
      "4:名额:“十”应为0至10000000之间的整数",
      "5:工会名称:与第2行是同一工会",
      "6:名额:「淳安甲机械厂工会」2026年共获得10个名额，已分配给其他下级0个，尚余10个；「淳安甲机械厂一车间分工会」最多可设为10个",
    ]);
    expect(child(await view("chunan"), id.B)?.received).toBe(6);

    const done = await upload(
      [
        ["淳安乙茶业公司工会", 7],
        ["淳安甲机械厂一车间分工会", 5],
      ],
      "all",
    );
    expect(done).toMatchObject({ status: "done", imported: 2 });
    const after = await view("chunan");
    expect(child(after, id.B)).toMatchObject({ received: 7 });
    expect(after.union).toMatchObject({ handedDown: 17, undistributed: 8 });
    expect((await view("chunan", id.A)).children.items[0]).toMatchObject({ unionId: id.C, received: 5 });
    // 武义 cannot upload into 淳安: its drop-down holds its own union only.
    const wuyiTemplate = await agents.wuyi.get("/api/imports/recuperationQuotas/template");
    const wuyiBook = new ExcelJS.Workbook();
    await wuyiBook.xlsx.load(wuyiTemplate.rawPayload as unknown as ArrayBuffer);
    expect((wuyiBook.getWorksheet("可选值")!.getColumn(1).values as unknown[]).filter((v) => typeof v === "string").slice(1)).toEqual(["武义丙五金厂工会"]);
  });

  it("refuses a quota change while a round of the year is being drawn (the draw read the quotas at its start), and takes it after", async () => {
    const { db } = t.ctx.database;
    const [round] = await queryRows<{ id: string }>(db, sql`insert into recuperation_rounds (year, name, no_repeat_years, status) values (${year}, '进行中的轮次', 0, 'running') returning id`);
    const b = child(await view("chunan"), id.B)?.received ?? 0;
    const during = await refused("chunan", { [id.B]: b }, 409);
    expect(during.message).toBe(`${year}年的“进行中的轮次”正在摇号，名额暂不能调整，请在摇号完成后再改`);
    await db.execute(sql`delete from recuperation_rounds where id = ${round!.id}`);
    await ok("chunan", { [id.B]: b });
  });
});
