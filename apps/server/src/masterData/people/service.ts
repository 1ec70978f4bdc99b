import { maskPhone, maskResidentId, type Person, type PersonDetail, type PersonListQuery, type PersonUpdateValues, type PersonValues, todayInChina } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit, type AuditActor } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import type { Db } from "../../platform/db/database";
import { AppError, notFound } from "../../platform/errors";
import { enterprises } from "../enterprises";
import { experts } from "../experts";
import { mayManageInCounty, personScope } from "./personScope";
import { findByHash, findPerson, listPeople, membershipsOf, toPerson, type PersonRow } from "./queries";
import { people, unionMemberships } from "./tables";

/** The columns a person's form sets; the resident ID and phone are sealed here, never stored plain. */
export function personValues(ctx: AppContext, input: PersonValues): typeof people.$inferInsert {
  return {
    name: input.name,
    residentIdHash: ctx.personHash(input.residentId),
    residentIdEnc: ctx.cipher.encrypt(input.residentId),
    residentIdMasked: maskResidentId(input.residentId),
    phoneEnc: input.phone ? ctx.cipher.encrypt(input.phone) : null,
    phoneMasked: input.phone ? maskPhone(input.phone) : null,
    ...profileColumns(input),
  };
}

/** The columns of a person's form that are stored as given, the same on entry and on update. */
function profileColumns(input: Omit<PersonUpdateValues, "residentId" | "phone">) {
  return {
    countyCode: input.countyCode,
    enterpriseId: input.enterpriseId,
    // A person linked to a registered enterprise is named by it; the free text is for the others.
    employerName: input.enterpriseId ? null : input.employerName,
    occupation: input.occupation,
    skillLevel: input.skillLevel,
    categories: input.categories,
    expertId: input.expertId,
    platforms: input.platforms,
  };
}

/** A county-level unit the actor may enter people in. */
export function checkCounty(ctx: AppContext, actor: Actor | null, code: string): void {
  const county = ctx.regions.get(code);
  if (!county || county.level !== "county") {
    throw new AppError("VALIDATION_FAILED", "请选择县(市、区)一级的区划", { countyCode: "请选择县(市、区)一级的区划" });
  }
  if (actor && !mayManageInCounty(actor, code)) {
    throw new AppError("FORBIDDEN", "只能登记本辖区的职工", { countyCode: `“${county.name}”不在您的辖区内` });
  }
}

/** The enterprise and expert named must exist; answered field by field. */
async function checkLinks(db: Db, input: PersonValues): Promise<void> {
  const fields: Record<string, string> = {};
  if (input.enterpriseId) {
    const [e] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
    if (!e) fields.enterpriseId = "所选企业不存在";
  }
  if (input.expertId) {
    const [x] = await db.select({ id: experts.id }).from(experts).where(eq(experts.id, input.expertId));
    if (!x) fields.expertId = "所选专家不存在";
  }
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", Object.values(fields)[0] ?? "填写有误", fields);
}

/**
 * The answer to a second record for the same person: 409, naming the existing record only when the
 * caller may see it. Out of scope, the caller learns that the number is on record and nothing else.
 */
export async function duplicateError(ctx: AppContext, actor: Actor, existing: PersonRow): Promise<AppError> {
  const visible = await findPerson(ctx.database.db, personScope(actor), existing.id);
  const fields = { residentId: "该身份证号已登记" };
  if (visible) return new AppError("CONFLICT", `该职工已登记(${existing.name}，${existing.residentIdMasked})，请勿重复录入`, fields, existing.id);
  return new AppError("CONFLICT", "该身份证号已由其他地区或工会登记，请联系上级工会核实", fields);
}

const uniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "23505" || (err as { cause?: { code?: string } } | null)?.cause?.code === "23505";

/**
 * Inserts a person and its audit row inside the caller's transaction (an import inserts many in one).
 * A union account's entry is its member from today: the union vouches for it by entering it.
 */
export async function insertPerson(tx: Db, ctx: AppContext, actor: AuditActor & { scope?: Actor["scope"] }, input: PersonValues): Promise<PersonRow> {
  const [created] = await tx.insert(people).values(personValues(ctx, input)).returning();
  if (!created) throw new Error("insert returned no row");
  await writeAudit(tx, actor, {
    action: "person.create",
    objectType: "person",
    objectId: created.id,
    detail: { name: created.name, countyCode: created.countyCode, categories: created.categories },
  });
  const scope = actor.scope;
  if (scope?.kind === "union") {
    const [m] = await tx
      .insert(unionMemberships)
      .values({ personId: created.id, unionId: scope.unionId, status: "active", since: todayInChina(ctx.now()), decidedAt: ctx.now(), decidedBy: actor.userId })
      .returning({ id: unionMemberships.id });
    await writeAudit(tx, actor, { action: "membership.create", objectType: "membership", objectId: m?.id, detail: { personId: created.id, unionId: scope.unionId, status: "active" } });
  }
  return created;
}

