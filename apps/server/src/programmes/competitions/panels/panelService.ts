import { conflictReasonLabels, roleLabels, rolePermissions, roles, type ConflictEntry, type PanelCandidate, type PanelDuty, type PanelMember, type PanelMemberInput } from "@jiangxin/domain";
import { panelMemberInputSchema } from "@jiangxin/domain";
import { and, asc, eq, ilike, inArray, or } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { users } from "../../../platform/auth/tables";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError } from "../../../platform/errors";
import { enterprises } from "../../../masterData/enterprises";
import { personBriefs } from "../../../masterData/people";
import { competitionConflicts, competitionMarks, competitionPanelMembers, competitionRegistrations } from "../tables";
import { findEvent, isOrganiser, requireOrganiser } from "../events/eventRecords";

/** The duties an account holds on an event's panel (judging routes check these, not the role). */
export async function dutiesOf(db: Db, eventId: string, userId: string): Promise<PanelDuty[]> {
  const rows = await db.select({ duty: competitionPanelMembers.duty }).from(competitionPanelMembers).where(and(eq(competitionPanelMembers.eventId, eventId), eq(competitionPanelMembers.userId, userId)));
  return rows.map((r) => r.duty);
}

export async function requireDuty(db: Db, eventId: string, actor: Actor, duties: readonly PanelDuty[], what: string): Promise<PanelDuty> {
  const mine = await dutiesOf(db, eventId, actor.userId);
  const hit = mine.find((d) => duties.includes(d));
  if (!hit) throw new AppError("FORBIDDEN", `只有本赛项的${what}可以执行此操作`);
  return hit;
}

export async function listPanel(ctx: AppContext, actor: Actor, eventId: string): Promise<PanelMember[]> {
  const { db } = ctx.database;
  const { competition } = await findEvent(db, eventId);
  if (!isOrganiser(actor, competition) && (await dutiesOf(db, eventId, actor.userId)).length === 0) throw new AppError("FORBIDDEN", "只有举办方和本赛项裁判组可以查看裁判组");
  const rows = await db
    .select({ m: competitionPanelMembers, displayName: users.displayName })
    .from(competitionPanelMembers)
    .innerJoin(users, eq(users.id, competitionPanelMembers.userId))
    .where(eq(competitionPanelMembers.eventId, eventId))
    .orderBy(asc(competitionPanelMembers.duty), asc(users.displayName));
  return rows.map(({ m, displayName }) => ({
    id: m.id,
    eventId: m.eventId,
    userId: m.userId,
    displayName,
    duty: m.duty,
    employerEnterpriseId: m.employerEnterpriseId,
    employerName: m.employerName,
    traineePersonIds: m.traineePersonIds,
  }));
}

/** Puts an existing account (one that may judge: experts, staff) on the panel with its declared employer and trainees. */
export async function addPanelMember(ctx: AppContext, actor: Actor, eventId: string, body: PanelMemberInput): Promise<PanelMember[]> {
  const input = panelMemberInputSchema.parse(body);
  const { db } = ctx.database;
  const { competition } = await findEvent(db, eventId);
  requireOrganiser(actor, competition);
  const [u] = await db.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, input.userId));
  if (!u || u.disabled || !rolePermissions[u.role].includes("competition.judge")) {
    throw new AppError("VALIDATION_FAILED", "该账号不能担任裁判(须为劳模工匠或工会工作人员账号)", { userId: "该账号不能担任裁判" });
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(competitionPanelMembers)
      .values({ eventId, ...input })
      .onConflictDoUpdate({
        target: [competitionPanelMembers.eventId, competitionPanelMembers.userId],
        set: { duty: input.duty, employerEnterpriseId: input.employerEnterpriseId, employerName: input.employerName, traineePersonIds: input.traineePersonIds },
      });
    await writeAudit(tx, auditActorOf(actor), { action: "competitionPanel.assign", objectType: "competitionEvent", objectId: eventId, detail: { ...input } });
  });
  return listPanel(ctx, actor, eventId);
}

