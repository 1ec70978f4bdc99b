import { computeResidentIdCheckChar, csrfHeader, sessionCookie, type ErrorBody, type MyItem, type PaymentBatch, type ReviewOutcome, type Role, type UpskillingApplication, type UpskillingSchemeView, type UpskillingStats } from "@jiangxin/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../fixtures/factories";
import { auditLog } from "../../platform/audit/tables";
import { users } from "../../platform/auth/tables";
import { queryRows } from "../../platform/db/queryRows";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";
import { federationOf, unions } from "../../masterData/unions";

const residentId = (first17: string) => first17 + computeResidentIdCheckChar(first17);
type Who = "province" | "hangzhou" | "jinhua" | "chunan" | "wuyi" | "union" | "worker" | "rider" | "welder" | "outsider";
type Page<T> = { items: T[]; total: number };

const claim = (extra: Record<string, unknown> = {}) => ({
  kind: "skillGrade",
  level: "senior",
  certificateNumber: "S2026 3301 0001 23",
  issuedOn: "2026-05-20",
  hasLabourContract: true,
  otherSubsidy: null,
  bankName: "中国农业银行淳安支行",
  bankAccount: "6228 4803 1234 5678 917",
  ...extra,
});

describe.each(testDatabaseKinds)("学历与技能提升 (upskilling) on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<Who, Agent>;
  let unionId = "";
  const put = (who: Who, url: string, body: unknown) =>
    t.app.inject({ method: "PUT", url, headers: { cookie: `${sessionCookie}=${agents[who].cookie}`, [csrfHeader]: agents[who].info.csrfToken }, payload: body as object });
  const review = async (who: Who, ids: string[], decision: "approve" | "reject", reason: string | null = null) => {
    const res = await agents[who].post("/api/upskilling/applications/review", { ids, decision, reason });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReviewOutcome>();
  };
  const mine = async (who: Who) => (await agents[who].get("/api/upskilling/my/applications")).json<{ items: UpskillingApplication[] }>().items;

  beforeAll(async () => {
    t = await startTestApp(kind);
    // The round's clock: mid-June 2026, inside the application window whatever day the suite runs.
    t.advance(Date.parse("2026-06-15T02:00:00Z") - Date.now());
    const { db } = t.ctx.database;
    const federation = await federationOf(db, "330127");
    const [u] = await db.insert(unions).values({ name: "千岛湖双提升测试工会", kind: "grassroots", formation: "coverage", regionCode: "330127", parentId: federation?.id ?? null }).returning();
    if (!u) throw new Error("no union");
    unionId = u.id;
    const accounts: [Who, Role, Record<string, string | null>][] = [
      ["province", "province", { regionCode: "330000" }],
      ["hangzhou", "city", { regionCode: "330100" }],
      ["jinhua", "city", { regionCode: "330700" }],
      ["chunan", "county", { regionCode: "330127" }],
      ["wuyi", "county", { regionCode: "330723" }],
      ["union", "union", { regionCode: null, unionId }],
      ["worker", "worker", { regionCode: null }],
      ["rider", "worker", { regionCode: null }],
      ["welder", "worker", { regionCode: null }],
      ["outsider", "worker", { regionCode: null }],
    ];
    for (const [who, role, fields] of accounts) await makeUser(db, role, { username: `${kind}-up-${who}`, ...fields });
    for (const [who] of accounts) agents[who] = await loginAs(t, `${kind}-up-${who}`);
    // The union enters its members (members from that day); county staff enter someone who is no member.
    const enter = async (who: Who, body: Record<string, unknown>) => {
      const res = await agents[who].post("/api/people", { countyCode: "330127", occupation: "数控车工", ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const bind = async (who: Who, personId: string) => db.update(users).set({ personId }).where(eq(users.username, `${kind}-up-${who}`));
    await bind("worker", await enter("union", { name: "方志强", residentId: residentId("33012719880512401") }));
    await bind("rider", await enter("union", { name: "叶小龙", residentId: residentId("33012719950302402"), categories: ["newEmployment"], platforms: ["meituan"] }));
    await bind("welder", await enter("union", { name: "蒋海峰", residentId: residentId("33012719870909404"), categories: ["frontLine", "modelCraftsman"] }));
    await bind("outsider", await enter("chunan", { name: "徐丽", residentId: residentId("33012719900707403") }));
  });
  afterAll(() => t.close());

  it("publishes the round without a login: ¥1,000, 30,000 places, Zhoushan 600, the overflow rule", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/public/upskilling/scheme?year=2026" });
    expect(res.statusCode).toBe(200);
    const scheme = res.json<UpskillingSchemeView>();
    expect(scheme).toMatchObject({ amountYuan: 1000, target: 30000, priorityGroups: ["劳模工匠", "新就业形态劳动者"] });
    expect(scheme.cityQuotas).toContainEqual({ cityCode: "330900", cityName: "舟山市", quota: 600 });
    expect(scheme.overflowRule).toContain("提交申请时间");
  });

  it("checks eligibility at submission and names every reason", async () => {
    const notMember = await agents.outsider.post("/api/upskilling/applications", claim({ certificateNumber: "S-OUT-0001", hasLabourContract: false }));
    expect(notMember.statusCode).toBe(400);
    const body = notMember.json<ErrorBody>();
    expect(body.fields?.eligibility?.split("\n")).toEqual(["仅限在会的工会会员申请，请先申请入会，工会确认后再申请", "须与用人单位签订劳动合同(新就业形态劳动者除外)"]);
    const badCard = await agents.worker.post("/api/upskilling/applications", claim({ bankAccount: "1234" }));
    expect(badCard.statusCode).toBe(400);
    expect(badCard.json<ErrorBody>().fields?.bankAccount).toBe("银行卡号应为12至19位数字");
    expect((await agents.chunan.post("/api/upskilling/applications", claim())).statusCode).toBe(403);
  });

  it("goes up the chain grassroots → county → city, is paid in a batch, and the applicant sees each status", async () => {
    const res = await agents.worker.post("/api/upskilling/applications", claim());
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json<UpskillingApplication>();
    expect(app).toMatchObject({ status: "pending", statusLabel: "待审核", stage: "grassroots", certificateNumber: "S20263301000123", bankAccountMasked: "6228 **** **** 8917", amountYuan: 1000, cityCode: "330100", priority: false });
    // The account number is stored sealed: no digit run of it in the row.
    const [raw] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`select * from upskilling_applications where id = ${app.id}::uuid`);
    expect(JSON.stringify(raw)).not.toContain("6228480312345678917");

    // The certificate photo: the applicant adds it while the application waits; its reviewers see it, nobody else.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const upload = (who: Who) =>
      t.app.inject({
        method: "POST",
        url: `/api/attachments?ownerKind=upskilling.application&ownerId=${app.id}&name=${encodeURIComponent("证书.png")}`,
        headers: { cookie: `${sessionCookie}=${agents[who].cookie}`, [csrfHeader]: agents[who].info.csrfToken, "content-type": "image/png" },
        payload: png,
      });
    expect((await upload("worker")).statusCode).toBe(201);
    expect([403, 404]).toContain((await upload("rider")).statusCode);
    const photos = (who: Who) => agents[who].get(`/api/attachments?ownerKind=upskilling.application&ownerId=${app.id}`);
    expect((await photos("union")).json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await photos("hangzhou")).statusCode).toBe(200);
    expect((await photos("wuyi")).statusCode).toBe(404);
    expect((await photos("rider")).statusCode).toBe(404);

    // The county may not take the union's step (the union has an account); another county sees nothing.
    expect((await review("chunan", [app.id], "approve")).skipped[0]?.reason).toBe("正在“基层工会初审”环节，不是您这一级的审核");
    expect((await review("wuyi", [app.id], "approve")).skipped[0]?.reason).toBe("申请不存在或不在您的管辖范围内");
    expect((await agents.wuyi.get(`/api/upskilling/applications/${app.id}`)).statusCode).toBe(404);
    expect((await agents.union.get("/api/upskilling/applications?mine=true")).json<Page<UpskillingApplication>>().items.map((a) => a.id)).toContain(app.id);
    expect((await review("union", [app.id], "approve")).done).toEqual([app.id]);
    expect((await review("union", [app.id], "approve")).skipped[0]?.reason).toBe("正在“县级工会审核”环节，不是您这一级的审核");
    expect((await review("chunan", [app.id], "approve")).done).toEqual([app.id]);
    expect((await review("jinhua", [app.id], "approve")).done).toEqual([]);
    expect((await review("hangzhou", [app.id], "approve")).done).toEqual([app.id]);
    expect([403, 404]).toContain((await upload("worker")).statusCode);
    const approved = (await mine("worker"))[0];
    expect(approved).toMatchObject({ status: "approved", statusLabel: "已通过", stage: null });
    expect(approved?.reviews.map((r) => r.stage)).toEqual(["grassroots", "county", "city"]);

    // A second application for the same grade is refused with the reason.
    const again = await agents.worker.post("/api/upskilling/applications", claim({ certificateNumber: "S-OTHER-0002" }));
    expect(again.statusCode).toBe(400);
    expect(again.json<ErrorBody>().message).toBe("不符合申请条件：同一学历或同一技能等级只补助一次：您已申请过该等级的补助");

    // The rider (priority group) applies too; the rider's bank account fails at the bank.
    const rider = (await agents.rider.post("/api/upskilling/applications", claim({ certificateNumber: "D-2026-778899", kind: "degree", level: "juniorCollege", hasLabourContract: false, bankAccount: "6217000011112222333" }))).json<UpskillingApplication>();
    expect(rider).toMatchObject({ priority: true, priorityGroups: ["新就业形态劳动者"] });
    for (const who of ["union", "chunan", "hangzhou"] as const) expect((await review(who, [rider.id], "approve")).done).toEqual([rider.id]);

    // Payment: a city batch of both, the bank file with full account numbers (audited), the bank's answer.
    expect((await agents.chunan.post("/api/upskilling/payment-batches", {})).statusCode).toBe(403);
    const made = await agents.hangzhou.post("/api/upskilling/payment-batches", {});
    expect(made.statusCode, made.body).toBe(201);
    const batch = made.json<PaymentBatch>();
    expect(batch).toMatchObject({ regionCode: "330100", count: 2, totalYuan: 2000, open: 2 });
    expect((await agents.jinhua.get(`/api/upskilling/payment-batches/${batch.id}/bank-file`)).statusCode).toBe(404);
    const file = await agents.hangzhou.get(`/api/upskilling/payment-batches/${batch.id}/bank-file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("text/csv");
    expect(file.body).toContain(`${app.number},方志强,6228480312345678917,中国农业银行淳安支行,1000.00`);
    const audits = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, "upskilling.exportBankFile"));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]?.detail)).not.toContain("6228");

    // A bad answer file changes nothing.
    const bad = await agents.hangzhou.post(`/api/upskilling/payment-batches/${batch.id}/results`, { csv: `申请编号,结果,失败原因\n${app.number},成功,\n${rider.number},失败,\nSQ2026-999999,成功,\n` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().message).toContain("第3行：失败的记录须有失败原因");
    expect(bad.json<ErrorBody>().message).toContain("第4行：申请编号“SQ2026-999999”不在本批次");
    expect((await mine("worker"))[0]?.status).toBe("approved");
    const ok = await agents.hangzhou.post(`/api/upskilling/payment-batches/${batch.id}/results`, { csv: `\uFEFF申请编号,结果,失败原因\r\n${app.number},成功,\r\n${rider.number},失败,户名与账号不符\r\n` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ paid: 1, failed: 1, errors: [] });

    const paid = (await mine("worker"))[0];
    expect(paid).toMatchObject({ status: "paid", statusLabel: "已发放", batchNumber: batch.number });
    // Paid goes into the member's 9+X ledger once (技能培训), from this programme, keyed by the application.
    const ledger = await queryRows<{ item_code: string; programme: string }>(t.ctx.database.db, sql`select item_code, programme from benefit_ledger where source_key = ${`upskilling:paid:${app.id}`}`);
    expect(ledger).toEqual([{ item_code: "skills", programme: "upskilling" }]);
    expect(await queryRows(t.ctx.database.db, sql`select 1 from benefit_ledger where source_key = ${`upskilling:paid:${rider.id}`}`)).toEqual([]);
    const failed = (await mine("rider"))[0];
    expect(failed).toMatchObject({ status: "failed", statusLabel: "发放失败", reason: "户名与账号不符" });
    const items = (await agents.worker.get("/api/me/items")).json<{ items: MyItem[] }>().items;
    expect(items).toContainEqual(expect.objectContaining({ programmeId: "upskilling", status: "已发放", link: "/upskilling/my" }));
    const told = (await agents.rider.get("/api/inbox/notifications")).json<{ items: { title: string }[] }>().items;
    expect(told.map((n) => n.title)).toContain("学历与技能提升补助发放失败");

    // The rider fixes the card: 已通过 again, into the next batch.
    expect((await put("worker", `/api/upskilling/my/applications/${app.id}/bank-card`, { bankName: "工商银行", bankAccount: "6222020000000000001" })).statusCode).toBe(409);
    const fixed = await put("rider", `/api/upskilling/my/applications/${rider.id}/bank-card`, { bankName: "工商银行淳安支行", bankAccount: "6222 0200 0000 0000 002" });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<UpskillingApplication>()).toMatchObject({ status: "approved", reason: null, batchNumber: null, bankAccountMasked: "6222 **** **** 0002" });
    const next = (await agents.province.post("/api/upskilling/payment-batches", { cityCode: "330100" })).json<PaymentBatch>();
    expect(next).toMatchObject({ count: 1, totalYuan: 1000 });

    const stats = (await agents.hangzhou.get("/api/upskilling/stats?year=2026")).json<UpskillingStats>();
    expect(stats.cities).toEqual([{ cityCode: "330100", cityName: "杭州市", quota: 5800, applications: 2, pending: 0, approved: 2, paid: 1, failed: 0, rejected: 0 }]);
    expect(stats.medianDaysToPayment).toBe(0);
    expect((await agents.province.get("/api/upskilling/stats?year=2026")).json<UpskillingStats>().cities).toHaveLength(11);
  });

  it("rejects with a reason the applicant reads; the certificate may then be submitted again", async () => {
    const first = (await agents.welder.post("/api/upskilling/applications", claim({ kind: "degree", level: "bachelor", certificateNumber: "B-2026-0001", issuedOn: "2026-01-10" }))).json<UpskillingApplication>();
    expect(first).toMatchObject({ priority: true, priorityGroups: ["劳模工匠"] });
    const noReason = await agents.union.post("/api/upskilling/applications/review", { ids: [first.id], decision: "reject" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().fields?.reason).toBe("不通过须填写理由，申请人会看到");
    expect((await review("union", [first.id], "reject", "证书照片不清晰，编号无法核对")).done).toEqual([first.id]);
    expect((await mine("welder"))[0]).toMatchObject({ status: "rejected", statusLabel: "未通过", reason: "证书照片不清晰，编号无法核对" });
    const items = (await agents.welder.get("/api/me/items")).json<{ items: MyItem[] }>().items;
    expect(items[0]?.status).toBe("未通过(证书照片不清晰，编号无法核对)");
    // A rejected application does not stand: the same certificate may be submitted again.
    const again = await agents.welder.post("/api/upskilling/applications", claim({ kind: "degree", level: "bachelor", certificateNumber: "B-2026-0001", issuedOn: "2026-01-10" }));
    expect(again.statusCode, again.body).toBe(201);
    // But not twice at once, and not by someone else.
    const other = await agents.worker.post("/api/upskilling/applications", claim({ kind: "degree", level: "bachelor", certificateNumber: "B-2026-0001", issuedOn: "2026-01-10" }));
    expect(other.json<ErrorBody>().fields?.eligibility).toContain("该证书编号已被用于申请补助，同一证书不能重复申请");
  });

  it("applies the published overflow rule at the city's step: priority first, then submission time", async () => {
    const { db } = t.ctx.database;
    const [{ id: personId } = { id: "" }] = await queryRows<{ id: string }>(db, sql`select person_id as id from users where username = ${`${kind}-up-outsider`}`);
    // Hangzhou's 5,800 places: fill all but one (the two already approved count too).
    await db.execute(sql`insert into upskilling_applications (year, person_id, person_name, resident_id_masked, county_code, city_code, union_id, priority, kind, level,
        certificate_number, issued_on, has_labour_contract, bank_name, bank_account_enc, bank_account_masked, amount_yuan, status, submitted_at)
      select 2026, ${personId}::uuid, '填充', '330127********0000', '330127', '330100', ${unionId}::uuid, false, 'skillGrade', 'senior',
        'FILL-' || g, '2026-01-01', true, '银行', 'x', '6222 **** **** 0000', 1000, 'approved', now() from generate_series(1, 5797) g`);
    // Two waiting at the city's step: a non-priority one submitted first, a priority one later.
    const [early, late] = await queryRows<{ id: string }>(
      db,
      sql`insert into upskilling_applications (year, person_id, person_name, resident_id_masked, county_code, city_code, union_id, priority, kind, level,
          certificate_number, issued_on, has_labour_contract, bank_name, bank_account_enc, bank_account_masked, amount_yuan, status, stage, submitted_at)
        values (2026, ${personId}::uuid, '早', '330127********0000', '330127', '330100', ${unionId}::uuid, false, 'skillGrade', 'junior', 'Q-EARLY', '2026-01-01', true, '银行', 'x', 'm', 1000, 'pending', 'city', '2026-04-01T00:00:00Z'),
               (2026, ${personId}::uuid, '晚', '330127********0000', '330127', '330100', ${unionId}::uuid, true, 'skillGrade', 'junior', 'Q-LATE', '2026-01-01', true, '银行', 'x', 'm', 1000, 'pending', 'city', '2026-05-01T00:00:00Z')
        returning id`,
    );
    const outcome = await review("hangzhou", [early!.id, late!.id], "approve");
    expect(outcome.done).toEqual([late!.id]);
    expect(outcome.skipped.map((s) => [s.id, s.reason])).toEqual([[early!.id, "超出本市名额：按公布的规则(优先群体在先，再按提交时间)排第2位，剩余名额1个"]]);
    const stats = (await agents.hangzhou.get("/api/upskilling/stats?year=2026")).json<UpskillingStats>();
    expect(stats.cities[0]).toMatchObject({ quota: 5800, approved: 5800 });
  });

  it("keeps each role to its own: workers see no lists, counties only their counties", async () => {
    expect((await agents.worker.get("/api/upskilling/applications")).statusCode).toBe(403);
    expect((await agents.wuyi.get("/api/upskilling/applications")).json<Page<UpskillingApplication>>().total).toBe(0);
    expect((await agents.jinhua.get("/api/upskilling/payment-batches")).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await agents.chunan.get("/api/upskilling/applications?status=paid")).json<Page<UpskillingApplication>>().items.map((a) => a.personName)).toEqual(["方志强"]);
  });
});
