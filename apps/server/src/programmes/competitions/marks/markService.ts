import { marksEditable, marksRevealed, type MarkSlot } from "@jiangxin/domain";
import { and, asc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "../../../platform/actor";
import { users } from "../../../platform/auth/tables";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError, notFound } from "../../../platform/errors";
import { competitionMarks, competitionRegistrations } from "../tables";
import { findEvent, isOrganiser, type EventRow } from "../events/eventRecords";
import { dutiesOf, requireDuty } from "../panels/panelService";

export type MarkSlotView = MarkSlot & { others: { judgeName: string; mark: number | null }[] | null };

const verifier = alias(users, "verifier");

async function slotRows(db: Db, where: ReturnType<typeof and>) {
  return db
    .select({ m: competitionMarks, entryNumber: competitionRegistrations.entryNumber, judgeName: users.displayName, verifierName: verifier.displayName })
    .from(competitionMarks)
    .innerJoin(competitionRegistrations, eq(competitionRegistrations.id, competitionMarks.registrationId))
    .innerJoin(users, eq(users.id, competitionMarks.judgeUserId))
    .leftJoin(verifier, eq(verifier.id, competitionMarks.verifiedBy))
    .where(where)
    .orderBy(asc(competitionRegistrations.entryNumber), asc(competitionMarks.aspectKey), asc(users.displayName));
}

function toSlot(event: EventRow, r: Awaited<ReturnType<typeof slotRows>>[number]): MarkSlot {
  const aspect = event.scheme.aspects.find((a) => a.key === r.m.aspectKey);
  return {
    allocationId: r.m.id,
    registrationId: r.m.registrationId,
    entryNumber: r.entryNumber,
    aspectKey: r.m.aspectKey,
    aspectName: aspect?.name ?? r.m.aspectKey,
    maxMark: aspect?.maxMark ?? 0,
    judgeUserId: r.m.judgeUserId,
    judgeName: r.judgeName,
    mark: r.m.mark,
    enteredAt: r.m.enteredAt?.toISOString() ?? null,
    verification: r.m.verification,
    verifierName: r.verifierName,
    verificationNote: r.m.verificationNote,
  };
}

/**
 * A judge's own allocation, by entry number only. The other judges' marks on the same contestant
 * and aspect stay hidden until every allocated mark of that contestant is in (independent marking).
 */
export async function mySlots(ctx: AppContext, actor: Actor, eventId: string): Promise<MarkSlotView[]> {
  const { db } = ctx.database;
  const { event } = await findEvent(db, eventId);
  await requireDuty(db, eventId, actor, ["judge", "chief", "supervisor"], "裁判组成员");
  const mine = (await slotRows(db, and(eq(competitionMarks.eventId, eventId), eq(competitionMarks.judgeUserId, actor.userId)))).map((r) => toSlot(event, r));
  const regIds = [...new Set(mine.map((s) => s.registrationId))];
  const all = regIds.length ? (await slotRows(db, and(eq(competitionMarks.eventId, eventId), inArray(competitionMarks.registrationId, regIds)))).map((r) => toSlot(event, r)) : [];
  const progress = new Map<string, { expected: number; entered: number }>();
  for (const s of all) {
    const p = progress.get(s.registrationId) ?? { expected: 0, entered: 0 };
    p.expected += 1;
    if (s.mark !== null) p.entered += 1;
    progress.set(s.registrationId, p);
  }
  return mine.map((s) => {
    const p = progress.get(s.registrationId)!;
    const revealed = marksRevealed(p.expected, p.entered);
    return {
      ...s,
      others: revealed ? all.filter((o) => o.registrationId === s.registrationId && o.aspectKey === s.aspectKey && o.judgeUserId !== actor.userId).map((o) => ({ judgeName: o.judgeName, mark: o.mark })) : null,
    };
  });
}

/**
 * Enters or changes a mark on one's own allocation. Judging must be open and results still draft;
 * a change needs a reason (audited with both values) and sends the mark back for verification.
 */