const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, "").trim();

/**
 * 评分分配: the judge marks these contestants on these aspects. Refused as a whole when the judge
 * declared a contestant's employer or the contestant as a trainee; every refusal goes into the
 * conflict register (committed even though the allocation is not).
 */
export async function allocate(ctx: AppContext, actor: Actor, eventId: string, input: { judgeUserId: string; registrationIds: string[]; aspectKeys: string[] }) {
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  requireOrganiser(actor, competition);
  if (event.status !== "draft") throw new AppError("CONFLICT", "成绩已核定，不能再分配评分");
  const [member] = await db.select().from(competitionPanelMembers).where(and(eq(competitionPanelMembers.eventId, eventId), eq(competitionPanelMembers.userId, input.judgeUserId)));
  if (!member) throw new AppError("VALIDATION_FAILED", "该裁判不在本赛项裁判组", { judgeUserId: "该裁判不在本赛项裁判组" });
  const badAspect = input.aspectKeys.find((k) => !event.scheme.aspects.some((a) => a.key === k));
  if (badAspect) throw new AppError("VALIDATION_FAILED", `评分项“${badAspect}”不存在`, { aspectKeys: `评分项“${badAspect}”不存在` });
  const regs = await db
    .select()
    .from(competitionRegistrations)
    .where(and(eq(competitionRegistrations.eventId, eventId), inArray(competitionRegistrations.id, input.registrationIds), eq(competitionRegistrations.status, "registered")));
  if (regs.length !== new Set(input.registrationIds).size) throw new AppError("VALIDATION_FAILED", "有选手不在本赛项", { registrationIds: "有选手不在本赛项" });

  const briefs = await personBriefs(ctx, db, regs.map((r) => r.personId));
  let employerName = member.employerName;
  if (member.employerEnterpriseId) {
    const [e] = await db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, member.employerEnterpriseId));
    employerName = e?.name ?? employerName;
  }
  const firmNames = new Map<string, string>();
  const firmIds = [...new Set([...briefs.values()].map((b) => b.enterpriseId).filter((x): x is string => Boolean(x)))];
  if (firmIds.length) for (const f of await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, firmIds))) firmNames.set(f.id, f.name);

  const conflicts: { registrationId: string; entryNumber: string | null; reason: "employer" | "trainee" }[] = [];
  for (const r of regs) {
    const p = briefs.get(r.personId);
    if (!p) continue;
    if (member.traineePersonIds.includes(r.personId)) conflicts.push({ registrationId: r.id, entryNumber: r.entryNumber, reason: "trainee" });
    else if (
      (member.employerEnterpriseId && p.enterpriseId === member.employerEnterpriseId) ||
      (norm(employerName) !== "" && norm(employerName) === norm(p.enterpriseId ? firmNames.get(p.enterpriseId) : p.employerName))
    )
      conflicts.push({ registrationId: r.id, entryNumber: r.entryNumber, reason: "employer" });
  }
  if (conflicts.length) {
    await db.transaction(async (tx) => {
      await tx.insert(competitionConflicts).values(conflicts.map((c) => ({ eventId, judgeUserId: input.judgeUserId, registrationId: c.registrationId, reason: c.reason, refusedFor: actor.userId })));
      await writeAudit(tx, auditActorOf(actor), { action: "competitionPanel.conflictRefused", objectType: "competitionEvent", objectId: eventId, result: "failure", detail: { judgeUserId: input.judgeUserId, conflicts } });
    });
    const named = conflicts.map((c) => `${c.entryNumber ?? "未抽签选手"}(${conflictReasonLabels[c.reason]})`).join("、");
    // Placed on the contestants field too: the allocation form shows it under the picker it is about.
    throw new AppError("CONFLICT", `利益冲突，不能分配：该裁判与${named}存在回避关系，已记入冲突登记`, { registrationIds: `${named}须回避该裁判，请去掉后再分配` });
  }
  const values = regs.flatMap((r) => input.aspectKeys.map((aspectKey) => ({ eventId, registrationId: r.id, aspectKey, judgeUserId: input.judgeUserId })));
  // A measurement aspect takes one score: it may be allocated to one judge only.
  const measurement = input.aspectKeys.filter((k) => event.scheme.aspects.find((a) => a.key === k)?.kind === "measurement");
  await db.transaction(async (tx) => {
    if (measurement.length) {
      const taken = await tx
        .select({ id: competitionMarks.id })
        .from(competitionMarks)
        .where(and(eq(competitionMarks.eventId, eventId), inArray(competitionMarks.registrationId, input.registrationIds), inArray(competitionMarks.aspectKey, measurement)));
      const own = await tx
        .select({ id: competitionMarks.id })
        .from(competitionMarks)
        .where(and(eq(competitionMarks.eventId, eventId), eq(competitionMarks.judgeUserId, input.judgeUserId), inArray(competitionMarks.registrationId, input.registrationIds), inArray(competitionMarks.aspectKey, measurement)));
      if (taken.length > own.length) throw new AppError("CONFLICT", "测量类评分项每名选手只能由一名裁判评分");
    }
    await tx.insert(competitionMarks).values(values).onConflictDoNothing();
    await writeAudit(tx, auditActorOf(actor), { action: "competitionPanel.allocate", objectType: "competitionEvent", objectId: eventId, detail: { judgeUserId: input.judgeUserId, registrations: regs.length, aspectKeys: input.aspectKeys } });
  });
  return { allocated: values.length };
}

