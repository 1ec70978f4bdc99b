import type { Enterprise, EnterpriseInput, EnterpriseListQuery } from "@jiangxin/domain";
import { maskPhone } from "@jiangxin/domain";
import { eq, sql } from "drizzle-orm";
import { coversCounty, scopeCondition } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import type { Db } from "../../platform/db/database";
import { AppError, notFound } from "../../platform/errors";
import { findEnterprise, listEnterprises, toEnterprise } from "./queries";
import { enterprises } from "./tables";

const scopeOf = (actor: Actor) => scopeCondition(actor, { county: enterprises.countyCode, enterprise: enterprises.id });
/**
 * One enterprise's detail (and its audited contact phone): the list's scope, and for an expert the firms
 * it serves (a problem it owns or helps with, a visit it is on), so it can find the firm and call it.
 * Lists and exports stay on scopeOf: an expert browses no directory of firms.
 */
const detailScopeOf = (ctx: AppContext, actor: Actor) =>
  scopeCondition(actor, { county: enterprises.countyCode, enterprise: enterprises.id, expertAlso: (expertId) => sql`${enterprises.id} in (${ctx.expertEnterprises(expertId)})` });

export async function listForActor(ctx: AppContext, actor: Actor, query: EnterpriseListQuery) {
  let counties: string[] | undefined;
  if (query.regionCode) {
    ctx.regions.require(query.regionCode);
    counties = ctx.regions.countiesUnder(query.regionCode);
  }
  const { rows, total } = await listEnterprises(ctx.database.db, { scope: scopeOf(actor), q: query.q, counties, page: query.page, pageSize: query.pageSize });
  return { items: rows.map((r) => toEnterprise(r, ctx.regions)), total, page: query.page, pageSize: query.pageSize };
}

export async function getForActor(ctx: AppContext, actor: Actor, id: string): Promise<Enterprise> {
  const row = await findEnterprise(ctx.database.db, detailScopeOf(ctx, actor), id);
  if (!row) throw notFound("企业");
  return toEnterprise(row, ctx.regions);
}

/** The full phone number; each read leaves an audit row, because that is what personal data asks for. */
export async function readContactPhone(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  const row = await findEnterprise(ctx.database.db, detailScopeOf(ctx, actor), id);
  if (!row) throw notFound("企业");
  const phone = ctx.cipher.decrypt(row.contactPhoneEnc);
  await ctx.database.db.transaction((tx) =>
    writeAudit(tx, auditActorOf(actor), { action: "enterprise.readContactPhone", objectType: "enterprise", objectId: id }),
  );
  return phone;
}

/**
 * Checks an enterprise for the actor and inserts it with its audit row, inside the caller's transaction
 * (a bulk import inserts many in one). Field errors name the input field.
 */
export async function insertEnterprise(tx: Db, ctx: AppContext, actor: Actor, input: EnterpriseInput, audit = true): Promise<typeof enterprises.$inferSelect> {
  const county = ctx.regions.get(input.countyCode);
  if (!county || county.level !== "county") {
    throw new AppError("VALIDATION_FAILED", "请选择县(市、区)一级的区划", { countyCode: "请选择县(市、区)一级的区划" });
  }
  if (!coversCounty(actor, input.countyCode)) {
    throw new AppError("FORBIDDEN", "只能在本辖区内登记企业", { countyCode: `“${county.name}”不在您的辖区内` });
  }
  const [existing] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, input.uscc));
  if (existing) throw new AppError("CONFLICT", "该统一社会信用代码已登记", { uscc: "该统一社会信用代码已登记" });
  const [created] = await tx
    .insert(enterprises)
    .values({
      uscc: input.uscc,
      name: input.name,
      industry: input.industry,
      countyCode: input.countyCode,
      size: input.size,
      nonPublic: input.nonPublic,
      contactName: input.contactName,
      contactPhoneEnc: ctx.cipher.encrypt(input.contactPhone),
      contactPhoneMasked: maskPhone(input.contactPhone),
      address: input.address ? input.address : null,
    })
    .returning();
  if (!created) throw new Error("insert returned no row");
  if (audit) await writeAudit(tx, auditActorOf(actor), { action: "enterprise.create", objectType: "enterprise", objectId: created.id, detail: { uscc: created.uscc, name: created.name } });
  return created;
}

export async function createForActor(ctx: AppContext, actor: Actor, input: EnterpriseInput): Promise<Enterprise> {
  const row = await ctx.database.db.transaction((tx) => insertEnterprise(tx, ctx, actor, input));
  return toEnterprise(row, ctx.regions);
}
