import { sessionLinkableStatuses as linkable, type LinkProblemsInput, type ProblemStatus } from "@jiangxin/domain";
import { eq, inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { requireNotVoided } from "../corrections/recordCorrection";
import { problems } from "../problems/tables";
import { findSessionRow } from "./queries";
import { sessionScope } from "./sessionScope";
import { sessionEnterprises } from "./tables";

/**
 * Puts problems the enterprises already submitted on the session's three lists. All or nothing: one
 * problem that does not fit refuses the whole request, naming it.
 */
export async function linkProblems(ctx: AppContext, actor: Actor, sessionId: string, input: LinkProblemsInput): Promise<{ linked: number }> {
  const { db } = ctx.database;
  const session = await findSessionRow(db, sessionScope(db, actor), sessionId);
  if (!session) throw notFound("服务场次");
  requireNotVoided(session, "服务场次");
  const ids = [...new Set(input.problemIds)];
  return db.transaction(async (tx) => {
    const visited = new Set((await tx.select({ id: sessionEnterprises.enterpriseId }).from(sessionEnterprises).where(eq(sessionEnterprises.sessionId, sessionId))).map((r) => r.id));
    const rows = await tx
      .select({ id: problems.id, title: problems.title, enterpriseId: problems.enterpriseId, status: problems.status, sessionId: problems.sessionId, voidedAt: problems.voidedAt })
      .from(problems)
      .where(inArray(problems.id, ids));
    const fail = (message: string) => new AppError("VALIDATION_FAILED", message, { problemIds: message });
    if (rows.length !== ids.length) throw fail("所选难题中有不存在的难题，请刷新后重选");
    for (const p of rows) {
      // Not named: a problem of a firm not on this session may lie outside the actor's region.
      if (!visited.has(p.enterpriseId)) throw fail("所选难题中有不属于本场次服务企业的难题，请刷新后重选");
      if (p.voidedAt) throw fail(`难题“${p.title}”已作废，不能纳入场次`);
      if (!linkable.includes(p.status as ProblemStatus)) throw fail(`难题“${p.title}”当前状态不能纳入场次(须为已受理或已匹配专家)`);
      if (p.sessionId && p.sessionId !== sessionId) throw fail(`难题“${p.title}”已纳入其他服务场次`);
    }
    await tx.update(problems).set({ sessionId }).where(inArray(problems.id, ids));
    await writeAudit(tx, auditActorOf(actor), { action: "serviceSession.linkProblems", objectType: "serviceSession", objectId: sessionId, detail: { problemIds: ids } });
    return { linked: ids.length };
  });
}