export async function enterMark(ctx: AppContext, actor: Actor, allocationId: string, input: { mark: number; reason?: string | undefined }): Promise<MarkSlot> {
  const { db } = ctx.database;
  const [m] = await db.select().from(competitionMarks).where(eq(competitionMarks.id, allocationId));
  // Someone else's allocation is answered like a missing one: a judge cannot probe others' slots.
  if (!m || m.judgeUserId !== actor.userId) throw notFound("评分任务");
  const { event } = await findEvent(db, m.eventId);
  if (!event.judgingOpenedAt) throw new AppError("CONFLICT", "评分尚未开始");
  if (!marksEditable(event.status)) throw new AppError("CONFLICT", "成绩已核定，分数只能经申诉裁决更正");
  const aspect = event.scheme.aspects.find((a) => a.key === m.aspectKey);
  if (!aspect) throw notFound("评分项");
  if (input.mark > aspect.maxMark) throw new AppError("VALIDATION_FAILED", `超过该项满分${aspect.maxMark}分`, { mark: `不能超过满分${aspect.maxMark}分` });
  if (Math.round(input.mark * 100) !== input.mark * 100) throw new AppError("VALIDATION_FAILED", "分数最多两位小数", { mark: "分数最多两位小数" });
  const change = m.mark !== null;
  if (change && m.mark === input.mark) return (await slotsByIds(db, event, [allocationId]))[0]!;
  if (change && !input.reason) throw new AppError("VALIDATION_FAILED", "修改分数须填写原因", { reason: "修改分数须填写原因" });
  await db.transaction(async (tx) => {
    await tx
      .update(competitionMarks)
      .set({ mark: input.mark, enteredAt: ctx.now(), verification: "pending", verifiedBy: null, verifiedAt: null, verificationNote: null })
      .where(eq(competitionMarks.id, allocationId));
    await writeAudit(tx, auditActorOf(actor), {
      action: change ? "competitionMark.change" : "competitionMark.enter",
      objectType: "competitionMark",
      objectId: allocationId,
      detail: { eventId: m.eventId, aspectKey: m.aspectKey, before: m.mark, after: input.mark, ...(change ? { reason: input.reason } : {}) },
    });
  });
  return (await slotsByIds(db, event, [allocationId]))[0]!;
}

async function slotsByIds(db: Db, event: EventRow, ids: string[]) {
  return (await slotRows(db, and(inArray(competitionMarks.id, ids)))).map((r) => toSlot(event, r));
}

/** Marks waiting for a second person: entered by someone else, on an event where the actor sits on the panel. */
export async function verificationQueue(ctx: AppContext, actor: Actor, eventId: string): Promise<MarkSlot[]> {
  const { db } = ctx.database;
  const { event } = await findEvent(db, eventId);
  await requireDuty(db, eventId, actor, ["judge", "chief", "supervisor"], "裁判组成员");
  const rows = await slotRows(db, and(eq(competitionMarks.eventId, eventId), isNotNull(competitionMarks.mark), eq(competitionMarks.verification, "pending"), ne(competitionMarks.judgeUserId, actor.userId)));
  return rows.map((r) => toSlot(event, r));
}

/** 复核: a second panel member confirms or rejects an entry; they cannot change it (a rejected mark goes back to its judge). */
export async function verifyMark(ctx: AppContext, actor: Actor, allocationId: string, input: { decision: "confirm" | "reject"; note?: string | undefined }): Promise<MarkSlot> {
  const { db } = ctx.database;
  const [m] = await db.select().from(competitionMarks).where(eq(competitionMarks.id, allocationId));
  if (!m || (await dutiesOf(db, m.eventId, actor.userId)).length === 0) throw notFound("评分记录");
  const { event } = await findEvent(db, m.eventId);
  if (m.judgeUserId === actor.userId) throw new AppError("FORBIDDEN", "不能复核自己录入的分数，须由另一人复核");
  if (m.mark === null) throw new AppError("CONFLICT", "该项尚未录入分数");
  if (m.verification !== "pending") throw new AppError("CONFLICT", "该分数已复核");
  if (!marksEditable(event.status)) throw new AppError("CONFLICT", "成绩已核定");
  if (input.decision === "reject" && !input.note) throw new AppError("VALIDATION_FAILED", "退回须说明原因", { note: "退回须说明原因" });
  await db.transaction(async (tx) => {
    await tx
      .update(competitionMarks)
      .set({ verification: input.decision === "confirm" ? "confirmed" : "rejected", verifiedBy: actor.userId, verifiedAt: ctx.now(), verificationNote: input.note ?? null })
      .where(eq(competitionMarks.id, allocationId));
    await writeAudit(tx, auditActorOf(actor), { action: `competitionMark.${input.decision}`, objectType: "competitionMark", objectId: allocationId, detail: { mark: m.mark, note: input.note ?? null } });
  });
  return (await slotsByIds(db, event, [allocationId]))[0]!;
}

/** Every mark of an event (or of one contestant): for the chief judge and the supervisor (appeals, divergence), and the organiser. */
export async function allSlots(ctx: AppContext, actor: Actor, eventId: string, registrationId?: string): Promise<MarkSlot[]> {
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  const duties = await dutiesOf(db, eventId, actor.userId);
  if (!isOrganiser(actor, competition) && !duties.some((d) => d === "chief" || d === "supervisor")) throw new AppError("FORBIDDEN", "只有举办方、裁判长和监督仲裁可以查看全部评分");
  const where = registrationId ? and(eq(competitionMarks.eventId, eventId), eq(competitionMarks.registrationId, registrationId)) : eq(competitionMarks.eventId, eventId);
  return (await slotRows(db, and(where))).map((r) => toSlot(event, r));
}
