import { appealWindowOpen, canFinalise, isGoldBlueCollarNominee, type Appeal, type EventResults, type ResultStatus } from "@jiangxin/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError, notFound } from "../../../platform/errors";
import { competitionAppeals, competitionEvents, competitionMarks, competitionRegistrations, competitionResults, goldBlueCollars } from "../tables";
import { findEvent, isOrganiser } from "../events/eventRecords";
import { dutiesOf, requireDuty } from "../panels/panelService";
import { registrationScope } from "../registrations/registrationService";
import { computeResults } from "./computeResults";

/**
 * Who sees an event's results: the organiser and the chief judge and supervisor at every stage (they
 * need the divergence flags); the other judges from verification on; everyone once final.
 */
export async function resultsFor(ctx: AppContext, actor: Actor, eventId: string): Promise<EventResults> {
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  const duties = await dutiesOf(db, eventId, actor.userId);
  const lead = isOrganiser(actor, competition) || duties.includes("chief") || duties.includes("supervisor");
  const panelLater = duties.length > 0 && event.status !== "draft";
  if (!lead && !panelLater && event.status !== "final" && event.status !== "published") throw new AppError("FORBIDDEN", "成绩尚未公示");
  return computeResults(ctx, db, eventId, { names: lead || event.status === "published" || event.status === "final" });
}

async function move(tx: Db, actor: Actor, eventId: string, from: ResultStatus, to: ResultStatus, set: Partial<typeof competitionEvents.$inferInsert> = {}) {
  const [u] = await tx
    .update(competitionEvents)
    .set({ status: to, ...set })
    .where(and(eq(competitionEvents.id, eventId), eq(competitionEvents.status, from)))
    .returning({ id: competitionEvents.id });
  if (!u) throw new AppError("CONFLICT", "成绩状态已变化，请刷新后重试");
  await writeAudit(tx, auditActorOf(actor), { action: `competitionResults.${to}`, objectType: "competitionEvent", objectId: eventId, detail: { from, to } });
}

/** 核分完成 (chief judge): every allocated mark entered and confirmed by a second person. */
export async function verifyResults(ctx: AppContext, actor: Actor, eventId: string) {
  const { db } = ctx.database;
  const { event } = await findEvent(db, eventId);
  await requireDuty(db, eventId, actor, ["chief"], "裁判长");
  if (event.status !== "draft") throw new AppError("CONFLICT", "成绩已核分");
  const r = await computeResults(ctx, db, eventId, { names: false });
  if (r.marksExpected === 0) throw new AppError("CONFLICT", "还没有评分");
  if (r.marksConfirmed < r.marksExpected) throw new AppError("CONFLICT", `还有${r.marksExpected - r.marksConfirmed}项分数未录入或未经复核确认`);
  await db.transaction((tx) => move(tx, actor, eventId, "draft", "verified"));
  return resultsFor(ctx, actor, eventId);
}

/** 签字: the chief judge and the supervisor each sign; with both signatures the results are signed. */
export async function signResults(ctx: AppContext, actor: Actor, eventId: string) {
  const { db } = ctx.database;
  const { event } = await findEvent(db, eventId);
  const duty = await requireDuty(db, eventId, actor, ["chief", "supervisor"], "裁判长或监督仲裁");
  if (event.status !== "verified") throw new AppError("CONFLICT", "成绩须先核分完成才能签字");
  await db.transaction(async (tx) => {
    const now = ctx.now();
    const set = duty === "chief" ? { chiefSignedAt: now, chiefSignedBy: actor.userId } : { supervisorSignedAt: now, supervisorSignedBy: actor.userId };
    await tx.update(competitionEvents).set(set).where(eq(competitionEvents.id, eventId));
    await writeAudit(tx, auditActorOf(actor), { action: "competitionResults.sign", objectType: "competitionEvent", objectId: eventId, detail: { duty } });
    const both = duty === "chief" ? event.supervisorSignedAt !== null : event.chiefSignedAt !== null;
    if (both) await move(tx, actor, eventId, "verified", "signed");
  });
  return resultsFor(ctx, actor, eventId);
}

