import type { Agreement, AgreementInput, AgreementStatusInput, CheckInInput, agreementListQuerySchema } from "@jiangxin/domain";
import { agreementStatusLabels, doneDateIssue, todayInChina } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { coversCounty, scopeCondition } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError, notFound } from "../../../platform/errors";
import { enterprises } from "../../../masterData/enterprises";
import { findSessionRow } from "../serviceSessions/queries";
import { requireActiveExperts } from "../serviceSessions/service";
import { sessionScope } from "../serviceSessions/sessionScope";
import { agreementScope, findAgreementRow, listAgreementRows, toAgreements } from "./queries";
import { agreementCheckIns, agreementExperts, agreementMilestones, agreements } from "./tables";

type ListQuery = z.infer<typeof agreementListQuerySchema>;

const invalid = (field: string, message: string) => new AppError("VALIDATION_FAILED", message, { [field]: message });

async function one(ctx: AppContext, db: Db, id: string): Promise<Agreement> {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!row) throw notFound("协议");
  const [agreement] = await toAgreements(db, ctx.regions, [row], todayInChina(ctx.now()));
  if (!agreement) throw notFound("协议");
  return agreement;
}

export async function listForActor(ctx: AppContext, actor: Actor, query: ListQuery) {
  let counties: string[] | undefined;
  if (query.regionCode) {
    ctx.regions.require(query.regionCode);
    counties = ctx.regions.countiesUnder(query.regionCode);
  }
  const { db } = ctx.database;
  const { rows, total } = await listAgreementRows(
    db,
    { scope: agreementScope(db, actor), q: query.q, counties, enterpriseId: query.enterpriseId, status: query.status, today: todayInChina(ctx.now()), includeVoided: query.showVoided },
    query.page,
    query.pageSize,
  );
  return { items: await toAgreements(db, ctx.regions, rows, todayInChina(ctx.now())), total, page: query.page, pageSize: query.pageSize };
}

export async function getForActor(ctx: AppContext, actor: Actor, id: string): Promise<Agreement> {
  const { db } = ctx.database;
  const row = await findAgreementRow(db, agreementScope(db, actor), id);
  if (!row) throw notFound("协议");
  return one(ctx, db, id);
}

export async function createForActor(ctx: AppContext, actor: Actor, input: AgreementInput): Promise<Agreement> {
  const signedIssue = doneDateIssue(input.signedOn, todayInChina(ctx.now()), "签订日期");
  if (signedIssue) throw invalid("signedOn", signedIssue);
  const { db } = ctx.database;
  const [firm] = await db
    .select({ id: enterprises.id, countyCode: enterprises.countyCode })
    .from(enterprises)
    .where(and(scopeCondition(actor, { county: enterprises.countyCode, enterprise: enterprises.id }), eq(enterprises.id, input.enterpriseId)));
  if (!firm || !coversCounty(actor, firm.countyCode)) throw invalid("enterpriseId", "企业不存在或不在您的辖区内");
  if (input.sessionId) {
    const session = await findSessionRow(db, sessionScope(db, actor), input.sessionId);
    if (!session) throw invalid("sessionId", "服务场次不存在或不在您的辖区内");
  }
  const id = await db.transaction(async (tx) => {
    const team = await requireActiveExperts(tx, input.expertIds, "expertIds");
    const [created] = await tx
      .insert(agreements)
      .values({
        enterpriseId: firm.id,
        countyCode: firm.countyCode,
        title: input.title,
        scopes: [...new Set(input.scopes)],
        signedOn: input.signedOn,
        startDate: input.startDate,
        endDate: input.endDate,
        sessionId: input.sessionId ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: agreements.id });
    if (!created) throw new Error("insert returned no row");
    await tx.insert(agreementExperts).values(team.map((x) => ({ agreementId: created.id, expertId: x.id })));
    if (input.milestones.length > 0) {
      await tx.insert(agreementMilestones).values(input.milestones.map((m) => ({ agreementId: created.id, title: m.title, dueDate: m.dueDate })));
    }
    await writeAudit(tx, auditActorOf(actor), {
      action: "agreement.create",
      objectType: "agreement",
      objectId: created.id,
      detail: { title: input.title, enterpriseId: firm.id, expertIds: team.map((x) => x.id), scopes: input.scopes, milestones: input.milestones.length },
    });
    return created.id;
  });
  return one(ctx, db, id);
}

/** Writes go to active agreements in scope only; a closed one is history. */
async function requireActive(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const row = await findAgreementRow(db, agreementScope(db, actor), id);
  if (!row) throw notFound("协议");
  if (row.status !== "active") throw new AppError("CONFLICT", `协议已${agreementStatusLabels[row.status]}，不能再修改`);
  if (row.voidedAt) throw new AppError("CONFLICT", "协议已作废，不能再修改");
  return row;
}

export async function addCheckIn(ctx: AppContext, actor: Actor, id: string, input: CheckInInput): Promise<Agreement> {
  await requireActive(ctx, actor, id);
  if (input.date > todayInChina(ctx.now())) throw invalid("date", "回访日期不能晚于今天");
  const { db } = ctx.database;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agreementCheckIns)
      .values({ agreementId: id, date: input.date, note: input.note, byUserId: actor.userId, byName: actor.displayName })
      .returning({ id: agreementCheckIns.id });
    await writeAudit(tx, auditActorOf(actor), { action: "agreement.checkIn", objectType: "agreement", objectId: id, detail: { checkInId: row?.id, date: input.date } });
  });
  return one(ctx, db, id);
}

export async function markMilestoneDone(ctx: AppContext, actor: Actor, id: string, milestoneId: string): Promise<Agreement> {
  await requireActive(ctx, actor, id);
  const { db } = ctx.database;
  const today = todayInChina(ctx.now());
  await db.transaction(async (tx) => {
    const [m] = await tx.select().from(agreementMilestones).where(and(eq(agreementMilestones.id, milestoneId), eq(agreementMilestones.agreementId, id)));
    if (!m) throw notFound("里程碑");
    if (m.doneOn) throw new AppError("CONFLICT", `该里程碑已于${m.doneOn}完成`);
    await tx.update(agreementMilestones).set({ doneOn: today }).where(eq(agreementMilestones.id, milestoneId));
    await writeAudit(tx, auditActorOf(actor), { action: "agreement.milestoneDone", objectType: "agreement", objectId: id, detail: { milestoneId, title: m.title, doneOn: today } });
  });
  return one(ctx, db, id);
}

/** Completing or terminating: the reason goes on the check-in timeline, where the next reader looks. */
export async function closeAgreement(ctx: AppContext, actor: Actor, id: string, input: AgreementStatusInput): Promise<Agreement> {
  await requireActive(ctx, actor, id);
  const { db } = ctx.database;
  const today = todayInChina(ctx.now());
  await db.transaction(async (tx) => {
    await tx.update(agreements).set({ status: input.status }).where(eq(agreements.id, id));
    await tx.insert(agreementCheckIns).values({ agreementId: id, date: today, note: `协议${agreementStatusLabels[input.status]}：${input.note}`, byUserId: actor.userId, byName: actor.displayName });
    await writeAudit(tx, auditActorOf(actor), { action: `agreement.${input.status}`, objectType: "agreement", objectId: id, detail: { note: input.note } });
  });
  return one(ctx, db, id);
}
