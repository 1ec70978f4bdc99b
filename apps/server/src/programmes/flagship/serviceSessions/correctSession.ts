import type { ServiceSession, ServiceSessionCorrection, VoidInput } from "@jiangxin/domain";
import { sessionDateIssue, todayInChina } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { coversCounty } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { changesOf, recordCorrection, requireNotVoided, requireSomeChange } from "../corrections/recordCorrection";
import { afterVoid } from "../problems/inboxWiring";
import { findSessionRow } from "./queries";
import { getForActor } from "./service";
import { sessionScope } from "./sessionScope";
import { serviceSessions } from "./tables";

const labels = { date: "服务日期", title: "场次名称", note: "备注" };

/** A session staff of its county may correct: in scope, not voided. Others get 404 (no hint it exists). */
async function correctableSession(ctx: AppContext, actor: Actor, id: string) {
  const row = await findSessionRow(ctx.database.db, sessionScope(ctx.database.db, actor), id);
  if (!row || !coversCounty(actor, row.countyCode)) throw notFound("服务场次");
  requireNotVoided(row, "服务场次");
  return row;
}

/** Puts a wrong date, title or note right; the figures follow the new date at once (they are counted from rows). */
export async function correctSession(ctx: AppContext, actor: Actor, id: string, input: ServiceSessionCorrection): Promise<ServiceSession> {
  const row = await correctableSession(ctx, actor, id);
  if (input.date !== undefined) {
    const issue = sessionDateIssue(input.date, todayInChina(ctx.now()));
    if (issue) throw new AppError("VALIDATION_FAILED", issue, { date: issue });
  }
  const changes = changesOf(labels, row, input);
  requireSomeChange(changes, "date");
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(serviceSessions)
      .set({ ...(input.date !== undefined ? { date: input.date } : {}), ...(input.title !== undefined ? { title: input.title } : {}), ...(input.note !== undefined ? { note: input.note || null } : {}) })
      .where(eq(serviceSessions.id, id));
    await recordCorrection(tx, actor, { objectType: "serviceSession", objectId: id, kind: "edit", reason: input.reason, changes, at: ctx.now() });
  });
  return getForActor(ctx, actor, id);
}

/** Voids a session recorded in error: it stays, marked 已作废, and leaves every figure. */
export async function voidSession(ctx: AppContext, actor: Actor, id: string, input: VoidInput): Promise<ServiceSession> {
  await correctableSession(ctx, actor, id);
  await ctx.database.db.transaction(async (tx) => {
    await tx.update(serviceSessions).set({ voidedAt: ctx.now(), voidedReason: input.reason, voidedByName: actor.displayName }).where(eq(serviceSessions.id, id));
    await afterVoid(tx, { id }, ctx.now());
    await recordCorrection(tx, actor, { objectType: "serviceSession", objectId: id, kind: "void", reason: input.reason, changes: [{ field: "voided", label: "状态", before: "有效", after: "已作废" }], at: ctx.now() });
  });
  return getForActor(ctx, actor, id);
}
