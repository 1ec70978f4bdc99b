import {
  memberStatusRules,
  membershipStatusLabels,
  todayInChina,
  type BenefitItem,
  type LedgerEntry,
  type Member,
  type MyMembership,
  type PersonCategory,
} from "@jiangxin/domain";
import { randomUUID } from "node:crypto";
import { asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../platform/actor";
import { coversCounty } from "../../platform/access";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import type { Db } from "../../platform/db/database";
import { AppError, notFound } from "../../platform/errors";
import { moveMembership, people, personIdOf } from "../people";
import { checkPathOf, ensureCard } from "./cards";
import { recordBenefit } from "./ledger";
import { membershipOf, type MembershipSummary } from "./membership";
import { benefitItems, benefitLedger } from "./tables";
import type { benefitItemInputSchema, benefitItemUpdateSchema, memberTransferSchema } from "@jiangxin/domain";

function toMember(ctx: AppContext, name: string, m: MembershipSummary): Member {
  return {
    personId: m.personId,
    name,
    memberNo: m.memberNo,
    status: m.status,
    statusLabel: memberStatusRules[m.status].label,
    joinedOn: m.joinedOn,
    unionId: m.unionId,
    unionName: m.unionName,
    countyCode: m.countyCode,
    countyName: ctx.regions.get(m.countyCode)?.name ?? m.countyCode,
    periods: m.periods.map((p) => ({ unionName: p.unionName, status: p.status, statusLabel: membershipStatusLabels[p.status], since: p.since, until: p.until })),
  };
}

export async function ledgerOf(db: Db, personId: string): Promise<LedgerEntry[]> {
  const rows = await db
    .select({ l: benefitLedger, itemName: benefitItems.name })
    .from(benefitLedger)
    .innerJoin(benefitItems, eq(benefitItems.code, benefitLedger.itemCode))
    .where(eq(benefitLedger.personId, personId))
    .orderBy(desc(benefitLedger.occurredOn), desc(benefitLedger.createdAt))
    .limit(500);
  return rows.map(({ l, itemName }) => ({
    id: l.id,
    itemCode: l.itemCode,
    itemName,
    occurredOn: l.occurredOn,
    programme: l.programme,
    countyCode: l.countyCode,
    amountCents: l.amountCents,
    note: l.note,
  }));
}

/** 我的会员: the card (issued on first view), the history of union periods and the member's own ledger. */
export async function myMembership(ctx: AppContext, actor: Actor): Promise<MyMembership> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) return { member: null, card: null, ledger: [], hint: "您的账号未关联职工信息，请联系所在工会" };
  const { db } = ctx.database;
  const [person] = await db.select({ name: people.name }).from(people).where(eq(people.id, personId));
  const card = await ensureCard(db, personId);
  const m = await membershipOf(db, personId, todayInChina(ctx.now()));
  const ledger = await ledgerOf(db, personId);
  if (!m || !person) return { member: null, card: null, ledger, hint: "您还不是工会会员：在“我的”页申请入会，工会确认后即可领取电子会员证" };
  return {
    member: toMember(ctx, person.name, { ...m, memberNo: card?.memberNo ?? m.memberNo }),
    card: card && m.isMember ? { memberNo: card.memberNo, checkPath: checkPathOf(card.cardToken) } : null,
    ledger,
    hint: m.isMember ? null : `会籍${memberStatusRules[m.status].label}：${memberStatusRules[m.status].meaning}`,
  };
}

/** The worker moves (a new platform or city): the same member, a transfer request to the union proposed there. */
export async function requestTransfer(ctx: AppContext, actor: Actor, input: z.output<typeof memberTransferSchema>) {
  const personId = await personIdOf(ctx, actor);
  if (!personId) throw new AppError("NOT_FOUND", "您的账号未关联职工信息，请联系所在工会");
  return transferResult(ctx, personId, await moveMembership(ctx, actor, personId, input, "request"));
}

/** Staff over the new county move a member directly (active in the new union at once). */
export async function enterTransfer(ctx: AppContext, actor: Actor, personId: string, input: z.output<typeof memberTransferSchema>) {
  return transferResult(ctx, personId, await moveMembership(ctx, actor, personId, input, "enter"));
}

async function transferResult(ctx: AppContext, personId: string, moved: { unionName: string; reason: string; pending: boolean }) {
  const { db } = ctx.database;
  const [person] = await db.select({ name: people.name }).from(people).where(eq(people.id, personId));
  const m = await membershipOf(db, personId, todayInChina(ctx.now()));
  if (!m || !person) throw notFound("会员");
  return { member: toMember(ctx, person.name, m), unionName: moved.unionName, reason: moved.reason, pending: moved.pending };
}

/** A member's record for staff over the member's county (or their union's account). */
export async function memberForStaff(ctx: AppContext, actor: Actor, personId: string) {
  const { db } = ctx.database;
  const [person] = await db.select({ name: people.name, countyCode: people.countyCode }).from(people).where(eq(people.id, personId));
  const m = await membershipOf(db, personId, todayInChina(ctx.now()));
  if (!person || !m || !mayServe(actor, person.countyCode, m)) throw notFound("会员");
  return { member: toMember(ctx, person.name, m), ledger: await ledgerOf(db, personId) };
}

