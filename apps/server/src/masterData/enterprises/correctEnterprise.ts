import type { Enterprise, EnterpriseCorrection, EnterpriseCorrectionEntry } from "@jiangxin/domain";
import { enterpriseSizeLabels, industrySections, maskPhone } from "@jiangxin/domain";
import { and, asc, eq, ne } from "drizzle-orm";
import { coversCounty, scopeCondition } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { findEnterprise, toEnterprise } from "./queries";
import { enterpriseCorrections, enterprises } from "./tables";

type Row = typeof enterprises.$inferSelect;
type Field = keyof Omit<EnterpriseCorrection, "reason">;

/** Each correctable field as the page labels it and as the history shows it (a phone only masked). */
const fields: Record<Field, { label: string; text: (r: Row) => string | null; input: (c: EnterpriseCorrection) => string | null }> = {
  uscc: { label: "统一社会信用代码", text: (r) => r.uscc, input: (c) => c.uscc ?? null },
  name: { label: "企业名称", text: (r) => r.name, input: (c) => c.name ?? null },
  industry: { label: "行业门类", text: (r) => industryText(r.industry), input: (c) => (c.industry ? industryText(c.industry) : null) },
  size: { label: "企业规模", text: (r) => enterpriseSizeLabels[r.size], input: (c) => (c.size ? enterpriseSizeLabels[c.size] : null) },
  nonPublic: { label: "企业性质", text: (r) => natureText(r.nonPublic), input: (c) => (c.nonPublic === undefined ? null : natureText(c.nonPublic)) },
  contactName: { label: "联系人", text: (r) => r.contactName, input: (c) => c.contactName ?? null },
  contactPhone: { label: "联系电话", text: (r) => r.contactPhoneMasked, input: (c) => (c.contactPhone ? maskPhone(c.contactPhone) : null) },
  address: { label: "详细地址", text: (r) => r.address, input: (c) => (c.address === undefined ? null : c.address) },
};
const industryText = (code: string) => `${code} ${industrySections[code as keyof typeof industrySections] ?? ""}`.trim();
const natureText = (nonPublic: boolean) => (nonPublic ? "非公企业" : "公有制企业");

/**
 * Puts a wrong enterprise record right, with a reason: the row changes, and the same transaction keeps
 * the change before → after in enterprise_corrections (the page's 更正记录) and the audit log. Staff of
 * the firm's county only; a firm outside the actor's region is 404. A phone is compared in full but
 * recorded masked.
 */
export async function correctEnterprise(ctx: AppContext, actor: Actor, id: string, input: EnterpriseCorrection): Promise<Enterprise> {
  const { db } = ctx.database;
  const row = await findEnterprise(db, scopeCondition(actor, { county: enterprises.countyCode, enterprise: enterprises.id }), id);
  if (!row || !coversCounty(actor, row.countyCode)) throw notFound("企业");
  const samePhone = input.contactPhone !== undefined && ctx.cipher.decrypt(row.contactPhoneEnc) === input.contactPhone;
  const changes = (Object.keys(fields) as Field[])
    .filter((f) => input[f] !== undefined && !(f === "contactPhone" && samePhone))
    .map((f) => ({ field: f, label: fields[f].label, before: fields[f].text(row), after: fields[f].input(input) }))
    .filter((c) => c.field === "contactPhone" || (c.before ?? "") !== (c.after ?? ""));
  if (changes.length === 0) throw new AppError("VALIDATION_FAILED", "没有需要更正的内容", { reason: "与原记录相同，没有需要更正的内容" });
  if (input.uscc !== undefined && input.uscc !== row.uscc) {
    const [taken] = await db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.uscc, input.uscc), ne(enterprises.id, id)));
    if (taken) throw new AppError("CONFLICT", "该统一社会信用代码已登记", { uscc: "该统一社会信用代码已被其他企业登记" });
  }
  const now = ctx.now();
  const updated = await db.transaction(async (tx) => {
    const set: Partial<typeof enterprises.$inferInsert> = { updatedAt: now };
    for (const c of changes) {
      if (c.field === "contactPhone" && input.contactPhone) {
        set.contactPhoneEnc = ctx.cipher.encrypt(input.contactPhone);
        set.contactPhoneMasked = maskPhone(input.contactPhone);
      } else if (c.field === "address") set.address = input.address ? input.address : null;
      else if (c.field !== "contactPhone") Object.assign(set, { [c.field]: input[c.field] });
    }
    const [after] = await tx.update(enterprises).set(set).where(eq(enterprises.id, id)).returning();
    await tx.insert(enterpriseCorrections).values({ enterpriseId: id, reason: input.reason, changes, byUserId: actor.userId, byName: actor.displayName, at: now });
    await writeAudit(tx, auditActorOf(actor), {
      action: "enterprise.edit",
      objectType: "enterprise",
      objectId: id,
      detail: { reason: input.reason },
      before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
      after: Object.fromEntries(changes.map((c) => [c.field, c.after])),
    });
    return after;
  });
  if (!updated) throw notFound("企业");
  return toEnterprise(updated, ctx.regions);
}

/** An enterprise's 更正记录, oldest first; whoever may open the firm may read its history. */
export async function enterpriseCorrectionsFor(db: AppContext["database"]["db"], id: string): Promise<EnterpriseCorrectionEntry[]> {
  const rows = await db.select().from(enterpriseCorrections).where(eq(enterpriseCorrections.enterpriseId, id)).orderBy(asc(enterpriseCorrections.at), asc(enterpriseCorrections.seq));
  return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), reason: r.reason, byName: r.byName, changes: r.changes }));
}
