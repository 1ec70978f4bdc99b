import { problemStatusLabels, sessionLinkableStatuses, type ProblemBatchLink, type ProblemBatchResult, type ProblemStatus } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { findProblem } from "../problems/queries";
import { problemScope } from "../problems/problemScope";
import { problems } from "../problems/tables";
import { findSessionRow } from "../serviceSessions/queries";
import { sessionScope } from "../serviceSessions/sessionScope";
import { sessionEnterprises } from "../serviceSessions/tables";
import { runBatch } from "./runBatch";

const refuse = (message: string) => new AppError("CONFLICT", message);

/**
 * 纳入场次 from the problem list: the selected problems go on one session's lists, each checked as the
 * session page's own link is (a firm the session visits, 已受理/已匹配专家, not on another session, not
 * voided) and audited on the problem; one refused row saves none (runBatch).
 */
export async function batchLink(ctx: AppContext, actor: Actor, input: ProblemBatchLink): Promise<ProblemBatchResult> {
  const { db } = ctx.database;
  const session = await findSessionRow(db, sessionScope(db, actor), input.sessionId);
  if (!session) throw notFound("服务场次");
  if (session.voidedAt) throw new AppError("CONFLICT", "该服务场次已作废，不能再纳入难题");
  const visited = new Set((await db.select({ id: sessionEnterprises.enterpriseId }).from(sessionEnterprises).where(eq(sessionEnterprises.sessionId, session.id))).map((r) => r.id));
  return runBatch(ctx, actor, input.ids, "纳入场次", async (tx, id) => {
    const row = await findProblem(tx, problemScope(actor), id);
    if (!row) throw notFound("难题");
    const p = row.problem;
    if (p.voidedAt) throw refuse("难题已作废");
    if (p.sessionId === session.id) return; // Already on this session: nothing to do, nothing refused.
    if (p.sessionId) throw refuse("已纳入其他服务场次");
    if (!visited.has(p.enterpriseId)) throw refuse(`所属企业“${row.enterpriseName}”不在本场次的服务企业中`);
    const status = p.status as ProblemStatus;
    if (!sessionLinkableStatuses.includes(status)) throw refuse(`状态为“${problemStatusLabels[status]}”，须为已受理或已匹配专家`);
    const updated = await tx
      .update(problems)
      .set({ sessionId: session.id })
      .where(and(eq(problems.id, id), eq(problems.status, status)))
      .returning({ id: problems.id });
    if (updated.length === 0) throw refuse("状态刚被他人更改，请刷新后再试");
    await writeAudit(tx, auditActorOf(actor), { action: "problem.linkSession", objectType: "problem", objectId: id, detail: { sessionId: session.id, sessionTitle: session.title } });
  });
}