/** 公示: the appeal window starts (the organiser or the chief judge). */
export async function publishResults(ctx: AppContext, actor: Actor, eventId: string) {
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  if (!isOrganiser(actor, competition)) await requireDuty(db, eventId, actor, ["chief"], "裁判长");
  if (event.status !== "signed") throw new AppError("CONFLICT", "成绩须经裁判长和监督仲裁签字后才能公示");
  await db.transaction((tx) => move(tx, actor, eventId, "signed", "published", { publishedAt: ctx.now() }));
  return resultsFor(ctx, actor, eventId);
}

/**
 * 成绩确定: after the window, with every appeal decided. The places are written down (public pages and
 * the figures read them) and the top three nominated for 浙江金蓝领.
 */
export async function finaliseResults(ctx: AppContext, actor: Actor, eventId: string) {
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  if (!isOrganiser(actor, competition)) await requireDuty(db, eventId, actor, ["chief"], "裁判长");
  const open = await db.select({ id: competitionAppeals.id }).from(competitionAppeals).where(and(eq(competitionAppeals.eventId, eventId), eq(competitionAppeals.status, "open")));
  const windowOpen = event.publishedAt ? appealWindowOpen(event.publishedAt, event.appealWindowMinutes, ctx.now()) : true;
  if (!canFinalise({ status: event.status, windowOpen, openAppeals: open.length })) {
    throw new AppError("CONFLICT", event.status !== "published" ? "成绩尚未公示" : windowOpen ? "申诉期尚未结束" : `还有${open.length}件申诉未裁决`);
  }
  const r = await computeResults(ctx, db, eventId, { names: false });
  const regs = await db.select({ id: competitionRegistrations.id, personId: competitionRegistrations.personId }).from(competitionRegistrations).where(eq(competitionRegistrations.eventId, eventId));
  const personOf = new Map(regs.map((x) => [x.id, x.personId]));
  await db.transaction(async (tx) => {
    await move(tx, actor, eventId, "published", "final", { finalAt: ctx.now() });
    const placed = r.rows.filter((x) => x.place !== null);
    if (placed.length) await tx.insert(competitionResults).values(placed.map((x) => ({ registrationId: x.registrationId, eventId, total: x.total!, place: x.place!, prize: x.prize })));
    const nominees = placed.filter((x) => isGoldBlueCollarNominee(x.place!));
    if (nominees.length)
      await tx.insert(goldBlueCollars).values(nominees.map((x) => ({ eventId, registrationId: x.registrationId, personId: personOf.get(x.registrationId)!, place: x.place!, year: competition.year })));
    await writeAudit(tx, auditActorOf(actor), { action: "goldBlueCollar.nominate", objectType: "competitionEvent", objectId: eventId, detail: { nominees: nominees.length } });
  });
  return resultsFor(ctx, actor, eventId);
}

const toAppeal = (a: typeof competitionAppeals.$inferSelect, entryNumber: string | null): Appeal => ({
  id: a.id,
  eventId: a.eventId,
  registrationId: a.registrationId,
  entryNumber,
  text: a.text,
  status: a.status,
  decisionNote: a.decisionNote,
  lodgedAt: a.lodgedAt.toISOString(),
  decidedAt: a.decidedAt?.toISOString() ?? null,
});

/** 书面申诉 inside the window: the contestant, their union or the organiser, about a registration they can see. */
export async function lodgeAppeal(ctx: AppContext, actor: Actor, eventId: string, input: { registrationId: string; text: string }): Promise<Appeal> {
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  const scope = await registrationScope(ctx, actor, competition);
  const [reg] = await db.select().from(competitionRegistrations).where(and(eq(competitionRegistrations.id, input.registrationId), eq(competitionRegistrations.eventId, eventId), scope));
  if (!reg) throw new AppError("VALIDATION_FAILED", "选手不存在或无权代为申诉", { registrationId: "选手不存在或无权代为申诉" });
  if (event.status !== "published" || !event.publishedAt || !appealWindowOpen(event.publishedAt, event.appealWindowMinutes, ctx.now())) {
    throw new AppError("CONFLICT", "不在申诉期内(成绩公示后" + event.appealWindowMinutes / 60 + "小时内)");
  }
  const row = await db.transaction(async (tx) => {
    const [a] = await tx.insert(competitionAppeals).values({ eventId, registrationId: reg.id, text: input.text, lodgedBy: actor.userId, lodgedAt: ctx.now() }).returning();
    await writeAudit(tx, auditActorOf(actor), { action: "competitionAppeal.lodge", objectType: "competitionAppeal", objectId: a!.id, detail: { eventId, registrationId: reg.id } });
    return a!;
  });
  return toAppeal(row, reg.entryNumber);
}

