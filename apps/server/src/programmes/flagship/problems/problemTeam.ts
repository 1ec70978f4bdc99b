import { isOpenProblemStatus, problemStatusLabels, trades, type ProblemDetail, type ProblemStatus, type TradeCode } from "@jiangxin/domain";
import { and, count, eq } from "drizzle-orm";
import { mayAssignExperts } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError, notFound } from "../../../platform/errors";
import { experts } from "../../../masterData/experts";
import { openProblemsServedBy } from "./expertLoad";
import { problemDetailFor } from "./problemService";
import { problemScope } from "./problemScope";
import { requireNotVoided } from "../corrections/recordCorrection";
import { findProblem, type ProblemRow } from "./queries";
import { tellAssignedExpert } from "./inboxWiring";
import { recordProblemEvent } from "./recordProblemEvent";
import { problemTeamMembers, problems } from "./tables";

/**
 * The problem's team beyond its owner: 需要专家人数 (team_size) and the 协助专家 (problem_team_members).
 * Only staff who may assign experts change it, only while the problem is open; every change is a
 * timeline line and an audit row in the same transaction.
 */

/** The problem, locked, for a team change: in scope (else 404), open (else 409), and the actor may assign (else 403). */
async function problemForTeamChange(tx: Db, actor: Actor, problemId: string): Promise<ProblemRow> {
  if (!mayAssignExperts(actor)) throw new AppError("FORBIDDEN", "当前账号不能调整难题的专家团队");
  // Locked first so two staff adding the last member at once cannot both get past the size check.
  await tx.select({ id: problems.id }).from(problems).where(eq(problems.id, problemId)).for("update");
  const row = await findProblem(tx, problemScope(actor), problemId);
  if (!row) throw notFound("难题");
  requireNotVoided(row.problem, "难题");
  const status = row.problem.status as ProblemStatus;
  if (!isOpenProblemStatus(status)) throw new AppError("CONFLICT", `难题状态为“${problemStatusLabels[status]}”，不能再调整专家团队`);
  return row;
}

async function memberCount(tx: Db, problemId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(problemTeamMembers).where(eq(problemTeamMembers.problemId, problemId));
  return row?.n ?? 0;
}

/** 需要专家人数 changed: never below the team it already has. */
export async function updateTeamSize(ctx: AppContext, actor: Actor, problemId: string, teamSize: number): Promise<ProblemDetail> {
  return ctx.database.db.transaction(async (tx) => {
    const row = await problemForTeamChange(tx, actor, problemId);
    const before = row.problem.teamSize;
    if (teamSize !== before) {
      const members = (row.problem.ownerExpertId ? 1 : 0) + (await memberCount(tx, problemId));
      if (teamSize < members) {
        const message = `团队已有${members}位专家，需要专家人数不能少于${members}人，请先移出协助专家`;
        throw new AppError("VALIDATION_FAILED", message, { teamSize: message });
      }
      await tx.update(problems).set({ teamSize }).where(eq(problems.id, problemId));
      const status = row.problem.status as ProblemStatus;
      const now = ctx.now();
      await recordProblemEvent(tx, actor, { problemId, at: now, from: status, to: status, note: `需要专家人数：${before}人 → ${teamSize}人` });
      await writeAudit(tx, auditActorOf(actor), { action: "problem.update", objectType: "problem", objectId: problemId, detail: { teamSize: { from: before, to: teamSize } } });
    }
    return problemDetailFor(ctx, actor, problemId, tx);
  });
}

/**
 * Adds a 协助专家 inside the caller's transaction (accepting a plan adds several). The problem must
 * have its owner and room in its team; the expert must be active, of the problem's trade, not on
 * the team yet, and below its own limit of open problems (its row locked, as for an owner).
 */
