import type { Expert, ExpertAvailability, ExpertInput, ExpertListQuery, ExpertSelfAvailability, ExpertUpdate } from "@jiangxin/domain";
import { maskPhone, maskResidentId } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { coversCounty, expertPoolCondition, ownExpertId } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import type { Db } from "../../platform/db/database";
import { AppError, notFound } from "../../platform/errors";
import { findExpert, listExperts, toExpert, type ExpertRow } from "./queries";
import { experts } from "./tables";

const poolOf = (actor: Actor) => expertPoolCondition(actor, { expertId: experts.id });

export async function listForActor(ctx: AppContext, actor: Actor, query: ExpertListQuery) {
  let counties: string[] | undefined;
  if (query.regionCode) {
    ctx.regions.require(query.regionCode);
    counties = ctx.regions.countiesUnder(query.regionCode);
  }
  const { rows, total } = await listExperts(ctx.database.db, ctx.expertWorkload(experts.id), {
    scope: poolOf(actor),
    q: query.q,
    trade: query.trade,
    counties,
    availability: query.availability,
    active: query.active,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map((r) => toExpert(r, ctx.regions)), total, page: query.page, pageSize: query.pageSize };
}

export async function getForActor(ctx: AppContext, actor: Actor, id: string): Promise<Expert> {
  const row = await findExpert(ctx.database.db, ctx.expertWorkload(experts.id), poolOf(actor), id);
  if (!row) throw notFound("专家");
  return toExpert(row, ctx.regions);
}

/**
 * The full phone; each read leaves an audit row. The pool is provincial but personal data is not:
 * only staff whose region covers the expert's home county (or the province) may read it.
 */
export async function readPhone(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  const row = await findExpert(ctx.database.db, ctx.expertWorkload(experts.id), poolOf(actor), id);
  if (!row || !coversCounty(actor, row.homeCountyCode)) throw notFound("专家");
  const phone = ctx.cipher.decrypt(row.phoneEnc);
  await ctx.database.db.transaction((tx) => writeAudit(tx, auditActorOf(actor), { action: "expert.readPhone", objectType: "expert", objectId: id }));
  return phone;
}

/** A home county must be a county-level unit inside the actor's region. */
function checkHomeCounty(ctx: AppContext, actor: Actor, code: string): void {
  const county = ctx.regions.get(code);
  if (!county || county.level !== "county") {
    throw new AppError("VALIDATION_FAILED", "请选择县(市、区)一级的区划", { homeCountyCode: "请选择县(市、区)一级的区划" });
  }
  if (!coversCounty(actor, code)) {
    throw new AppError("FORBIDDEN", "只能登记或修改本辖区的专家", { homeCountyCode: `“${county.name}”不在您的辖区内` });
  }
}

/** The columns every write sets from the form; personal data is handled by the caller. */
function plainColumns(input: ExpertInput | ExpertUpdate) {
  return {
    name: input.name,
    employer: input.employer,
    homeCountyCode: input.homeCountyCode,
    skillLevel: input.skillLevel,
    trades: input.trades,
    honours: input.honours,
    availability: input.availability,
    maxOpenProblems: input.maxOpenProblems,
    active: input.active,
  };
}

/** Inserts an expert and its audit row inside the caller's transaction (a bulk import inserts many in one). */
export async function insertExpert(tx: Db, ctx: AppContext, actor: Actor, input: ExpertInput): Promise<ExpertRow> {
  checkHomeCounty(ctx, actor, input.homeCountyCode);
  const [created] = await tx
    .insert(experts)
    .values({
      ...plainColumns(input),
      phoneEnc: ctx.cipher.encrypt(input.phone),
      phoneMasked: maskPhone(input.phone),
      residentIdEnc: input.residentId ? ctx.cipher.encrypt(input.residentId) : null,
      residentIdMasked: input.residentId ? maskResidentId(input.residentId) : null,
    })
    .returning();
  if (!created) throw new Error("insert returned no row");
  await writeAudit(tx, auditActorOf(actor), {
    action: "expert.create",
    objectType: "expert",
    objectId: created.id,
    detail: { name: created.name, homeCountyCode: created.homeCountyCode },
  });
  return created;
}

export async function createForActor(ctx: AppContext, actor: Actor, input: ExpertInput): Promise<Expert> {
  const row = await ctx.database.db.transaction((tx) => insertExpert(tx, ctx, actor, input));
  return toExpert({ ...row, openProblems: 0 }, ctx.regions);
}

const auditedFields = ["name", "employer", "homeCountyCode", "skillLevel", "trades", "honours", "availability", "maxOpenProblems", "active"] as const;

/** JSON with object keys sorted: jsonb hands honours back with its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Names of the fields an edit changed (values of personal data never go into the audit detail). */
function changedFields(before: ExpertRow, input: ExpertUpdate): string[] {
  const changed: string[] = auditedFields.filter((key) => canonical(before[key]) !== canonical(input[key]));
  if (input.phone !== undefined) changed.push("phone");
  if (input.residentId !== undefined) changed.push("residentId");
  return changed;
}

/** The expert row if the actor's region covers its home county; edits belong to that union (or above). */
async function editableExpert(ctx: AppContext, actor: Actor, id: string) {
  const before = await findExpert(ctx.database.db, ctx.expertWorkload(experts.id), poolOf(actor), id);
  if (!before) throw notFound("专家");
  if (!coversCounty(actor, before.homeCountyCode)) {
    const county = ctx.regions.get(before.homeCountyCode);
    throw new AppError("FORBIDDEN", `该专家属于“${county?.name ?? before.homeCountyCode}”，只能由其所在地工会修改`);
  }
  return before;
}

export async function setAvailability(ctx: AppContext, actor: Actor, id: string, availability: ExpertAvailability): Promise<Expert> {
  const before = await editableExpert(ctx, actor, id);
  const row = await ctx.database.db.transaction(async (tx) => {
    const [updated] = await tx.update(experts).set({ availability, updatedAt: ctx.now() }).where(eq(experts.id, id)).returning();
    if (!updated) throw notFound("专家");
    await writeAudit(tx, auditActorOf(actor), {
      action: "expert.setAvailability",
      objectType: "expert",
      objectId: id,
      detail: { from: before.availability, to: availability },
    });
    return updated;
  });
  return toExpert({ ...row, openProblems: before.openProblems }, ctx.regions);
}

/**
 * An expert pauses or resumes its own service. Only its own row: which row is "its own" is access.ts's
 * answer, never an id from the request. The planner and the suggestions take only 可派出 experts.
 */
export async function setOwnAvailability(ctx: AppContext, actor: Actor, input: ExpertSelfAvailability): Promise<Expert> {
  const id = ownExpertId(actor);
  const before = id ? await findExpert(ctx.database.db, ctx.expertWorkload(experts.id), poolOf(actor), id) : undefined;
  if (!id || !before) throw new AppError("NOT_FOUND", "您的账号未关联专家档案，请联系所在地工会");
  const availability: ExpertAvailability = input.available ? "available" : "unavailable";
  const note = input.note ? input.note : undefined;
  const row = await ctx.database.db.transaction(async (tx) => {
    const [updated] = await tx.update(experts).set({ availability, updatedAt: ctx.now() }).where(eq(experts.id, id)).returning();
    if (!updated) throw notFound("专家");
    await writeAudit(tx, auditActorOf(actor), {
      action: "expert.setOwnAvailability",
      objectType: "expert",
      objectId: id,
      detail: { from: before.availability, to: availability, ...(note ? { note } : {}) },
    });
    return updated;
  });
  return toExpert({ ...row, openProblems: before.openProblems }, ctx.regions);
}

export async function updateForActor(ctx: AppContext, actor: Actor, id: string, input: ExpertUpdate): Promise<Expert> {
  const { db } = ctx.database;
  const before = await editableExpert(ctx, actor, id);
  checkHomeCounty(ctx, actor, input.homeCountyCode);
  const personal: Partial<typeof experts.$inferInsert> = {};
  if (input.phone !== undefined) Object.assign(personal, { phoneEnc: ctx.cipher.encrypt(input.phone), phoneMasked: maskPhone(input.phone) });
  if (input.residentId === null) Object.assign(personal, { residentIdEnc: null, residentIdMasked: null });
  else if (input.residentId !== undefined) {
    Object.assign(personal, { residentIdEnc: ctx.cipher.encrypt(input.residentId), residentIdMasked: maskResidentId(input.residentId) });
  }
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(experts)
      .set({ ...plainColumns(input), ...personal, updatedAt: ctx.now() })
      .where(eq(experts.id, id))
      .returning();
    if (!updated) throw notFound("专家");
    await writeAudit(tx, auditActorOf(actor), { action: "expert.update", objectType: "expert", objectId: id, detail: { changed: changedFields(before, input) } });
    return updated;
  });
  return toExpert({ ...row, openProblems: before.openProblems }, ctx.regions);
}