function mayServe(actor: Actor, countyCode: string, m: MembershipSummary): boolean {
  const s = actor.scope;
  if (s.kind === "union") return m.unionId !== null && s.unionIds.includes(m.unionId);
  return coversCounty(actor, countyCode);
}

/** A union or staff record a benefit given by hand (a health check, a visit …). */
export async function recordByHand(ctx: AppContext, actor: Actor, input: { personId: string; itemCode: string; occurredOn: string; note: string | null }) {
  const { db } = ctx.database;
  await memberForStaff(ctx, actor, input.personId);
  if (input.occurredOn > todayInChina(ctx.now())) throw new AppError("VALIDATION_FAILED", "服务日期不能晚于今天", { occurredOn: "服务日期不能晚于今天" });
  const result = await db.transaction((tx) =>
    recordBenefit(tx, { ...input, programme: "members", sourceKey: `members:manual:${randomUUID()}`, actor: auditActorOf(actor) }),
  );
  return result;
}

function toItem(row: typeof benefitItems.$inferSelect): BenefitItem {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    regionCode: row.regionCode,
    description: row.description,
    eligibility: { categories: row.categories as PersonCategory[], minMemberDays: row.minMemberDays },
    yearlyLimit: row.yearlyLimit,
    active: row.active,
  };
}

/** The nine and every local X item (staff see all; the list is not personal). */
export async function listItems(db: Db): Promise<BenefitItem[]> {
  const rows = await db.select().from(benefitItems).orderBy(asc(benefitItems.sortOrder), asc(benefitItems.code));
  return rows.map(toItem);
}

/** City or county staff add a local X item for their region. */
export async function addLocalItem(ctx: AppContext, actor: Actor, input: z.output<typeof benefitItemInputSchema>): Promise<BenefitItem> {
  const region = ctx.regions.require(input.regionCode, "regionCode");
  const covers = actor.scope.kind === "all" || ctx.regions.countiesUnder(region.code).every((c) => coversCounty(actor, c));
  if (!covers) throw new AppError("FORBIDDEN", "只能为本辖区设立本地服务项目", { regionCode: "不在您的辖区内" });
  const [exists] = await ctx.database.db.select({ code: benefitItems.code }).from(benefitItems).where(eq(benefitItems.code, input.code));
  if (exists) throw new AppError("CONFLICT", "项目代码已存在", { code: "项目代码已存在" });
  const row = await ctx.database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(benefitItems)
      .values({
        code: input.code,
        name: input.name,
        kind: "local",
        regionCode: region.code,
        description: input.description,
        categories: input.eligibility.categories,
        minMemberDays: input.eligibility.minMemberDays,
        yearlyLimit: input.yearlyLimit,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await writeAudit(tx, auditActorOf(actor), { action: "benefitItem.create", objectType: "benefitItem", objectId: created.code, detail: { regionCode: region.code, yearlyLimit: input.yearlyLimit } });
    return created;
  });
  return toItem(row);
}

/**
 * Staff edit a local X item of their region (name, eligibility, yearly limit, on or off). The nine
 * standard items are the province's rules and not edited here; a switched-off item refuses new ledger
 * rows (benefitRefusal: unknownItem) and keeps the rows it has.
 */
export async function updateLocalItem(ctx: AppContext, actor: Actor, code: string, input: z.output<typeof benefitItemUpdateSchema>): Promise<BenefitItem> {
  const { db } = ctx.database;
  const [item] = await db.select().from(benefitItems).where(eq(benefitItems.code, code));
  if (!item) throw notFound("服务项目");
  if (item.kind !== "local" || !item.regionCode) throw new AppError("FORBIDDEN", "九项标准服务项目由省总工会统一设置，不能在此修改");
  const covers = actor.scope.kind === "all" || ctx.regions.countiesUnder(item.regionCode).every((c) => coversCounty(actor, c));
  if (!covers) throw new AppError("FORBIDDEN", "只能修改本辖区的本地服务项目");
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(benefitItems)
      .set({
        name: input.name,
        description: input.description,
        categories: input.eligibility.categories,
        minMemberDays: input.eligibility.minMemberDays,
        yearlyLimit: input.yearlyLimit,
        active: input.active,
      })
      .where(eq(benefitItems.code, code))
      .returning();
    if (!updated) throw notFound("服务项目");
    await writeAudit(tx, auditActorOf(actor), {
      action: "benefitItem.update",
      objectType: "benefitItem",
      objectId: code,
      detail: { before: { name: item.name, yearlyLimit: item.yearlyLimit, active: item.active, minMemberDays: item.minMemberDays }, after: { name: input.name, yearlyLimit: input.yearlyLimit, active: input.active, minMemberDays: input.eligibility.minMemberDays } },
    });
    return updated;
  });
  return toItem(row);
}