export async function listConflicts(ctx: AppContext, actor: Actor, eventId: string): Promise<ConflictEntry[]> {
  const { db } = ctx.database;
  const { competition } = await findEvent(db, eventId);
  const duties = await dutiesOf(db, eventId, actor.userId);
  if (!isOrganiser(actor, competition) && !duties.some((d) => d === "chief" || d === "supervisor")) throw new AppError("FORBIDDEN", "只有举办方、裁判长和监督仲裁可以查看冲突登记");
  const rows = await db
    .select({ c: competitionConflicts, judgeName: users.displayName, entryNumber: competitionRegistrations.entryNumber })
    .from(competitionConflicts)
    .innerJoin(users, eq(users.id, competitionConflicts.judgeUserId))
    .innerJoin(competitionRegistrations, eq(competitionRegistrations.id, competitionConflicts.registrationId))
    .where(eq(competitionConflicts.eventId, eventId))
    .orderBy(asc(competitionConflicts.refusedAt));
  return rows.map(({ c, judgeName, entryNumber }) => ({
    id: c.id,
    eventId: c.eventId,
    judgeUserId: c.judgeUserId,
    judgeName,
    registrationId: c.registrationId,
    entryNumber,
    reason: c.reason,
    refusedAt: c.refusedAt.toISOString(),
  }));
}

/** Roles whose accounts may sit on a panel: those holding `competition.judge` (experts and staff). */
const judgingRoles = roles.filter((r) => rolePermissions[r].includes("competition.judge"));

/** Accounts the organiser may put on an event's panel, searched by name or login (at most 30). */
export async function panelCandidates(ctx: AppContext, actor: Actor, eventId: string, q: string | undefined): Promise<PanelCandidate[]> {
  const { db } = ctx.database;
  const { competition } = await findEvent(db, eventId);
  requireOrganiser(actor, competition);
  const text = q?.trim() ? `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(inArray(users.role, judgingRoles), eq(users.disabled, false), text ? or(ilike(users.displayName, text), ilike(users.username, text)) : undefined))
    .orderBy(asc(users.role), asc(users.displayName))
    .limit(30);
  return rows.map((r) => ({ userId: r.id, displayName: r.displayName, roleLabel: roleLabels[r.role] }));
}
