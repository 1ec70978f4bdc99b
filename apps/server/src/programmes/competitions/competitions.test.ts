import { csrfHeader, sessionCookie, type Appeal, type CertificateCheck, type Competition, type CompetitionEvent, type ErrorBody, type EventResults, type GoldBlueCollar, type MarkSlot, type Registration } from "@jiangxin/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../fixtures/factories";
import { makeContestant, makeGrassrootsUnion } from "../../fixtures/makeContestant";
import { auditLog } from "../../platform/audit/tables";
import { queryRows } from "../../platform/db/queryRows";
import { federationOf } from "../../masterData/unions";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { competitions } from ".";

type MySlot = MarkSlot & { others: { judgeName: string; mark: number | null }[] | null };

/**
 * One event from registration to a certified 浙江金蓝领, through the API: four contestants, four
 * judges (one refused on his own trainee), marks hidden until all are in, a divergent judgement,
 * second-person verification, two signatures, an appeal that makes a shared place, the province's
 * approval with the skill-level upgrade, the certificate and its public check, the figures.
 */
describe.each(testDatabaseKinds)("competitions on %s", (kind) => {
  let t: TestApp;
  const a: Record<string, Agent> = {};
  const id: Record<string, string> = {};
  let event: CompetitionEvent;
  const put = (who: string, url: string, body: unknown) =>
    t.app.inject({ method: "PUT", url, headers: { cookie: `${sessionCookie}=${a[who]!.cookie}`, [csrfHeader]: a[who]!.info.csrfToken }, payload: body as object });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const keys = { cipher: t.ctx.cipher, personHash: t.ctx.personHash };
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "千岛湖家政服务有限公司" });
    const chunanFed = (await federationOf(db, "330127"))!.id;
    id.union = await makeGrassrootsUnion(db, { name: "千岛湖家政服务有限公司工会", countyCode: "330127", parentId: chunanFed });
    id.provinceUnion = (await federationOf(db, "330000"))!.id;
    for (const [u, role, extra] of [
      ["province", "province", {}],
      ["chunan", "county", { regionCode: "330127" }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["jiceng", "union", { unionId: id.union, regionCode: null }],
      ["worker", "worker", { regionCode: null }],
      ["j1", "expert", { displayName: "裁判甲", regionCode: null }],
      ["j2", "expert", { displayName: "裁判乙", regionCode: null }],
      ["j3", "expert", { displayName: "裁判丙", regionCode: null }],
      ["j4", "expert", { displayName: "裁判丁", regionCode: null }],
      ["chief", "city", { displayName: "裁判长", regionCode: "330100" }],
      ["supervisor", "city", { displayName: "监督仲裁", regionCode: "330100" }],
    ] as const) {
      const user = await makeUser(db, role, { username: `${kind}-cmp-${u}`, ...extra });
      id[u] = user.id;
    }
    const base = { occupation: "家政服务员", skillLevel: "intermediate" as const, sex: "female" as const, unionId: id.union };
    id.pA = await makeContestant(db, keys, { ...base, name: "王丽", workerUserId: id.worker, enterpriseId: firm.id });
    id.pB = await makeContestant(db, keys, { ...base, name: "李娟", employerName: "淳安县家政协会" });
    id.pC = await makeContestant(db, keys, { ...base, name: "张敏", employerName: "文昌家政" });
    id.pD = await makeContestant(db, keys, { ...base, name: "赵燕", employerName: "里商家政" });
    id.pOld = await makeContestant(db, keys, { ...base, name: "钱老", born: "1955-01-01" });
    id.pWuyi = await makeContestant(db, keys, { ...base, name: "武义人", countyCode: "330723", unionId: undefined });
    for (const u of ["province", "chunan", "wuyi", "jiceng", "worker", "j1", "j2", "j3", "j4", "chief", "supervisor"]) a[u] = await loginAs(t, `${kind}-cmp-${u}`);
  });
  afterAll(() => t.close());

  it("organises a competition and an event with a marking scheme; a sibling county may not", async () => {
    const body = { name: "2025年浙江省女职工生活照护职业技能竞赛", tier: "key", level: "province", organiserUnionId: id.provinceUnion, startsOn: "2025-10-18", endsOn: "2025-10-19", venue: "淳安县职业技术学校", countyCode: "330127" };
    const res = await a.chunan!.post("/api/competitions", body);
    expect(res.statusCode, res.body).toBe(201);
    id.competition = res.json<Competition>().id;
    expect((await a.wuyi!.post("/api/competitions", body)).statusCode).toBe(403);
    const eventBody = {
      name: "家庭照护员",
      tradeCode: "4-10-01-05",
      tradeName: "家庭照护员",
      scheme: {
        aspects: [
          { key: "M1", name: "照护操作", kind: "measurement", maxMark: 40, weight: 40 },
          { key: "J1", name: "沟通与人文关怀", kind: "judgement", maxMark: 10, weight: 60 },
        ],
        dropExtremes: false,
        divergenceGap: 2,
        tieBreakers: [{ by: "kindSubtotal", kind: "measurement" }],
      },
      prizeCounts: { first: 1, second: 1, third: 1, merit: 0 },
      eligibility: { occupations: ["家政服务员"], minAge: 18, maxAge: 60, skillLevels: [] },
    };
    const bad = await a.chunan!.post(`/api/competitions/${id.competition}/events`, { ...eventBody, tradeCode: "41001" });
    expect(bad.json<ErrorBody>().fields?.tradeCode).toContain("职业分类大典");
    const ev = await a.chunan!.post(`/api/competitions/${id.competition}/events`, eventBody);
    expect(ev.statusCode, ev.body).toBe(201);
    event = ev.json<CompetitionEvent>();
    expect((await a.wuyi!.post(`/api/competitions/${id.competition}/events`, eventBody)).statusCode).toBe(403);
    id.eventBody = JSON.stringify(eventBody);
  });

  it("takes registrations from the worker and from the union, checks eligibility, refuses people out of reach", async () => {
    const self = await a.worker!.post(`/api/competition-events/${event.id}/registrations`, {});
    expect(self.statusCode, self.body).toBe(201);
    expect(self.json<Registration>()).toMatchObject({ registeredBy: "self", personName: "王丽", entryNumber: null });
    for (const p of ["pB", "pC", "pD"]) expect((await a.jiceng!.post(`/api/competition-events/${event.id}/registrations`, { personId: id[p] })).statusCode).toBe(201);
    const again = await a.worker!.post(`/api/competition-events/${event.id}/registrations`, {});
    expect(again.statusCode).toBe(409);
    const old = await a.jiceng!.post(`/api/competition-events/${event.id}/registrations`, { personId: id.pOld });
    expect(old.json<ErrorBody>().fields?.personId).toBe("本赛项限60周岁以下");
    const outside = await a.jiceng!.post(`/api/competition-events/${event.id}/registrations`, { personId: id.pWuyi });
    expect(outside.statusCode).toBe(400);
    expect((await a.worker!.get(`/api/competition-events/${event.id}/registrations`)).json<Registration[]>().map((r) => r.personName)).toEqual(["王丽"]);
    expect((await a.chunan!.get(`/api/competition-events/${event.id}/registrations`)).json<Registration[]>()).toHaveLength(4);
  });

  it("draws anonymous entry numbers, opens judging and then locks the scheme", async () => {
    expect((await a.chunan!.post(`/api/competition-events/${event.id}/open-judging`)).statusCode).toBe(409); // no draw yet
    expect((await a.chunan!.post(`/api/competition-events/${event.id}/draw`)).statusCode).toBe(200);
    const regs = (await a.chunan!.get(`/api/competition-events/${event.id}/registrations`)).json<Registration[]>();
    expect(regs.map((r) => r.entryNumber).sort()).toEqual(["A001", "A002", "A003", "A004"]);
    for (const r of regs) id[`reg${r.personName}`] = r.id;
    expect((await a.jiceng!.post(`/api/competition-events/${event.id}/registrations`, { personId: id.pOld })).statusCode).toBe(409);
    expect((await a.chunan!.post(`/api/competition-events/${event.id}/open-judging`)).statusCode).toBe(200);
    const edit = await put("chunan", `/api/competition-events/${event.id}`, JSON.parse(id.eventBody!));
    expect(edit.statusCode).toBe(409);
    expect(edit.json<ErrorBody>().message).toContain("锁定");
  });

  it("puts accounts on the panel; an allocation on a judge's own trainee is refused and registered", async () => {
    // The panel form's account picker: accounts that may judge (experts, staff), for the organiser only.
    const candidates = await a.chunan!.get(`/api/competition-events/${event.id}/panel/candidates?q=${encodeURIComponent("裁判甲")}`);
    expect(candidates.json<{ userId: string; roleLabel: string }[]>()).toEqual([{ userId: id.j1, displayName: "裁判甲", roleLabel: "劳模工匠" }]);
    const noWorkers = await a.chunan!.get(`/api/competition-events/${event.id}/panel/candidates?q=${encodeURIComponent(`${kind}-cmp-worker`)}`);
    expect(noWorkers.json<unknown[]>()).toEqual([]);
    expect((await a.j1!.get(`/api/competition-events/${event.id}/panel/candidates`)).statusCode).toBe(403);
    const member = (userId: string, duty: string, extra = {}) => a.chunan!.post(`/api/competition-events/${event.id}/panel`, { userId, duty, ...extra });
    expect((await member(id.j1!, "judge", { traineePersonIds: [id.pD] })).statusCode).toBe(200);
    expect((await member(id.j2!, "judge", { employerName: "文 昌家政" })).statusCode).toBe(200);
    for (const j of ["j3", "j4"]) expect((await member(id[j]!, "judge")).statusCode).toBe(200);
    expect((await member(id.chief!, "chief")).statusCode).toBe(200);
    expect((await member(id.supervisor!, "supervisor")).statusCode).toBe(200);
    expect((await member(id.worker!, "judge")).json<ErrorBody>().fields?.userId).toBeTruthy();

    const alloc = (judge: string, regs: string[], aspects: string[]) =>
      a.chunan!.post(`/api/competition-events/${event.id}/allocations`, { judgeUserId: id[judge], registrationIds: regs.map((r) => id[`reg${r}`]), aspectKeys: aspects });
    const trainee = await alloc("j1", ["王丽", "赵燕"], ["J1"]);
    expect(trainee.statusCode).toBe(409);
    expect(trainee.json<ErrorBody>().message).toContain("申报的徒弟/学员");
    // The allocation form shows the refusal under its contestants field.
    expect(trainee.json<ErrorBody>().fields?.registrationIds).toMatch(/须回避该裁判/);
    const colleague = await alloc("j2", ["张敏"], ["J1"]);
    expect(colleague.json<ErrorBody>().message).toContain("同一工作单位");

    expect((await alloc("j1", ["王丽", "李娟", "张敏"], ["J1"])).statusCode).toBe(200);
    expect((await alloc("j2", ["王丽", "李娟", "赵燕"], ["J1"])).statusCode).toBe(200);
    expect((await alloc("j3", ["王丽", "李娟", "张敏", "赵燕"], ["J1"])).statusCode).toBe(200);
    expect((await alloc("j4", ["张敏", "赵燕"], ["J1"])).statusCode).toBe(200);
    expect((await alloc("j4", ["王丽", "李娟", "张敏", "赵燕"], ["M1"])).statusCode).toBe(200);
    expect((await alloc("j3", ["王丽"], ["M1"])).statusCode).toBe(409); // one measurement per contestant

    const register = (await a.chief!.get(`/api/competition-events/${event.id}/conflicts`)).json<{ reason: string; judgeName: string }[]>();
    expect(register.map((c) => [c.judgeName, c.reason]).sort()).toEqual([["裁判乙", "employer"], ["裁判甲", "trainee"]]);
    expect((await a.j1!.get(`/api/competition-events/${event.id}/conflicts`)).statusCode).toBe(403);
  });

  it("scores independently: own allocation only, others hidden until all are in, a change needs a reason", async () => {
    const slots = async (j: string) => (await a[j]!.get(`/api/competition-events/${event.id}/my-marks`)).json<MySlot[]>();
    const byEntry = (s: MySlot[], name: string) => s.find((x) => x.registrationId === id[`reg${name}`])!;
    const mark = (j: string, slot: MySlot, m: number, reason?: string) => put(j, `/api/competition-marks/${slot.allocationId}`, reason ? { mark: m, reason } : { mark: m });

    const j1 = await slots("j1");
    expect(j1).toHaveLength(3);
    expect(JSON.stringify(j1)).not.toContain("王丽"); // entry numbers only
    const j2 = await slots("j2");
    // j1 cannot write j2's slot: answered as missing
    expect((await mark("j1", byEntry(j2, "王丽"), 9)).statusCode).toBe(404);
    expect((await mark("j1", byEntry(j1, "王丽"), 11)).json<ErrorBody>().fields?.mark).toContain("满分10");

    // 王丽: J1 8/9/10 (spread 2, not divergent) — 李娟: J1 6/9/9 (spread 3: divergent) — 张敏: 8/8/8 — 赵燕: 8/8/8
    const plan: Record<string, Record<string, number>> = {
      j1: { 王丽: 8, 李娟: 6, 张敏: 8 },
      j2: { 王丽: 9, 李娟: 9, 赵燕: 8 },
      j3: { 王丽: 10, 李娟: 9, 张敏: 8, 赵燕: 8 },
      j4: { 张敏: 8, 赵燕: 8 },
    };
    for (const [j, marks] of Object.entries(plan)) {
      const mine = (await slots(j)).filter((s) => s.aspectKey === "J1");
      for (const [name, m] of Object.entries(marks)) expect((await mark(j, byEntry(mine, name), m)).statusCode).toBe(200);
      if (j === "j1") expect(byEntry(await slots("j1"), "王丽").others).toBeNull();
    }
    const m1 = (await slots("j4")).filter((s) => s.aspectKey === "M1");
    for (const [name, m] of Object.entries({ 王丽: 30, 李娟: 36, 张敏: 32, 赵燕: 33 })) expect((await mark("j4", byEntry(m1, name), m)).statusCode).toBe(200);
    // All of 王丽's marks are in: j1 now sees the other two judgements.
    expect(byEntry((await slots("j1")).filter((s) => s.aspectKey === "J1"), "王丽").others?.map((o) => o.mark).sort()).toEqual([10, 9]);

    const change = await mark("j3", byEntry(await slots("j3"), "张敏"), 9);
    expect(change.json<ErrorBody>().fields?.reason).toBe("修改分数须填写原因");
    expect((await mark("j3", byEntry(await slots("j3"), "张敏"), 8.5, "录入笔误")).statusCode).toBe(200);
    const [audit] = await queryRows<{ detail: { reason: string; before: number; after: number } }>(t.ctx.database.db, sql`select detail from audit_log where action = 'competitionMark.change' order by at desc limit 1`);
    expect(audit?.detail).toMatchObject({ reason: "录入笔误", before: 8, after: 8.5 });
    // A typo corrected back, the other way round, to keep the ranking plan simple.
    expect((await mark("j3", byEntry(await slots("j3"), "张敏"), 8, "核对原始记录")).statusCode).toBe(200);
    // 评分任务: j1's own three are in; the other 13 entries wait for a second person.
    const judging = (await a.j1!.get("/api/competition-events/judging")).json<{ event: { id: string }; progress: unknown }[]>();
    expect(judging.find((v) => v.event.id === event.id)?.progress).toEqual({ allocated: 3, entered: 3, toVerify: 13 });
  });

  it("second person verifies: confirm or reject only, never one's own entry; the chief sees the divergence", async () => {
    const queue = async (j: string) => (await a[j]!.get(`/api/competition-events/${event.id}/verification`)).json<MarkSlot[]>();
    const j1Entries = (await queue("j2")).filter((s) => s.judgeName === "裁判甲");
    expect(j1Entries).toHaveLength(3);
    expect((await a.j1!.post(`/api/competition-marks/${j1Entries[0]!.allocationId}/verify`, { decision: "confirm" })).statusCode).toBe(403);
    const tamper = await a.j2!.post(`/api/competition-marks/${j1Entries[0]!.allocationId}/verify`, { decision: "confirm", mark: 10 });
    expect(tamper.statusCode).toBe(400); // no field to change the mark with
    const reject = await a.j2!.post(`/api/competition-marks/${j1Entries[0]!.allocationId}/verify`, { decision: "reject", note: "请核对评分表" });
    expect(reject.json<MarkSlot>().verification).toBe("rejected");
    // The chief judge cannot close marking with a rejected or unverified mark.
    expect((await a.chief!.post(`/api/competition-events/${event.id}/results/verify`)).statusCode).toBe(409);
    // The judge re-enters (a change: with a reason), then everything is confirmed by someone else.
    const slot = (await a.j1!.get(`/api/competition-events/${event.id}/my-marks`)).json<MarkSlot[]>().find((s) => s.allocationId === j1Entries[0]!.allocationId)!;
    expect((await put("j1", `/api/competition-marks/${slot.allocationId}`, { mark: slot.mark! + 0.5, reason: "复核退回后更正" })).statusCode).toBe(200);
    expect((await put("j1", `/api/competition-marks/${slot.allocationId}`, { mark: slot.mark!, reason: "再次核对" })).statusCode).toBe(200);
    for (const j of ["chief", "supervisor"]) for (const s of await queue(j)) await a[j]!.post(`/api/competition-marks/${s.allocationId}/verify`, { decision: "confirm" });
    expect(await queue("chief")).toHaveLength(0);

    const r = (await a.chief!.get(`/api/competition-events/${event.id}/results`)).json<EventResults>();
    expect(r.marksConfirmed).toBe(r.marksExpected);
    expect(r.rows.find((x) => x.personName === "李娟")?.divergentAspects).toEqual(["J1"]);
    expect(r.rows.find((x) => x.personName === "王丽")?.divergentAspects).toEqual([]);
    // Worker sees nothing before publication.
    expect((await a.worker!.get(`/api/competition-events/${event.id}/results`)).statusCode).toBe(403);
  });

  it("chief verifies, chief and supervisor sign, results are published; an appeal re-ranks into a shared place", async () => {
    expect((await a.chief!.post(`/api/competition-events/${event.id}/results/verify`)).statusCode).toBe(200);
    expect((await a.chief!.post(`/api/competition-events/${event.id}/results/publish`)).statusCode).toBe(409); // unsigned
    expect((await a.j1!.post(`/api/competition-events/${event.id}/results/sign`)).statusCode).toBe(403);
    const one = (await a.chief!.post(`/api/competition-events/${event.id}/results/sign`)).json<EventResults>();
    expect(one.event.status).toBe("verified");
    const two = (await a.supervisor!.post(`/api/competition-events/${event.id}/results/sign`)).json<EventResults>();
    expect(two.event.status).toBe("signed");
    const pub = (await a.chunan!.post(`/api/competition-events/${event.id}/results/publish`)).json<EventResults>();
    expect(pub.event.status).toBe("published");
    // 李娟 36 + 8.0×6 = 84; 赵燕 33 + 48 = 81; 王丽 30 + 54 = 84 → tie on total, measurement breaks it; 张敏 32 + 48 = 80.
    const places = (r: EventResults) => Object.fromEntries(r.rows.map((x) => [x.personName, [x.place, x.shared]]));
    expect(places(pub)).toEqual({ 李娟: [1, false], 王丽: [2, false], 赵燕: [3, false], 张敏: [4, false] });

    const lodged = await a.worker!.post(`/api/competition-events/${event.id}/appeals`, { registrationId: id.reg王丽, text: "照护操作第3项计分有误，请复核" });
    expect(lodged.statusCode, lodged.body).toBe(201);
    const appeal = lodged.json<Appeal>();
    expect((await a.chunan!.post(`/api/competition-events/${event.id}/results/finalise`)).statusCode).toBe(409); // window open
    // The supervisor upholds it: 王丽's measurement was 36, not 30 → 36 + 54 = 90; and 张敏 (a second appeal by the union) 32 → 33 ties 赵燕.
    const marks = (await a.chief!.get(`/api/competition-events/${event.id}/results`)).json<EventResults>();
    expect(marks.rows).toHaveLength(4);
    const slotsOf = await queryRows<{ id: string; registration_id: string; aspect_key: string }>(t.ctx.database.db, sql`select id, registration_id, aspect_key from competition_marks where aspect_key = 'M1'`);
    const m1 = (name: string) => slotsOf.find((s) => s.registration_id === id[`reg${name}`])!.id;
    expect((await a.chief!.post(`/api/competition-appeals/${appeal.id}/decision`, { decision: "upheld", note: "维持申诉" })).statusCode).toBe(403);
    const upheld = await a.supervisor!.post(`/api/competition-appeals/${appeal.id}/decision`, { decision: "upheld", note: "复核原始记录，照护操作应为36分", corrections: [{ allocationId: m1("王丽"), mark: 36 }] });
    expect(upheld.json<Appeal>().status).toBe("upheld");
    const second = (await a.jiceng!.post(`/api/competition-events/${event.id}/appeals`, { registrationId: id.reg张敏, text: "测量项漏记1分" })).json<Appeal>();
    await a.supervisor!.post(`/api/competition-appeals/${second.id}/decision`, { decision: "upheld", note: "漏记1分属实", corrections: [{ allocationId: m1("张敏"), mark: 33 }] });
    const after = (await a.chunan!.get(`/api/competition-events/${event.id}/results`)).json<EventResults>();
    expect(places(after)).toEqual({ 王丽: [1, false], 李娟: [2, false], 赵燕: [3, true], 张敏: [3, true] });
    expect(after.rows.filter((x) => x.place === 3).map((x) => x.prize)).toEqual(["third", "third"]);
    const [audit] = await t.ctx.database.db.select({ detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.action, "competitionMark.change"), eq(auditLog.objectId, m1("王丽"))));
    expect(audit?.detail).toMatchObject({ before: 30, after: 36 });
  });

  it("finalises after the window; nominates the top three (a shared third twice); the province approves with a certificate and a skill upgrade", async () => {
    t.advance(121 * 60_000);
    // Two hours on, the sessions have timed out (30 min idle): log in again.
    for (const u of ["province", "chunan", "wuyi", "worker", "j1"]) a[u] = await loginAs(t, `${kind}-cmp-${u}`);
    expect((await a.worker!.post(`/api/competition-events/${event.id}/appeals`, { registrationId: id.reg王丽, text: "窗口外的申诉" })).statusCode).toBe(409);
    const fin = await a.chunan!.post(`/api/competition-events/${event.id}/results/finalise`);
    expect(fin.json<EventResults>().event.status).toBe("final");
    expect((await a.worker!.get(`/api/competition-events/${event.id}/results`)).statusCode).toBe(200);
    const list = (await a.province!.get("/api/gold-blue-collars?status=nominated")).json<GoldBlueCollar[]>();
    expect(list.map((g) => [g.personName, g.place]).sort()).toEqual([["张敏", 3], ["李娟", 2], ["王丽", 1], ["赵燕", 3]]);
    expect((await a.chunan!.post(`/api/gold-blue-collars/${list[0]!.id}/decision`, { decision: "approve" })).statusCode).toBe(403);
    const wang = list.find((g) => g.personName === "王丽")!;
    const approved = (await a.province!.post(`/api/gold-blue-collars/${wang.id}/decision`, { decision: "approve" })).json<GoldBlueCollar>();
    expect(approved.certificateNo).toMatch(/^ZJJLL-2025-0001$/);
    const [p] = await queryRows<{ skill_level: string }>(t.ctx.database.db, sql`select skill_level from people where id = ${id.pA}`);
    expect(p?.skill_level).toBe("senior"); // 中级工 → 高级工
    const pdf = await a.worker!.get(`/api/gold-blue-collars/${wang.id}/certificate.pdf`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await a.wuyi!.get(`/api/gold-blue-collars/${wang.id}/certificate.pdf`)).statusCode).toBe(404);

    // 我的: the worker's registration with its place and prize, and the certificate.
    const mine = (await a.worker!.get("/api/me/items")).json<{ items: { programmeId: string; title: string; status: string; link: string }[] }>().items.filter((i) => i.programmeId === "competitions");
    expect(mine.map((i) => [i.title, i.status])).toEqual(
      expect.arrayContaining([
        [expect.stringContaining("家庭照护员"), "第1名 一等奖"],
        [`浙江金蓝领 · 家庭照护员 · 证书${approved.certificateNo}`, "已认定，可下载证书"],
      ]),
    );
    expect(mine).toHaveLength(2);

    const [tok] = await queryRows<{ check_token: string }>(t.ctx.database.db, sql`select check_token from gold_blue_collars where id = ${wang.id}`);
    const check = await t.app.inject({ method: "GET", url: `/api/public/certificates/${approved.certificateNo}?k=${tok!.check_token}` });
    expect(check.json<CertificateCheck>()).toMatchObject({ valid: true, personName: "王丽", eventName: "家庭照护员", year: 2025 });
    expect((await t.app.inject({ method: "GET", url: `/api/public/certificates/${approved.certificateNo}?k=guess` })).json<CertificateCheck>()).toEqual({ valid: false, certificateNo: approved.certificateNo });
    const pub = (await t.app.inject({ method: "GET", url: "/api/public/competition-results?year=2025" })).json<{ eventName: string; rows: { name: string; prize: string }[] }[]>();
    const named = pub[0]!.rows.map((r) => `${r.name}${r.prize}`);
    expect(named.slice(0, 2)).toEqual(["王丽一等奖", "李娟二等奖"]);
    expect(named.slice(2).sort()).toEqual(["张敏三等奖", "赵燕三等奖"]);
  });

  it("counts the figures and exports the sheets", async () => {
    const counts = await competitions.countIndicators(t.ctx, { year: 2025, counties: undefined });
    expect(counts.get("competitions.provincial")?.get("330127")).toBe(1);
    expect(counts.get("competitions.keyTier")?.get("330127")).toBe(1);
    expect(counts.get("competitions.contestants")?.get("330127")).toBe(4);
    expect(counts.get("competitions.prizeWinners")?.get("330127")).toBe(4);
    expect(counts.get("competitions.goldBlueCollar")?.get("330127")).toBe(1);
    for (const what of ["registrations", "results", "marks"]) {
      const x = await a.chunan!.get(`/api/competition-events/${event.id}/${what}/export`);
      expect(x.statusCode, what).toBe(200);
      expect(x.headers["content-type"]).toContain("spreadsheetml");
    }
    expect((await a.j1!.get(`/api/competition-events/${event.id}/marks/export`)).statusCode).toBe(403);
    const stats = (await a.chunan!.get("/api/competitions/stats?year=2025")).json<{ byCity: { name: string; contestants: number; winners: number }[]; bySex: { sex: string; contestants: number }[]; byTrade: { tradeName: string }[]; goldBlueCollarByYear: { year: number; approved: number }[] }>();
    expect(stats.byCity).toEqual([{ code: "330100", name: "杭州市", contestants: 4, winners: 4 }]);
    expect(stats.bySex).toEqual([{ sex: "female", contestants: 4, winners: 4 }]);
    expect(stats.byTrade.map((x) => x.tradeName)).toEqual(["家庭照护员"]);
    expect(stats.goldBlueCollarByYear).toEqual([{ year: 2025, approved: 1 }]);
    expect((await a.wuyi!.get("/api/competitions/stats?year=2025")).json<{ byCity: unknown[] }>().byCity).toEqual([]);
    expect((await a.worker!.get("/api/competitions/stats?year=2025")).statusCode).toBe(403);
  });

  it("declares response schemas: documented on the OpenAPI page, and no answer carries a resident ID or phone", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/docs/json" })).json<{ paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>> }>();
    const ours = Object.entries(doc.paths).filter(([p]) => /^\/api\/(competition|gold-blue|public\/(competition|certificates))/.test(p) && !p.endsWith("/export") && !p.endsWith(".pdf"));
    expect(ours.length).toBeGreaterThan(20);
    for (const [p, ops] of ours) for (const [method, op] of Object.entries(ops)) expect(op.responses?.["200"]?.content ?? op.responses?.["201"]?.content, `${method} ${p}`).toBeTruthy();
    // Every JSON answer the organiser, a judge and the worker get about this event: names and employers, never an ID number or a phone.
    const answers: string[] = [];
    for (const [who, urls] of [
      ["chunan", ["registrations", "panel", "conflicts", "marks", "results", "appeals"]],
      ["j1", ["my-marks", "verification", "results"]],
      ["worker", ["registrations", "results", "appeals"]],
    ] as const)
      for (const u of urls) answers.push((await a[who]!.get(`/api/competition-events/${event.id}/${u}`)).body);
    answers.push((await a.province!.get("/api/gold-blue-collars")).body, (await a.worker!.get("/api/me/items")).body, (await t.app.inject({ method: "GET", url: "/api/public/competition-results?year=2025" })).body);
    expect(answers.join("\n")).toContain("王丽");
    for (const body of answers) {
      expect(body).not.toMatch(/\d{17}[\dXx]/); // resident ID
      expect(body).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/); // mobile phone
      expect(body).not.toMatch(/residentId|phone/i);
    }
  });
});