export async function addTeamMemberInTx(ctx: AppContext, tx: Db, actor: Actor, problemId: string, expertId: string): Promise<void> {
  const row = await problemForTeamChange(tx, actor, problemId);
  const p = row.problem;
  const fail = (code: "VALIDATION_FAILED" | "CONFLICT", message: string): never => {
    throw new AppError(code, message, { expertId: message });
  };
  if (!p.ownerExpertId) fail("CONFLICT", "难题尚未指派负责专家，请先指派负责专家再添加协助专家");
  const members = await memberCount(tx, problemId);
  if (members >= p.teamSize - 1) {
    fail("CONFLICT", p.teamSize === 1 ? "该难题需要专家人数为1人，请先调整需要专家人数" : `专家团队已满(需要专家人数${p.teamSize}人)`);
  }
  const [expert] = await tx.select().from(experts).where(eq(experts.id, expertId)).for("update");
  if (!expert) return fail("VALIDATION_FAILED", "所选专家不存在");
  if (expert.id === p.ownerExpertId) fail("VALIDATION_FAILED", `${expert.name}已是本难题的负责专家`);
  const [already] = await tx
    .select({ expertId: problemTeamMembers.expertId })
    .from(problemTeamMembers)
    .where(and(eq(problemTeamMembers.problemId, problemId), eq(problemTeamMembers.expertId, expert.id)));
  if (already) fail("CONFLICT", `${expert.name}已在专家团队中`);
  if (!expert.active) fail("VALIDATION_FAILED", `${expert.name}已停用，不能加入团队`);
  if (!expert.trades.includes(p.trade)) {
    const need = p.trade in trades ? trades[p.trade as TradeCode] : p.trade;
    fail("VALIDATION_FAILED", `${expert.name}的工种与难题所需工种(${need})不符`);
  }
  const open = await openProblemsServedBy(tx, expert.id);
  if (open >= expert.maxOpenProblems) fail("CONFLICT", `${expert.name}已承担${open}个未完成难题，达到上限${expert.maxOpenProblems}个，请另选专家`);

  const now = ctx.now();
  await tx.insert(problemTeamMembers).values({ problemId, expertId: expert.id, addedAt: now, addedByUserId: actor.userId });
  const status = p.status as ProblemStatus;
  await recordProblemEvent(tx, actor, { problemId, at: now, from: status, to: status, note: `加入协助专家：${expert.name}` });
  await writeAudit(tx, auditActorOf(actor), { action: "problem.team.add", objectType: "problem", objectId: problemId, detail: { expertId: expert.id, expertName: expert.name } });
  await tellAssignedExpert(tx, expert.id, { id: problemId, title: p.title, enterpriseName: row.enterpriseName }, "member", now);
}

export async function addTeamMember(ctx: AppContext, actor: Actor, problemId: string, expertId: string): Promise<ProblemDetail> {
  return ctx.database.db.transaction(async (tx) => {
    await addTeamMemberInTx(ctx, tx, actor, problemId, expertId);
    return problemDetailFor(ctx, actor, problemId, tx);
  });
}

export async function removeTeamMember(ctx: AppContext, actor: Actor, problemId: string, expertId: string): Promise<ProblemDetail> {
  return ctx.database.db.transaction(async (tx) => {
    const row = await problemForTeamChange(tx, actor, problemId);
    const removed = await tx
      .delete(problemTeamMembers)
      .where(and(eq(problemTeamMembers.problemId, problemId), eq(problemTeamMembers.expertId, expertId)))
      .returning({ expertId: problemTeamMembers.expertId });
    if (removed.length === 0) throw notFound("协助专家");
    const [expert] = await tx.select({ name: experts.name }).from(experts).where(eq(experts.id, expertId));
    const status = row.problem.status as ProblemStatus;
    const now = ctx.now();
    await recordProblemEvent(tx, actor, { problemId, at: now, from: status, to: status, note: `移出协助专家：${expert?.name ?? ""}` });
    await writeAudit(tx, auditActorOf(actor), { action: "problem.team.remove", objectType: "problem", objectId: problemId, detail: { expertId, expertName: expert?.name ?? null } });
    return problemDetailFor(ctx, actor, problemId, tx);
  });
}
