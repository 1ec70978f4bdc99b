import { todayInChina, type PaymentBatch } from "@jiangxin/domain";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import { queryRows } from "../../platform/db/queryRows";
import { AppError, notFound } from "../../platform/errors";
import { notify } from "../../platform/inbox";
import { benefitRefusal, recordBenefit } from "../../masterData/members";
import { applicationNumber, batchNumber } from "./queries";
import { upskillingApplications, upskillingBatchItems, upskillingPaymentBatches } from "./tables";

/** The city a payer works for: a city account its own; the province names one. */
function payingCity(ctx: AppContext, actor: Actor, cityCode: string | undefined): string {
  if (actor.role === "city") {
    if (cityCode && cityCode !== actor.regionCode) throw new AppError("VALIDATION_FAILED", "只能为本市的申请制作发放批次", { cityCode: "只能选择本市" });
    return actor.regionCode ?? "";
  }
  if (!cityCode) throw new AppError("VALIDATION_FAILED", "请选择地市", { cityCode: "请选择地市" });
  const region = ctx.regions.require(cityCode, "cityCode", "地市代码不存在");
  if (region.level !== "city") throw new AppError("VALIDATION_FAILED", "请选择地市", { cityCode: "请选择地市" });
  return cityCode;
}

/** The batches a payer sees: the province all, a city its own. */
function batchScope(actor: Actor) {
  if (actor.scope.kind === "all") return sql`true`;
  if (actor.role === "city" && actor.regionCode) return eq(upskillingPaymentBatches.cityCode, actor.regionCode);
  return sql`false`;
}

export async function listBatches(ctx: AppContext, actor: Actor): Promise<PaymentBatch[]> {
  const { db } = ctx.database;
  const batches = await db.select().from(upskillingPaymentBatches).where(batchScope(actor)).orderBy(desc(upskillingPaymentBatches.createdAt)).limit(200);
  if (batches.length === 0) return [];
  const tallies = await db
    .select({ batchId: upskillingBatchItems.batchId, result: upskillingBatchItems.result, n: sql<number>`count(*)::int`, yuan: sql<number>`sum(${upskillingBatchItems.amountYuan})::int` })
    .from(upskillingBatchItems)
    .where(inArray(upskillingBatchItems.batchId, batches.map((b) => b.id)))
    .groupBy(upskillingBatchItems.batchId, upskillingBatchItems.result);
  return batches.map((b) => {
    const mine = tallies.filter((t) => t.batchId === b.id);
    const of = (r: string) => mine.find((t) => t.result === r)?.n ?? 0;
    return {
      id: b.id,
      number: batchNumber(b.year, b.seq),
      year: b.year,
      regionCode: b.cityCode,
      regionName: ctx.regions.get(b.cityCode)?.name ?? b.cityCode,
      createdAt: b.createdAt.toISOString(),
      createdByName: b.createdByName,
      count: mine.reduce((a, t) => a + t.n, 0),
      totalYuan: mine.reduce((a, t) => a + t.yuan, 0),
      paid: of("paid"),
      failed: of("failed"),
      open: of("open"),
    };
  });
}

/**
 * A batch of every approved application of the city not yet in a batch (those whose card was fixed
 * after a failure included), made in one transaction: the batch, its items, the applications' link.
 */