export async function listAppeals(ctx: AppContext, actor: Actor, eventId: string): Promise<Appeal[]> {
  const { db } = ctx.database;
  const { competition } = await findEvent(db, eventId);
  const lead = isOrganiser(actor, competition) || (await dutiesOf(db, eventId, actor.userId)).some((d) => d === "chief" || d === "supervisor");
  const scope = lead ? undefined : await registrationScope(ctx, actor, competition);
  const rows = await db
    .select({ a: competitionAppeals, entryNumber: competitionRegistrations.entryNumber })
    .from(competitionAppeals)
    .innerJoin(competitionRegistrations, eq(competitionRegistrations.id, competitionAppeals.registrationId))
    .where(and(eq(competitionAppeals.eventId, eventId), scope))
    .orderBy(asc(competitionAppeals.lodgedAt));
  return rows.map((r) => toAppeal(r.a, r.entryNumber));
}

/**
 * 仲裁: the supervisor (监督仲裁组) decides. Upheld, it may correct marks of the appellant's event;
 * each correction is audited with the appeal as its reason, and the ranking follows from the marks.
 */
export async function decideAppeal(
  ctx: AppContext,
  actor: Actor,
  appealId: string,
  input: { decision: "upheld" | "dismissed"; note: string; corrections: { allocationId: string; mark: number }[] },
): Promise<Appeal> {
  const { db } = ctx.database;
  const [a] = await db.select().from(competitionAppeals).where(eq(competitionAppeals.id, appealId));
  if (!a) throw notFound("申诉");
  const { event } = await findEvent(db, a.eventId);
  await requireDuty(db, a.eventId, actor, ["supervisor"], "监督仲裁");
  if (a.status !== "open") throw new AppError("CONFLICT", "该申诉已裁决");
  if (input.decision === "dismissed" && input.corrections.length) throw new AppError("VALIDATION_FAILED", "驳回的申诉不能更正分数", { corrections: "驳回的申诉不能更正分数" });
  const ids = input.corrections.map((c) => c.allocationId);
  const marks = ids.length ? await db.select().from(competitionMarks).where(and(eq(competitionMarks.eventId, a.eventId), inArray(competitionMarks.id, ids))) : [];
  if (marks.length !== new Set(ids).size) throw new AppError("VALIDATION_FAILED", "更正的分数不属于本赛项", { corrections: "更正的分数不属于本赛项" });
  for (const c of input.corrections) {
    const m = marks.find((x) => x.id === c.allocationId)!;
    const max = event.scheme.aspects.find((x) => x.key === m.aspectKey)?.maxMark ?? 0;
    if (c.mark > max) throw new AppError("VALIDATION_FAILED", `超过该项满分${max}分`, { corrections: `超过该项满分${max}分` });
  }
  const row = await db.transaction(async (tx) => {
    for (const c of input.corrections) {
      const before = marks.find((x) => x.id === c.allocationId)!.mark;
      await tx.update(competitionMarks).set({ mark: c.mark, verification: "confirmed", verifiedBy: actor.userId, verifiedAt: ctx.now(), verificationNote: `申诉裁决更正` }).where(eq(competitionMarks.id, c.allocationId));
      await writeAudit(tx, auditActorOf(actor), { action: "competitionMark.change", objectType: "competitionMark", objectId: c.allocationId, detail: { before, after: c.mark, reason: `申诉裁决：${input.note}`, appealId } });
    }
    const [u] = await tx.update(competitionAppeals).set({ status: input.decision, decisionNote: input.note, decidedBy: actor.userId, decidedAt: ctx.now() }).where(eq(competitionAppeals.id, appealId)).returning();
    await writeAudit(tx, auditActorOf(actor), { action: `competitionAppeal.${input.decision}`, objectType: "competitionAppeal", objectId: appealId, detail: { note: input.note, corrections: input.corrections.length } });
    return u!;
  });
  const [reg] = await db.select({ entryNumber: competitionRegistrations.entryNumber }).from(competitionRegistrations).where(eq(competitionRegistrations.id, a.registrationId));
  return toAppeal(row, reg?.entryNumber ?? null);
}
