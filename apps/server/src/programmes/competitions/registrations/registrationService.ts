import { skillLevelLabels, type Eligibility, type Registration } from "@jiangxin/domain";
import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { coversCounty, visibleCounties } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { personBriefs, personIdOf, personVisibleTo, type PersonBrief } from "../../../masterData/people";
import { competitionRegistrations } from "../tables";
import { findEvent, isOrganiser, type CompetitionRow } from "../events/eventRecords";

type RegRow = typeof competitionRegistrations.$inferSelect;

/** Age in whole years on a date (YYYY-MM-DD), from a birth date of the same form. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Why a person may not enter an event, field by field; empty when eligible. */
export function eligibilityProblems(e: Eligibility, p: PersonBrief, on: string): string[] {
  const out: string[] = [];
  if (e.occupations.length > 0 && !(p.occupation && e.occupations.includes(p.occupation))) out.push(`本赛项限${e.occupations.join("、")}职业报名`);
  if (e.skillLevels.length > 0 && !(p.skillLevel && e.skillLevels.includes(p.skillLevel))) out.push(`本赛项限${e.skillLevels.map((l) => skillLevelLabels[l]).join("、")}报名`);
  if ((e.minAge !== null || e.maxAge !== null) && p.birthDate) {
    const age = ageOn(p.birthDate, on);
    if (e.minAge !== null && age < e.minAge) out.push(`本赛项要求年满${e.minAge}周岁`);
    if (e.maxAge !== null && age > e.maxAge) out.push(`本赛项限${e.maxAge}周岁以下`);
  }
  return out;
}

/** Registrations an actor may see in an event: the organiser all; staff those working in their counties; a union its members'; a worker its own. */
export async function registrationScope(ctx: AppContext, actor: Actor, c: CompetitionRow): Promise<SQL> {
  if (isOrganiser(actor, c)) return sql`true`;
  const s = actor.scope;
  if (s.kind === "union") return s.unionIds.length ? inArray(competitionRegistrations.unionId, [...s.unionIds]) : sql`false`;
  if (actor.role === "worker") {
    const pid = await personIdOf(ctx, actor);
    return pid ? eq(competitionRegistrations.personId, pid) : sql`false`;
  }
  const counties = visibleCounties(actor);
  if (counties === "all") return sql`true`;
  return counties.length ? inArray(competitionRegistrations.countyCode, [...counties]) : sql`false`;
}

export async function toRegistrations(ctx: AppContext, rows: RegRow[]): Promise<Registration[]> {
  const briefs = await personBriefs(ctx, ctx.database.db, rows.map((r) => r.personId));
  return rows.map((r) => {
    const p = briefs.get(r.personId);
    return {
      id: r.id,
      eventId: r.eventId,
      personId: r.personId,
      personName: p?.name ?? "",
      entryNumber: r.entryNumber,
      registeredBy: r.registeredBy,
      status: r.status,
      countyCode: r.countyCode,
      employerName: p?.employerName ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function listRegistrations(ctx: AppContext, actor: Actor, eventId: string): Promise<Registration[]> {
  const { db } = ctx.database;
  const { competition } = await findEvent(db, eventId);
  const scope = await registrationScope(ctx, actor, competition);
  const rows = await db
    .select()
    .from(competitionRegistrations)
    .where(and(eq(competitionRegistrations.eventId, eventId), scope))
    .orderBy(asc(competitionRegistrations.entryNumber), asc(competitionRegistrations.createdAt));
  return toRegistrations(ctx, rows);
}

/**
 * 报名: a worker for themself (no personId), a union for one of its members, staff for anyone working in
 * their region. Closed once entry numbers are drawn; eligibility (occupation, skill level, age on the
 * first day) is checked against the person's record.
 */
export async function register(ctx: AppContext, actor: Actor, eventId: string, input: { personId?: string | undefined }): Promise<Registration> {
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  let personId = input.personId;
  let by: RegRow["registeredBy"];
  if (actor.role === "worker") {
    const own = await personIdOf(ctx, actor);
    if (!own) throw new AppError("NOT_FOUND", "您的账号未关联职工信息，请联系所在工会");
    if (personId && personId !== own) throw new AppError("FORBIDDEN", "职工只能为本人报名");
    personId = own;
    by = "self";
  } else {
    if (!personId) throw new AppError("VALIDATION_FAILED", "请选择职工", { personId: "请选择职工" });
    if (!(await personVisibleTo(db, actor, personId))) throw new AppError("VALIDATION_FAILED", "职工不存在或不在您的范围内", { personId: "职工不存在或不在您的范围内" });
    by = actor.scope.kind === "union" ? "union" : "staff";
  }
  if (event.entryNumbersDrawnAt) throw new AppError("CONFLICT", "报名已截止(已抽签)");
  const p = (await personBriefs(ctx, db, [personId])).get(personId);
  if (!p) throw notFound("职工");
  const problems = eligibilityProblems(event.eligibility, p, competition.startsOn);
  if (problems.length) throw new AppError("VALIDATION_FAILED", problems.join("；"), { personId: problems.join("；") });
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(competitionRegistrations)
      .values({
        eventId,
        personId,
        countyCode: p.countyCode,
        unionId: actor.scope.kind === "union" ? actor.scope.unionId : null,
        registeredBy: by,
        registeredByUser: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!r) throw new AppError("CONFLICT", `${p.name}已报名该赛项`);
    await writeAudit(tx, auditActorOf(actor), { action: "competition.register", objectType: "competitionRegistration", objectId: r.id, detail: { eventId, personId, by } });
    return r;
  });
  const [out] = await toRegistrations(ctx, [row]);
  return out!;
}

/** Withdraw (before the draw): the person themself, its union, or staff who could register them. */
export async function withdraw(ctx: AppContext, actor: Actor, registrationId: string): Promise<Registration> {
  const { db } = ctx.database;
  const [r] = await db.select().from(competitionRegistrations).where(eq(competitionRegistrations.id, registrationId));
  if (!r) throw notFound("报名");
  const { event, competition } = await findEvent(db, r.eventId);
  const scope = await registrationScope(ctx, actor, competition);
  const [seen] = await db.select({ id: competitionRegistrations.id }).from(competitionRegistrations).where(and(eq(competitionRegistrations.id, registrationId), or(scope) ?? sql`false`));
  if (!seen || (!isOrganiser(actor, competition) && actor.scope.kind !== "union" && actor.role !== "worker" && !coversCounty(actor, r.countyCode))) throw notFound("报名");
  if (event.entryNumbersDrawnAt) throw new AppError("CONFLICT", "已抽签，不能撤回报名");
  const row = await db.transaction(async (tx) => {
    const [u] = await tx.update(competitionRegistrations).set({ status: "withdrawn" }).where(eq(competitionRegistrations.id, registrationId)).returning();
    await writeAudit(tx, auditActorOf(actor), { action: "competition.withdraw", objectType: "competitionRegistration", objectId: registrationId });
    return u!;
  });
  const [out] = await toRegistrations(ctx, [row]);
  return out!;
}
