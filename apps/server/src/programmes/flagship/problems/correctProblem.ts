import type { DemandListDetail, ProblemDetail, ProblemStatus, ProblemTextCorrection, VoidInput, WithdrawInput } from "@jiangxin/domain";
import { isStaffRole, problemStatusLabels, withdrawableStatuses } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { coversCounty } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError, notFound } from "../../../platform/errors";
import { changesOf, recordCorrection, requireNotVoided, requireSomeChange } from "../corrections/recordCorrection";
import { getDemandListForActor } from "./demandListService";
import { afterProblemMove, afterVoid } from "./inboxWiring";
import { findProblem } from "./queries";
import { problemDetailFor } from "./problemService";
import { demandListScope, problemScope } from "./problemScope";
import { recordProblemEvent } from "./recordProblemEvent";
import { demandLists, problems } from "./tables";

const textLabels = { title: "难题标题", description: "难题描述" };
const notWithdrawable = (s: ProblemStatus) => new AppError("CONFLICT", `难题状态为“${problemStatusLabels[s]}”，已不能撤回；如需更正请联系县(市、区)总工会`);

/**
 * Rewording a problem. Its enterprise may reword it while it waits for acceptance (nothing counts it
 * yet); once accepted it is on people's desks and in the statistics, and only staff of its county
 * correct it, with a reason. Either way the old text stays in the history and on the timeline.
 */
export async function correctProblemText(ctx: AppContext, actor: Actor, id: string, input: ProblemTextCorrection): Promise<ProblemDetail> {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await findProblem(tx, problemScope(actor), id);
    if (!row) throw notFound("难题");
    const p = row.problem;
    requireNotVoided(p, "难题");
    const status = p.status as ProblemStatus;
    const staff = isStaffRole(actor.role) && coversCounty(actor, p.countyCode);
    const ownBeforeAcceptance = actor.role === "enterprise" && withdrawableStatuses.includes(status);
    if (!staff && !ownBeforeAcceptance) throw new AppError("FORBIDDEN", "难题受理后由县(市、区)总工会更正");
    if (staff && !withdrawableStatuses.includes(status) && !input.reason) throw new AppError("VALIDATION_FAILED", "难题已受理，更正须填写理由", { reason: "请填写更正理由" });
    const changes = changesOf(textLabels, p, input);
    requireSomeChange(changes, "title");
    await tx
      .update(problems)
      .set({ ...(input.title !== undefined ? { title: input.title } : {}), ...(input.description !== undefined ? { description: input.description } : {}) })
      .where(eq(problems.id, id));
    const what = changes.map((c) => c.label).join("、");
    await recordProblemEvent(tx, actor, { problemId: id, at: now, from: status, to: status, note: `更正${what}${input.reason ? `：${input.reason}` : ""}` });
    await recordCorrection(tx, actor, { objectType: "problem", objectId: id, kind: "edit", reason: input.reason ?? null, changes, at: now });
    return problemDetailFor(ctx, actor, id, tx);
  });
}

/** Voids a problem recorded in error (a duplicate, a test): it stays, marked 已作废, and leaves every figure. */
export async function voidProblem(ctx: AppContext, actor: Actor, id: string, input: VoidInput): Promise<ProblemDetail> {
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await findProblem(tx, problemScope(actor), id);
    if (!row || !coversCounty(actor, row.problem.countyCode)) throw notFound("难题");
    requireNotVoided(row.problem, "难题");
    const status = row.problem.status as ProblemStatus;
    await tx.update(problems).set({ voidedAt: now, voidedReason: input.reason, voidedByName: actor.displayName }).where(eq(problems.id, id));
    await recordProblemEvent(tx, actor, { problemId: id, at: now, from: status, to: status, note: `作废：${input.reason}` });
    await afterVoid(tx, { id, demandListId: row.problem.demandListId, status }, now);
    await recordCorrection(tx, actor, { objectType: "problem", objectId: id, kind: "void", reason: input.reason, changes: [{ field: "voided", label: "状态", before: "有效", after: "已作废" }], at: now });
    return problemDetailFor(ctx, actor, id, tx);
  });
}

async function withdrawInTx(tx: Db, actor: Actor, p: { id: string; status: string; demandListId: string | null }, note: string, now: Date): Promise<void> {
  const from = p.status as ProblemStatus;
  const updated = await tx
    .update(problems)
    .set({ status: "withdrawn", statusChangedAt: now })
    .where(and(eq(problems.id, p.id), eq(problems.status, from)))
    .returning({ id: problems.id });
  if (updated.length === 0) throw new AppError("CONFLICT", "该难题的状态刚被他人更改，请刷新后再试");
  await recordProblemEvent(tx, actor, { problemId: p.id, at: now, from, to: "withdrawn", note });
  await recordCorrection(tx, actor, { objectType: "problem", objectId: p.id, kind: "withdraw", reason: note, changes: [{ field: "status", label: "状态", before: problemStatusLabels[from], after: "已撤回" }], at: now });
  await afterProblemMove(tx, p, from, now);
}

/** The enterprise takes one of its problems back before the union accepts it. */
export async function withdrawProblem(ctx: AppContext, actor: Actor, id: string, input: WithdrawInput): Promise<ProblemDetail> {
  if (actor.role !== "enterprise") throw new AppError("FORBIDDEN", "只有提交难题的企业可以撤回");
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await findProblem(tx, problemScope(actor), id);
    if (!row) throw notFound("难题");
    const status = row.problem.status as ProblemStatus;
    if (!withdrawableStatuses.includes(status)) throw notWithdrawable(status);
    await withdrawInTx(tx, actor, row.problem, input.reason ? `企业撤回：${input.reason}` : "企业撤回", now);
    return problemDetailFor(ctx, actor, id, tx);
  });
}

/**
 * The enterprise takes a whole list back while none of its problems has been accepted: the list is
 * kept (已撤回) with its problems withdrawn, and the county's 待受理 for it closes.
 */
export async function withdrawDemandList(ctx: AppContext, actor: Actor, id: string, input: WithdrawInput): Promise<DemandListDetail> {
  if (actor.role !== "enterprise") throw new AppError("FORBIDDEN", "只有提交需求清单的企业可以撤回");
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const [list] = await tx.select().from(demandLists).where(and(demandListScope(actor), eq(demandLists.id, id)));
    if (!list) throw notFound("需求清单");
    if (list.withdrawnAt) throw new AppError("CONFLICT", "该需求清单已撤回");
    const rows = await tx.select().from(problems).where(eq(problems.demandListId, id)).for("update");
    const moved = rows.find((p) => !withdrawableStatuses.includes(p.status as ProblemStatus) && p.status !== "withdrawn");
    if (moved) throw notWithdrawable(moved.status as ProblemStatus);
    await tx.update(demandLists).set({ withdrawnAt: now }).where(eq(demandLists.id, id));
    const note = input.reason ? `企业撤回需求清单：${input.reason}` : "企业撤回需求清单";
    for (const p of rows.filter((r) => r.status !== "withdrawn")) await withdrawInTx(tx, actor, p, note, now);
    await recordCorrection(tx, actor, { objectType: "demandList", objectId: id, kind: "withdraw", reason: input.reason ?? null, changes: [{ field: "status", label: "状态", before: "已提交", after: "已撤回" }], at: now });
    if (rows.length === 0) await afterProblemMove(tx, { id, demandListId: id }, "submitted", now);
  });
  return getDemandListForActor(ctx, actor, id);
}

