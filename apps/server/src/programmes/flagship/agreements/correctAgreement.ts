import type { Agreement, AgreementCorrection, VoidInput } from "@jiangxin/domain";
import { doneDateIssue, termIssue, todayInChina } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { coversCounty } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { changesOf, recordCorrection, requireNotVoided, requireSomeChange } from "../corrections/recordCorrection";
import { agreementScope, findAgreementRow } from "./queries";
import { getForActor } from "./service";
import { agreements } from "./tables";

const labels = { title: "协议名称", signedOn: "签订日期", startDate: "开始日期", endDate: "结束日期" };
const invalid = (field: string, message: string) => new AppError("VALIDATION_FAILED", message, { [field]: message });

async function correctableAgreement(ctx: AppContext, actor: Actor, id: string) {
  const row = await findAgreementRow(ctx.database.db, agreementScope(ctx.database.db, actor), id);
  if (!row || !coversCounty(actor, row.countyCode)) throw notFound("协议");
  requireNotVoided(row, "协议");
  return row;
}

/** Puts a wrong title or date right; the term must still end after it starts, the signing not be in the future. */
export async function correctAgreement(ctx: AppContext, actor: Actor, id: string, input: AgreementCorrection): Promise<Agreement> {
  const row = await correctableAgreement(ctx, actor, id);
  if (input.signedOn !== undefined) {
    const issue = doneDateIssue(input.signedOn, todayInChina(ctx.now()), "签订日期");
    if (issue) throw invalid("signedOn", issue);
  }
  const term = termIssue(input.startDate ?? row.startDate, input.endDate ?? row.endDate);
  if (term) throw invalid("endDate", term);
  const changes = changesOf(labels, row, input);
  requireSomeChange(changes, "title");
  await ctx.database.db.transaction(async (tx) => {
    const { reason: _reason, ...fields } = input;
    await tx.update(agreements).set(fields).where(eq(agreements.id, id));
    await recordCorrection(tx, actor, { objectType: "agreement", objectId: id, kind: "edit", reason: input.reason, changes, at: ctx.now() });
  });
  return getForActor(ctx, actor, id);
}

/** Voids an agreement recorded in error: it stays, marked 已作废, and its outcomes leave every figure. */
export async function voidAgreement(ctx: AppContext, actor: Actor, id: string, input: VoidInput): Promise<Agreement> {
  await correctableAgreement(ctx, actor, id);
  await ctx.database.db.transaction(async (tx) => {
    await tx.update(agreements).set({ voidedAt: ctx.now(), voidedReason: input.reason, voidedByName: actor.displayName }).where(eq(agreements.id, id));
    await recordCorrection(tx, actor, { objectType: "agreement", objectId: id, kind: "void", reason: input.reason, changes: [{ field: "voided", label: "状态", before: "有效", after: "已作废" }], at: ctx.now() });
  });
  return getForActor(ctx, actor, id);
}
