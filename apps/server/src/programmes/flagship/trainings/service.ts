import type { Training, TrainingInput, trainingListQuerySchema } from "@jiangxin/domain";
import { doneDateIssue, todayInChina } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { coversCounty } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { agreementScope, findAgreementRow } from "../agreements/queries";
import { enterprises } from "../../../masterData/enterprises";
import { findSessionRow } from "../serviceSessions/queries";
import { requireActiveExperts, requireCampaign, requireCountyInScope } from "../serviceSessions/service";
import { sessionScope } from "../serviceSessions/sessionScope";
import { findTrainingRow, listTrainingRows, toTrainings, trainingScope } from "./queries";
import { trainingTrainers, trainings } from "./tables";

type ListQuery = z.infer<typeof trainingListQuerySchema>;

const invalid = (field: string, message: string) => new AppError("VALIDATION_FAILED", message, { [field]: message });

export async function listForActor(ctx: AppContext, actor: Actor, query: ListQuery) {
  let counties: string[] | undefined;
  if (query.regionCode) {
    ctx.regions.require(query.regionCode);
    counties = ctx.regions.countiesUnder(query.regionCode);
  }
  const { db } = ctx.database;
  const { q, from, to, enterpriseId, sessionId, agreementId, campaignId, showVoided } = query;
  const { rows, total } = await listTrainingRows(
    db,
    { scope: trainingScope(db, actor), q, counties, from, to, enterpriseId, sessionId, agreementId, campaignId, includeVoided: showVoided },
    query.page,
    query.pageSize,
  );
  return { items: await toTrainings(db, ctx.regions, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getForActor(ctx: AppContext, actor: Actor, id: string): Promise<Training> {
  const { db } = ctx.database;
  const row = await findTrainingRow(db, trainingScope(db, actor), id);
  if (!row) throw notFound("培训");
  const [training] = await toTrainings(db, ctx.regions, [row]);
  if (!training) throw notFound("培训");
  return training;
}

export async function createForActor(ctx: AppContext, actor: Actor, input: TrainingInput): Promise<Training> {
  requireCountyInScope(ctx, actor, input.countyCode);
  const dateIssue = doneDateIssue(input.date, todayInChina(ctx.now()), "培训日期");
  if (dateIssue) throw invalid("date", dateIssue);
  const countyName = ctx.regions.get(input.countyCode)?.name ?? input.countyCode;
  const { db } = ctx.database;
  // Links must point at records this actor can see, and in the same county: a training counts where it happened.
  if (input.sessionId) {
    const s = await findSessionRow(db, sessionScope(db, actor), input.sessionId);
    if (!s) throw invalid("sessionId", "服务场次不存在或不在您的辖区内");
    if (s.countyCode !== input.countyCode) throw invalid("sessionId", `该服务场次不在${countyName}`);
  }
  if (input.agreementId) {
    const a = await findAgreementRow(db, agreementScope(db, actor), input.agreementId);
    if (!a) throw invalid("agreementId", "协议不存在或不在您的辖区内");
    if (a.countyCode !== input.countyCode) throw invalid("agreementId", `该协议的企业不在${countyName}`);
  }
  const row = await db.transaction(async (tx) => {
    if (input.enterpriseId) {
      const [firm] = await tx.select({ countyCode: enterprises.countyCode, name: enterprises.name }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
      // A firm outside the actor's region is answered like a missing one, never named.
      if (!firm || !coversCounty(actor, firm.countyCode)) throw invalid("enterpriseId", "企业不存在");
      if (firm.countyCode !== input.countyCode) throw invalid("enterpriseId", `企业“${firm.name}”不在${countyName}`);
    }
    const trainers = await requireActiveExperts(tx, input.trainerExpertIds, "trainerExpertIds");
    await requireCampaign(tx, input.campaignId);
    const [created] = await tx
      .insert(trainings)
      .values({
        date: input.date,
        topic: input.topic,
        countyCode: input.countyCode,
        enterpriseId: input.enterpriseId ?? null,
        trainees: input.trainees,
        sessionId: input.sessionId ?? null,
        agreementId: input.agreementId ?? null,
        campaignId: input.campaignId ?? null,
        createdBy: actor.userId,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await tx.insert(trainingTrainers).values(trainers.map((x) => ({ trainingId: created.id, expertId: x.id })));
    await writeAudit(tx, auditActorOf(actor), {
      action: "training.create",
      objectType: "training",
      objectId: created.id,
      detail: { topic: created.topic, date: created.date, countyCode: created.countyCode, trainees: created.trainees },
    });
    return created;
  });
  const [training] = await toTrainings(db, ctx.regions, [row]);
  if (!training) throw new Error("created training not found");
  return training;
}