export async function createBatch(ctx: AppContext, actor: Actor, input: { cityCode?: string | undefined }): Promise<PaymentBatch> {
  const cityCode = payingCity(ctx, actor, input.cityCode);
  const { db } = ctx.database;
  const now = ctx.now();
  const id = await db.transaction(async (tx) => {
    const waiting = await tx
      .select({ id: upskillingApplications.id, year: upskillingApplications.year })
      .from(upskillingApplications)
      .where(and(eq(upskillingApplications.cityCode, cityCode), eq(upskillingApplications.status, "approved"), isNull(upskillingApplications.batchId)))
      .for("update");
    if (waiting.length === 0) throw new AppError("BAD_REQUEST", "本市暂无待发放的已通过申请");
    const year = Math.max(...waiting.map((w) => w.year));
    const [batch] = await tx.insert(upskillingPaymentBatches).values({ year, cityCode, createdByUserId: actor.userId, createdByName: actor.displayName, createdAt: now }).returning({ id: upskillingPaymentBatches.id });
    if (!batch) throw new Error("insert returned no row");
    const ids = waiting.map((w) => w.id);
    await tx.execute(sql`insert into ${upskillingBatchItems} (batch_id, application_id, amount_yuan)
      select ${batch.id}::uuid, a.id, a.amount_yuan from ${upskillingApplications} a where a.id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
    await tx.update(upskillingApplications).set({ batchId: batch.id, updatedAt: now }).where(inArray(upskillingApplications.id, ids));
    await writeAudit(tx, auditActorOf(actor), { action: "upskilling.createBatch", objectType: "upskillingPaymentBatch", objectId: batch.id, detail: { cityCode, count: ids.length } });
    return batch.id;
  });
  const batch = (await listBatches(ctx, actor)).find((b) => b.id === id);
  if (!batch) throw notFound("发放批次");
  return batch;
}

async function findBatch(ctx: AppContext, actor: Actor, id: string) {
  const [batch] = await ctx.database.db.select().from(upskillingPaymentBatches).where(and(eq(upskillingPaymentBatches.id, id), batchScope(actor)));
  if (!batch) throw notFound("发放批次");
  return batch;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Quote what needs it; a leading = + - @ would be read as a formula by a spreadsheet, so it gets a quote mark.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The bank file (代发工资/代付 CSV, UTF-8 with BOM so Excel opens it): one row per application still
 * open in the batch, with the full account number — the one place it is decrypted, so each export is audited.
 */
export async function bankFile(ctx: AppContext, actor: Actor, id: string): Promise<{ filename: string; body: string }> {
  const batch = await findBatch(ctx, actor, id);
  const { db } = ctx.database;
  const rows = await queryRows<{ seq: number; year: number; person_name: string; bank_account_enc: string; bank_name: string; amount_yuan: number }>(
    db,
    sql`select a.seq, a.year, a.person_name, a.bank_account_enc, a.bank_name, i.amount_yuan
        from ${upskillingBatchItems} i join ${upskillingApplications} a on a.id = i.application_id
        where i.batch_id = ${id}::uuid and i.result = 'open' order by a.seq`,
  );
  const number = batchNumber(batch.year, batch.seq);
  const lines = [["序号", "申请编号", "收款人姓名", "收款账号", "开户银行", "金额(元)", "用途"].join(",")];
  rows.forEach((r, i) => {
    lines.push([i + 1, applicationNumber(r.year, r.seq), r.person_name, ctx.cipher.decrypt(r.bank_account_enc), r.bank_name, r.amount_yuan.toFixed(2), `${r.year}年学历与技能提升补助`].map(csvCell).join(","));
  });
  await db.transaction(async (tx) => {
    await writeAudit(tx, auditActorOf(actor), { action: "upskilling.exportBankFile", objectType: "upskillingPaymentBatch", objectId: id, detail: { rows: rows.length } });
  });
  return { filename: `双提升补助发放批次${number}.csv`, body: `\uFEFF${lines.join("\r\n")}\r\n` };
}

/** Minimal CSV: quoted cells with doubled quotes, commas, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ""));
}

const paidWords = new Set(["成功", "已发放", "发放成功", "paid"]);
const failedWords = new Set(["失败", "发放失败", "退回", "failed"]);

/**
 * The bank's answer for a batch: every row is checked first (known application, in this batch, still
 * open, a result word, a reason for a failure); one bad row and nothing is applied. Then, in one
 * transaction, paid ones become 已发放 and failed ones 发放失败 with the bank's reason, and each
 * applicant is told.
 */
export async function importResults(ctx: AppContext, actor: Actor, id: string, csv: string): Promise<{ paid: number; failed: number; errors: { row: number; message: string }[] }> {
  const batch = await findBatch(ctx, actor, id);
  const { db } = ctx.database;
  const rows = parseCsv(csv);
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  const col = (name: string) => header.indexOf(name);
  const [cNo, cResult, cReason] = [col("申请编号"), col("结果"), col("失败原因")];
  if (cNo < 0 || cResult < 0) throw new AppError("VALIDATION_FAILED", "回盘文件第1行须有“申请编号”“结果”两列(失败时另有“失败原因”)", { csv: "缺少“申请编号”或“结果”列" });
  const items = await queryRows<{ application_id: string; person_id: string; amount_yuan: number; seq: number; year: number; result: string; applicant_user_id: string | null }>(
    db,
    sql`select i.application_id, a.person_id, i.amount_yuan, a.seq, a.year, i.result, a.applicant_user_id from ${upskillingBatchItems} i join ${upskillingApplications} a on a.id = i.application_id where i.batch_id = ${id}::uuid`,
  );
  const byNumber = new Map(items.map((i) => [applicationNumber(i.year, i.seq), i]));
  const errors: { row: number; message: string }[] = [];
  const answers: { applicationId: string; personId: string; amountYuan: number; userId: string | null; number: string; paid: boolean; reason: string | null }[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const number = (r[cNo] ?? "").trim().toUpperCase();
    const word = (r[cResult] ?? "").trim();
    const reason = cReason >= 0 ? (r[cReason] ?? "").trim() : "";
    const item = byNumber.get(number);
    if (!item) return errors.push({ row: line, message: `申请编号“${number}”不在本批次${batchNumber(batch.year, batch.seq)}中` });
    if (seen.has(number)) return errors.push({ row: line, message: `申请编号“${number}”重复出现` });
    seen.add(number);
    if (item.result !== "open") return errors.push({ row: line, message: `申请编号“${number}”已有回盘结果` });
    const paid = paidWords.has(word);
    if (!paid && !failedWords.has(word)) return errors.push({ row: line, message: `结果应为“成功”或“失败”，而不是“${word}”` });
    if (!paid && !reason) return errors.push({ row: line, message: "失败的记录须有失败原因(如：账号不存在、户名不符)" });
    answers.push({ applicationId: item.application_id, personId: item.person_id, amountYuan: item.amount_yuan, userId: item.applicant_user_id, number, paid, reason: paid ? null : reason.slice(0, 200) });
  });
  if (errors.length > 0) {
    const text = errors.slice(0, 10).map((e) => `第${e.row}行：${e.message}`).join("；");
    throw new AppError("VALIDATION_FAILED", `回盘文件有${errors.length}处错误，未导入任何结果：${text}`, { csv: text });
  }
  if (answers.length === 0) throw new AppError("VALIDATION_FAILED", "回盘文件没有结果行", { csv: "没有结果行" });
  const now = ctx.now();
  const notRecorded: { number: string; refusal: string }[] = [];
  await db.transaction(async (tx) => {
    for (const a of answers) {
      await tx.update(upskillingBatchItems).set({ result: a.paid ? "paid" : "failed", reason: a.reason, answeredAt: now }).where(and(eq(upskillingBatchItems.batchId, id), eq(upskillingBatchItems.applicationId, a.applicationId)));
      await tx
        .update(upskillingApplications)
        .set(a.paid ? { status: "paid", paidAt: now, reason: null, updatedAt: now } : { status: "failed", reason: a.reason, updatedAt: now })
        .where(eq(upskillingApplications.id, a.applicationId));
      // Paid: one row in the member's 9+X ledger (技能培训, which covers 学历与技能提升), idempotent on the
      // application. The bank has paid already, so a refusal there (over the item's yearly limit, no
      // longer a member) leaves the payment standing and is noted in the audit row instead.
      if (a.paid) {
        const occurredOn = todayInChina(now);
        const refusal = await benefitRefusal(tx, { personId: a.personId, itemCode: "skills", occurredOn });
        if (refusal) notRecorded.push({ number: a.number, refusal });
        else await recordBenefit(tx, { personId: a.personId, itemCode: "skills", occurredOn, programme: "upskilling", sourceKey: `upskilling:paid:${a.applicationId}`, amountCents: a.amountYuan * 100, note: `学历与技能提升补助 ${a.number}`, actor: auditActorOf(actor) });
      }
      if (a.userId) {
        await notify(tx, {
          userIds: [a.userId],
          title: a.paid ? "学历与技能提升补助已发放" : "学历与技能提升补助发放失败",
          body: a.paid ? `申请 ${a.number} 的补助已发放到您的银行卡` : `申请 ${a.number} 发放失败：${a.reason}。请在“我的补助申请”中修改银行卡后重新提交`,
          link: "/upskilling/my",
          source: { programme: "upskilling", recordId: a.applicationId },
          at: now,
        });
      }
    }
    await writeAudit(tx, auditActorOf(actor), { action: "upskilling.importResults", objectType: "upskillingPaymentBatch", objectId: id, detail: { paid: answers.filter((a) => a.paid).length, failed: answers.filter((a) => !a.paid).length, notInLedger: notRecorded } });
  });
  return { paid: answers.filter((a) => a.paid).length, failed: answers.filter((a) => !a.paid).length, errors: [] };
}
