import type { Training, TrainingCorrection, VoidInput } from "@jiangxin/domain";
import { doneDateIssue, todayInChina } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { coversCounty } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { changesOf, recordCorrection, requireNotVoided, requireSomeChange } from "../corrections/recordCorrection";
import { findTrainingRow, trainingScope } from "./queries";
import { getForActor } from "./service";
import { trainings } from "./tables";

const labels = { date: "培训日期", topic: "培训主题", trainees: "培训人次" };

async function correctableTraining(ctx: AppContext, actor: Actor, id: string) {
  const row = await findTrainingRow(ctx.database.db, trainingScope(ctx.database.db, actor), id);
  if (!row || !coversCounty(actor, row.countyCode)) throw notFound("培训");
  requireNotVoided(row, "培训");
  return row;
}

/** Puts a wrong date, topic or 人次 right, with the reason on record. */
export async function correctTraining(ctx: AppContext, actor: Actor, id: string, input: TrainingCorrection): Promise<Training> {
  const row = await correctableTraining(ctx, actor, id);
  if (input.date !== undefined) {
    const issue = doneDateIssue(input.date, todayInChina(ctx.now()), "培训日期");
    if (issue) throw new AppError("VALIDATION_FAILED", issue, { date: issue });
  }
  const changes = changesOf(labels, row, input);
  requireSomeChange(changes, "date");
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(trainings)
      .set({ ...(input.date !== undefined ? { date: input.date } : {}), ...(input.topic !== undefined ? { topic: input.topic } : {}), ...(input.trainees !== undefined ? { trainees: input.trainees } : {}) })
      .where(eq(trainings.id, id));
    await recordCorrection(tx, actor, { objectType: "training", objectId: id, kind: "edit", reason: input.reason, changes, at: ctx.now() });
  });
  return getForActor(ctx, actor, id);
}

/** Voids a training recorded in error: it stays, marked 已作废, and its 人次 leave every figure. */
export async function voidTraining(ctx: AppContext, actor: Actor, id: string, input: VoidInput): Promise<Training> {
  await correctableTraining(ctx, actor, id);
  await ctx.database.db.transaction(async (tx) => {
    await tx.update(trainings).set({ voidedAt: ctx.now(), voidedReason: input.reason, voidedByName: actor.displayName }).where(eq(trainings.id, id));
    await recordCorrection(tx, actor, { objectType: "training", objectId: id, kind: "void", reason: input.reason, changes: [{ field: "voided", label: "状态", before: "有效", after: "已作废" }], at: ctx.now() });
  });
  return getForActor(ctx, actor, id);
}
