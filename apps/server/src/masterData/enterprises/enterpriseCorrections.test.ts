import type { Enterprise, EnterpriseCorrectionEntry, ErrorBody } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../fixtures/factories";
import { auditLog } from "../../platform/audit/tables";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../testing/testApp";
import { testDatabaseKinds } from "../../testing/testDatabases";

/**
 * Issue 11: an enterprise already counted (served, in the registry) is corrected with a reason, never
 * silently rewritten: before → after on its page's 更正记录 and in the audit log, phones masked.
 */
describe.each(testDatabaseKinds)("enterprise corrections on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent;
  let wuyi: Agent;
  let firm: Agent;
  const id = { firm: "", other: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    id.firm = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "千岛湖更正机械有限公司", contactPhone: "13900001111", address: "千岛湖镇旧址1号" })).id;
    id.other = (await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "千岛湖另一家有限公司" })).id;
    await makeUser(db, "county", { username: `${kind}-ec-chunan`, regionCode: "330127", displayName: "淳安县总工会" });
    await makeUser(db, "county", { username: `${kind}-ec-wuyi`, regionCode: "330723" });
    await makeUser(db, "enterprise", { username: `${kind}-ec-firm`, enterpriseId: id.firm });
    chunan = await loginAs(t, `${kind}-ec-chunan`);
    wuyi = await loginAs(t, `${kind}-ec-wuyi`);
    firm = await loginAs(t, `${kind}-ec-firm`);
  });
  afterAll(() => t.close());

  const correct = (who: Agent, body: object, target = id.firm) => who.post(`/api/enterprises/${target}/correct`, body);

  it("corrects the name and phone with a reason, keeping before → after (phone masked) in the history and the audit", async () => {
    const res = await correct(chunan, { name: "千岛湖精工机械有限公司", contactPhone: "0571-88886666", address: "千岛湖镇新安东路8号", reason: "企业名称变更，提供了营业执照" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Enterprise>()).toMatchObject({ name: "千岛湖精工机械有限公司", address: "千岛湖镇新安东路8号", contactPhoneMasked: "0571-****6666" });

    const history = (await firm.get(`/api/enterprises/${id.firm}/corrections`)).json<EnterpriseCorrectionEntry[]>();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ reason: "企业名称变更，提供了营业执照", byName: "淳安县总工会" });
    expect(history[0]?.changes).toEqual([
      { field: "name", label: "企业名称", before: "千岛湖更正机械有限公司", after: "千岛湖精工机械有限公司" },
      { field: "contactPhone", label: "联系电话", before: "139****1111", after: "0571-****6666" },
      { field: "address", label: "详细地址", before: "千岛湖镇旧址1号", after: "千岛湖镇新安东路8号" },
    ]);
    const [audit] = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "enterprise.edit"), eq(auditLog.objectId, id.firm)));
    expect(audit?.detail).toMatchObject({ reason: "企业名称变更，提供了营业执照", before: { name: "千岛湖更正机械有限公司" }, after: { name: "千岛湖精工机械有限公司" } });
    // The full number never lands in the history or the audit.
    expect(JSON.stringify([history, audit?.detail])).not.toContain("13900001111");
    expect((await chunan.get(`/api/enterprises/${id.firm}/contact-phone`)).json<{ contactPhone: string }>().contactPhone).toBe("0571-88886666");
  });

  it("refuses a correction without a reason, with no change, or with a code another firm has — naming the field", async () => {
    const noReason = await correct(chunan, { name: "千岛湖某某机械有限公司" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().fields?.reason).toBe("请填写更正理由");
    const same = await correct(chunan, { name: "千岛湖精工机械有限公司", reason: "再次核对企业名称" });
    expect(same.statusCode).toBe(400);
    expect(same.json<ErrorBody>().fields?.reason).toBe("与原记录相同，没有需要更正的内容");
    const { uscc } = (await chunan.get(`/api/enterprises/${id.other}`)).json<Enterprise>();
    const taken = await correct(chunan, { uscc, reason: "信用代码录入有误" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorBody>().fields?.uscc).toBe("该统一社会信用代码已被其他企业登记");
  });

  it("is staff of the firm's county only: another county gets 404, the firm itself 403", async () => {
    expect((await correct(wuyi, { contactName: "王五", reason: "联系人已离职" })).statusCode).toBe(404);
    expect((await correct(firm, { contactName: "王五", reason: "联系人已离职" })).statusCode).toBe(403);
    expect((await wuyi.get(`/api/enterprises/${id.firm}/corrections`)).statusCode).toBe(404);
  });
});