export async function createForActor(ctx: AppContext, actor: Actor, input: PersonValues): Promise<Person> {
  checkCounty(ctx, actor, input.countyCode);
  await checkLinks(ctx.database.db, input);
  const existing = await findByHash(ctx.database.db, ctx.personHash(input.residentId));
  if (existing) throw await duplicateError(ctx, actor, existing);
  let row: PersonRow;
  try {
    row = await ctx.database.db.transaction((tx) => insertPerson(tx, ctx, { ...auditActorOf(actor), scope: actor.scope }, input));
  } catch (err) {
    // Two entries of the same person at once: the unique index lets one through; the other is a duplicate.
    const raced = uniqueViolation(err) ? await findByHash(ctx.database.db, ctx.personHash(input.residentId)) : undefined;
    if (raced) throw await duplicateError(ctx, actor, raced);
    throw err;
  }
  const created = await findPerson(ctx.database.db, personScope(actor), row.id);
  if (!created) throw notFound("职工");
  return toPerson(created, ctx.regions);
}

export async function listForActor(ctx: AppContext, actor: Actor, query: PersonListQuery) {
  let counties: string[] | undefined;
  if (query.regionCode) {
    ctx.regions.require(query.regionCode);
    counties = ctx.regions.countiesUnder(query.regionCode);
  }
  const { rows, total } = await listPeople(ctx, personScope(actor), query, counties);
  return { items: rows.map((r) => toPerson(r, ctx.regions)), total, page: query.page, pageSize: query.pageSize };
}

export async function getForActor(ctx: AppContext, actor: Actor, id: string): Promise<PersonDetail> {
  const row = await findPerson(ctx.database.db, personScope(actor), id);
  if (!row) throw notFound("职工");
  return { ...toPerson(row, ctx.regions), memberships: await membershipsOf(ctx.database.db, id) };
}

/**
 * A person's full ID number or phone; each read leaves an audit row. Staff whose region covers the
 * person's county, or the person's own union, may read it; a worker reads its own through 我的 masked only.
 */
export async function readPersonal(ctx: AppContext, actor: Actor, id: string, what: "residentId" | "phone"): Promise<string | null> {
  const row = await findPerson(ctx.database.db, personScope(actor), id);
  if (!row || !mayManageInCounty(actor, row.countyCode)) throw notFound("职工");
  const sealed = what === "residentId" ? row.residentIdEnc : row.phoneEnc;
  const value = sealed ? ctx.cipher.decrypt(sealed) : null;
  await ctx.database.db.transaction((tx) =>
    writeAudit(tx, auditActorOf(actor), { action: what === "residentId" ? "person.readResidentId" : "person.readPhone", objectType: "person", objectId: id }),
  );
  return value;
}

const auditedFields = ["name", "countyCode", "enterpriseId", "employerName", "occupation", "skillLevel", "categories", "expertId", "platforms"] as const;

/**
 * Staff over the person's county (before and after the edit), or its union, correct a person's record.
 * Only the names of the changed fields go into the audit trail, never personal values.
 */
export async function updateForActor(ctx: AppContext, actor: Actor, id: string, input: PersonUpdateValues): Promise<PersonDetail> {
  const { db } = ctx.database;
  const before = await findPerson(db, personScope(actor), id);
  if (!before) throw notFound("职工");
  if (!mayManageInCounty(actor, before.countyCode)) throw new AppError("FORBIDDEN", `该职工属于“${ctx.regions.get(before.countyCode)?.name ?? before.countyCode}”，只能由其所在地工会修改`);
  checkCounty(ctx, actor, input.countyCode);
  await checkLinks(db, { ...input, residentId: "", phone: null });
  const set: Partial<typeof people.$inferInsert> = { name: input.name, ...profileColumns(input), updatedAt: ctx.now() };
  const changed: string[] = auditedFields.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(set[k] ?? null));
  if (input.residentId !== undefined) {
    const hash = ctx.personHash(input.residentId);
    if (hash !== before.residentIdHash) {
      const other = await findByHash(db, hash);
      if (other) throw await duplicateError(ctx, actor, other);
      Object.assign(set, { residentIdHash: hash, residentIdEnc: ctx.cipher.encrypt(input.residentId), residentIdMasked: maskResidentId(input.residentId) });
      changed.push("residentId");
    }
  }
  if (input.phone === null) Object.assign(set, { phoneEnc: null, phoneMasked: null });
  else if (input.phone !== undefined) Object.assign(set, { phoneEnc: ctx.cipher.encrypt(input.phone), phoneMasked: maskPhone(input.phone) });
  if (input.phone !== undefined) changed.push("phone");
  try {
    await db.transaction(async (tx) => {
      await tx.update(people).set(set).where(eq(people.id, id));
      await writeAudit(tx, auditActorOf(actor), { action: "person.update", objectType: "person", objectId: id, detail: { changed } });
    });
  } catch (err) {
    const raced = uniqueViolation(err) && input.residentId ? await findByHash(db, ctx.personHash(input.residentId)) : undefined;
    if (raced) throw await duplicateError(ctx, actor, raced);
    throw err;
  }
  return getForActor(ctx, actor, id);
}
