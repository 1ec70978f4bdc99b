import { onSiteEntryStatus, type OnSiteProblemInput, type Problem } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { requireNotVoided } from "../corrections/recordCorrection";
import { enterprises } from "../../../masterData/enterprises";
import { problemEvents, problems } from "../problems/tables";
import { findSessionRow } from "./queries";
import { sessionProblems } from "./sessionProblems";
import { sessionScope } from "./sessionScope";
import { sessionEnterprises, sessionExperts } from "./tables";

/**
 * A problem found during the visit: it enters the lifecycle at "onSite", already owned by one of the
 * team, in one transaction with its first timeline event and its audit row. Experts reach only the
 * sessions they are on (sessionScope), so another team's visit answers 404.
 */
export async function addOnSiteProblem(ctx: AppContext, actor: Actor, sessionId: string, input: OnSiteProblemInput): Promise<Problem> {
  const { db } = ctx.database;
  const session = await findSessionRow(db, sessionScope(db, actor), sessionId);
  if (!session) throw notFound("服务场次");
  requireNotVoided(session, "服务场次");
  const now = ctx.now();
  const id = await db.transaction(async (tx) => {
    const [visited] = await tx
      .select({ countyCode: enterprises.countyCode })
      .from(sessionEnterprises)
      .innerJoin(enterprises, eq(enterprises.id, sessionEnterprises.enterpriseId))
      .where(and(eq(sessionEnterprises.sessionId, sessionId), eq(sessionEnterprises.enterpriseId, input.enterpriseId)));
    if (!visited) throw new AppError("VALIDATION_FAILED", "企业不是本场次的服务企业", { enterpriseId: "请选择本场次服务的企业" });
    const [member] = await tx
      .select({ expertId: sessionExperts.expertId })
      .from(sessionExperts)
      .where(and(eq(sessionExperts.sessionId, sessionId), eq(sessionExperts.expertId, input.ownerExpertId)));
    if (!member) throw new AppError("VALIDATION_FAILED", "负责专家须是本场次服务团队成员", { ownerExpertId: "请从本场次服务团队中选择负责专家" });
    const [created] = await tx
      .insert(problems)
      .values({
        enterpriseId: input.enterpriseId,
        countyCode: visited.countyCode,
        sessionId,
        title: input.title,
        description: input.description,
        trade: input.trade,
        teamSize: input.teamSize,
        status: onSiteEntryStatus,
        statusChangedAt: now,
        ownerExpertId: input.ownerExpertId,
        createdAt: now,
      })
      .returning({ id: problems.id, no: problems.no });
    if (!created) throw new Error("insert returned no row");
    await tx.insert(problemEvents).values({
      problemId: created.id,
      at: now,
      fromStatus: null,
      toStatus: onSiteEntryStatus,
      byUserId: actor.userId,
      byName: actor.displayName,
      byRole: actor.role,
      note: "现场新增难题",
    });
    await writeAudit(tx, auditActorOf(actor), {
      action: "problem.createOnSite",
      objectType: "problem",
      objectId: created.id,
      detail: { sessionId, enterpriseId: input.enterpriseId, ownerExpertId: input.ownerExpertId, title: input.title },
    });
    return created.id;
  });
  const problem = (await sessionProblems(db, ctx.regions, sessionId)).find((p) => p.id === id);
  if (!problem) throw new Error("created problem not found");
  return problem;
}
