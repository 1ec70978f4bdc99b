import { csrfHeader, sessionCookie, type Attachment, type AttachmentList } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeExpert } from "../../../fixtures/makeExpert";
import { attachments } from "../../../platform/attachments/tables";
import { auditLog } from "../../../platform/audit/tables";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { makeProblem } from "../demo/makeProblem";
import { serviceSessions } from "../serviceSessions/tables";

type ErrorBody = { code: string; message: string; fields?: Record<string, string> };
const photo = () => sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 30, g: 120, b: 200 } } }).jpeg().toBuffer();
function exe(): Buffer {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  return b;
}

// The platform's attachment service through the flagship's owners: a problem in 淳安 owned by expert A.
// Who sees the problem sees its photos; 武义's staff and an unrelated expert get 404, as for a missing problem.
describe.each(testDatabaseKinds)("attachments on %s", (kind) => {
  let t: TestApp;
  const agents = {} as Record<"chunan" | "wuyi" | "firm" | "owner" | "otherExpert" | "worker", Agent>;
  const id = { problem: "", session: "" };

  const upload = (agent: Agent, query: Record<string, string>, bytes: Buffer, contentType = "image/jpeg") =>
    t.app.inject({
      method: "POST",
      url: `/api/attachments?${new URLSearchParams(query).toString()}`,
      headers: { cookie: `${sessionCookie}=${agent.cookie}`, [csrfHeader]: agent.info.csrfToken, "content-type": contentType },
      payload: bytes,
    });
  const remove = (agent: Agent, attachmentId: string) =>
    t.app.inject({ method: "DELETE", url: `/api/attachments/${attachmentId}`, headers: { cookie: `${sessionCookie}=${agent.cookie}`, [csrfHeader]: agent.info.csrfToken } });
  const onProblem = (name: string) => ({ ownerKind: "flagship.problem", ownerId: id.problem, name });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安某泵业有限公司" });
    const ownerUser = await makeUser(db, "expert", { username: `${kind}-att-owner`, regionCode: null });
    const owner = await makeExpert(db, t.ctx.cipher, { name: "负责专家", userId: ownerUser.id });
    const otherUser = await makeUser(db, "expert", { username: `${kind}-att-other`, regionCode: null });
    await makeExpert(db, t.ctx.cipher, { name: "无关专家", userId: otherUser.id });
    id.problem = (await makeProblem(db, { enterpriseId: firm.id, countyCode: "330127", trade: "6-18-02-04", status: "onSite", ownerExpertId: owner.id })).id;
    const [session] = await db.insert(serviceSessions).values({ date: "2025-03-01", countyCode: "330127", title: "助企行淳安站" }).returning();
    id.session = session!.id;
    await makeUser(db, "county", { username: `${kind}-att-chunan`, regionCode: "330127" });
    await makeUser(db, "county", { username: `${kind}-att-wuyi`, regionCode: "330723" });
    await makeUser(db, "enterprise", { username: `${kind}-att-firm`, regionCode: null, enterpriseId: firm.id });
    await makeUser(db, "worker", { username: `${kind}-att-worker`, regionCode: null });
    for (const who of ["chunan", "wuyi", "firm", "owner", "otherExpert", "worker"] as const) {
      agents[who] = await loginAs(t, `${kind}-att-${who === "otherExpert" ? "other" : who}`);
    }
  });
  afterAll(() => t.close());

  it("takes a phone photo from the problem's expert, with a thumbnail, seen by whoever sees the problem", async () => {
    const res = await upload(agents.owner, onProblem("IMG_0001.jpg"), await photo());
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json<Attachment>();
    expect(saved).toMatchObject({ name: "IMG_0001.jpg", mime: "image/jpeg", isImage: true, hasThumbnail: true, width: 1600, height: 1200, removable: true });

    for (const who of ["chunan", "firm", "owner"] as const) {
      const list = await agents[who].get(`/api/attachments?ownerKind=flagship.problem&ownerId=${id.problem}`);
      expect(list.statusCode, who).toBe(200);
      expect(list.json<AttachmentList>().items.map((a) => a.id)).toEqual([saved.id]);
      const thumb = await agents[who].get(`/api/attachments/${saved.id}/thumbnail`);
      expect([thumb.statusCode, thumb.headers["content-type"]]).toEqual([200, "image/webp"]);
      expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
    }
    const full = await agents.chunan.get(`/api/attachments/${saved.id}/content?download=1`);
    expect(full.statusCode).toBe(200);
    expect(full.rawPayload.equals(await photo())).toBe(true);
    expect(full.headers["content-disposition"]).toMatch(/^attachment; .*filename\*=UTF-8''IMG_0001\.jpg/);
    expect(full.headers["x-content-type-options"]).toBe("nosniff");

    // Out of scope is indistinguishable from missing.
    for (const who of ["wuyi", "otherExpert", "worker"] as const) {
      expect((await agents[who].get(`/api/attachments?ownerKind=flagship.problem&ownerId=${id.problem}`)).statusCode, who).toBe(404);
      expect((await agents[who].get(`/api/attachments/${saved.id}/content`)).statusCode, who).toBe(404);
      expect((await agents[who].get(`/api/attachments/${saved.id}/thumbnail`)).statusCode, who).toBe(404);
      expect((await upload(agents[who], onProblem("x.jpg"), await photo())).statusCode, who).toBe(404);
    }
    const [audit] = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "attachment.upload"), eq(auditLog.objectId, saved.id)));
    expect(audit?.detail).toMatchObject({ ownerKind: "flagship.problem", ownerId: id.problem, size: saved.size });
  });

  it("refuses a renamed .exe, an oversized file, a JSON body and an unknown owner kind in Chinese, storing nothing", async () => {
    const before = await t.ctx.database.db.select({ id: attachments.id }).from(attachments);
    const renamed = await upload(agents.owner, onProblem("现场照片.jpg"), exe());
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json<ErrorBody>().message).toMatch(/^不支持此文件：文件名是 \.jpg，但内容是Windows 程序/);

    const big = await t.app.inject({
      method: "POST",
      url: `/api/attachments?${new URLSearchParams(onProblem("大.jpg")).toString()}`,
      headers: { cookie: `${sessionCookie}=${agents.owner.cookie}`, [csrfHeader]: agents.owner.info.csrfToken, "content-type": "image/jpeg" },
      payload: Buffer.alloc(11 * 1024 * 1024, 1),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json<ErrorBody>().message).toContain("单个附件不能超过 10.0 MB");

    const json = await agents.owner.post(`/api/attachments?${new URLSearchParams(onProblem("a.jpg")).toString()}`, { file: "abc" });
    expect([json.statusCode, json.json<ErrorBody>().message]).toEqual([415, "请直接上传文件内容(不要用 JSON 包装)"]);

    const unknown = await upload(agents.owner, { ownerKind: "flagship.nothing", ownerId: id.problem, name: "a.jpg" }, await photo());
    expect([unknown.statusCode, unknown.json<ErrorBody>().message]).toEqual([400, "不支持的附件归属：flagship.nothing"]);
    const noName = await upload(agents.owner, { ownerKind: "flagship.problem", ownerId: id.problem }, await photo());
    expect([noName.statusCode, noName.json<ErrorBody>().fields?.name]).toEqual([400, "请提供文件名"]);
    expect(await t.ctx.database.db.select({ id: attachments.id }).from(attachments)).toHaveLength(before.length);
  });

  it("lets a worker see nothing and add nothing; an enterprise adds documents to its own problem", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");
    const res = await upload(agents.firm, onProblem("故障说明.pdf"), pdf, "application/pdf");
    expect(res.statusCode, res.body).toBe(201);
    const opened = await agents.owner.get(`/api/attachments/${res.json<Attachment>().id}/content`);
    expect(opened.headers["content-disposition"]).toMatch(/^inline; filename="____\.pdf"; filename\*=UTF-8''%E6%95%85%E9%9A%9C%E8%AF%B4%E6%98%8E\.pdf$/);
  });

  it("removes by the uploader or the county, never deletes, and audits it", async () => {
    const added = (await upload(agents.owner, onProblem("多余.jpg"), await photo())).json<Attachment>();
    const byFirm = await remove(agents.firm, added.id);
    expect([byFirm.statusCode, byFirm.json<ErrorBody>().message]).toEqual([403, "只能删除自己上传的附件"]);
    expect((await remove(agents.wuyi, added.id)).statusCode).toBe(404);
    const listed = (await agents.chunan.get(`/api/attachments?ownerKind=flagship.problem&ownerId=${id.problem}`)).json<AttachmentList>();
    expect(listed.items.find((a) => a.id === added.id)?.removable).toBe(true);
    expect((await remove(agents.chunan, added.id)).statusCode).toBe(204);
    expect((await agents.owner.get(`/api/attachments/${added.id}/content`)).statusCode).toBe(404);
    const after = (await agents.owner.get(`/api/attachments?ownerKind=flagship.problem&ownerId=${id.problem}`)).json<AttachmentList>();
    expect(after.items.map((a) => a.id)).not.toContain(added.id);
    const [kept] = await t.ctx.database.db.select({ removedAt: attachments.removedAt, size: attachments.size }).from(attachments).where(eq(attachments.id, added.id));
    expect(kept?.removedAt).toBeInstanceOf(Date);
    expect(kept?.size).toBe(added.size);
    expect(await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, "attachment.remove"), eq(auditLog.objectId, added.id)))).toHaveLength(1);
  });

  it("carries the on-site record of a 服务场次 within the session's scope", async () => {
    const res = await upload(agents.chunan, { ownerKind: "flagship.session", ownerId: id.session, name: "签到表.jpg" }, await photo());
    expect(res.statusCode, res.body).toBe(201);
    expect((await agents.wuyi.get(`/api/attachments?ownerKind=flagship.session&ownerId=${id.session}`)).statusCode).toBe(404);
    expect((await agents.chunan.get(`/api/attachments?ownerKind=flagship.session&ownerId=not-a-uuid`)).statusCode).toBe(404);
  });
});
