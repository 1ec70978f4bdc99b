import { isOpenProblemStatus, isStaffRole, type ProblemStatus, problemStatusLabels, todayInChina } from "@jiangxin/domain";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError, notFound } from "../../../platform/errors";
import { closeTodos, notify, raiseTodo, raiseTodos, type RaiseTodo } from "../../../platform/inbox";
import { findProblem, problemCode } from "./queries";
import { problemScope } from "./problemScope";
import { demandLists, problems } from "./tables";

/**
 * The flagship's to-dos and notifications (docs/inbox.md): a new demand list is a 待受理 for its
 * county's union until none of its problems waits for acceptance; an expert named on a problem is told
 * (and texted); 催办 on an overdue problem is a to-do for its owner expert until someone acts on it.
 */

const programme = "flagship";
const dayMs = 24 * 3600 * 1000;

type OpenList = { id: string; countyCode: string; enterpriseName: string; problemCount: number; at: Date };

/** A demand list's 待受理 for its county's union, due when its problems would turn up on the overdue list. */
function demandListTodo(ctx: AppContext, list: OpenList): RaiseTodo {
  return {
    kind: "toAccept",
    title: `${list.enterpriseName}提交需求清单，${list.problemCount}个难题待受理`,
    link: `/demand-lists/${list.id}`,
    to: { role: "county", regionCode: list.countyCode },
    source: { programme, recordId: list.id },
    dueDate: todayInChina(new Date(list.at.getTime() + ctx.config.overdueDays * dayMs)),
    at: list.at,
  };
}

/** A demand list with problems waits for its county's union to accept or reject them. */
export async function raiseDemandListTodo(tx: Db, ctx: AppContext, list: OpenList): Promise<void> {
  if (list.problemCount > 0) await raiseTodo(tx, demandListTodo(ctx, list));
}

/**
 * The demo's backlog: a 待受理 for every demand list that still has problems waiting (generated rows
 * skip the service, so they raised none). One query and one insert per thousand lists.
 */
export async function raiseOpenDemandListTodos(tx: Db, ctx: AppContext): Promise<number> {
  // From the waiting problems to their lists: the few open ones, not a scan of every list's problems.
  const rows = await tx
    .select({ id: demandLists.id, countyCode: demandLists.countyCode, enterpriseName: enterprises.name, problemCount: sql<number>`count(*)::int`, at: demandLists.submittedAt })
    .from(problems)
    .innerJoin(demandLists, eq(demandLists.id, problems.demandListId))
    .innerJoin(enterprises, eq(enterprises.id, demandLists.enterpriseId))
    .where(and(eq(problems.status, "submitted"), isNull(problems.voidedAt)))
    .groupBy(demandLists.id, enterprises.name);
  for (let i = 0; i < rows.length; i += 1000) await raiseTodos(tx, rows.slice(i, i + 1000).map((r) => demandListTodo(ctx, r)));
  return rows.length;
}

/**
 * After a move: the list's 待受理 closes once no problem of it is still 已提交, and any move answers a
 * 催办 on the problem (so does a progress note, see addProblemNote).
 */
export async function afterProblemMove(tx: Db, problem: { id: string; demandListId: string | null }, from: ProblemStatus, at: Date): Promise<void> {
  await closeTodos(tx, { source: { programme, recordId: problem.id }, kinds: ["urge"], at });
  if (from !== "submitted" || !problem.demandListId) return;
  const [waiting] = await tx
    .select({ n: count() })
    .from(problems)
    .where(and(eq(problems.demandListId, problem.demandListId), eq(problems.status, "submitted"), isNull(problems.voidedAt)));
  if ((waiting?.n ?? 0) === 0) await closeTodos(tx, { source: { programme, recordId: problem.demandListId }, kinds: ["toAccept"], at });
}

/**
 * A voided record waits for no one: every open to-do raised for it closes (a problem's 催办, a
 * session's), and a voided 已提交 problem no longer keeps its list's 待受理 open.
 */
export async function afterVoid(tx: Db, record: { id: string; demandListId?: string | null; status?: ProblemStatus }, at: Date): Promise<void> {
  await closeTodos(tx, { source: { programme, recordId: record.id }, at });
  if (record.status === "submitted" && record.demandListId) await afterProblemMove(tx, { id: record.id, demandListId: record.demandListId }, "submitted", at);
}

/** The expert named as owner or 协助专家 hears of it: a notification for its login (if any) and an SMS. */
export async function tellAssignedExpert(
  tx: Db,
  expertId: string,
  problem: { id: string; title: string; enterpriseName: string },
  as: "owner" | "member",
  at: Date,
): Promise<void> {
  const [expert] = await tx
    .select({ name: experts.name, userId: experts.userId, phoneEnc: experts.phoneEnc, phoneMasked: experts.phoneMasked })
    .from(experts)
    .where(eq(experts.id, expertId));
  if (!expert) return;
  const role = as === "owner" ? "负责专家" : "协助专家";
  const title = `您被指派为${role}`;
  const body = `${problem.enterpriseName}的难题“${problem.title}”请您担任${role}。`;
  await notify(tx, {
    userIds: expert.userId ? [expert.userId] : [],
    title,
    body,
    link: `/problems/${problem.id}`,
    source: { programme, recordId: problem.id },
    outside: [{ channel: "sms", recipient: { encrypted: expert.phoneEnc, masked: expert.phoneMasked }, text: `【浙江省总工会】${expert.name}您好，${body}请登录匠心查看。` }],
    at,
  });
}

/**
 * 催办: staff press it on an overdue (or any open) problem; the owner expert gets a to-do (one open at a
 * time per problem) and an SMS. No timeline line: being urged is not activity, the problem stays overdue.
 */
export async function urgeProblem(ctx: AppContext, actor: Actor, problemId: string): Promise<{ expertName: string; urgedAt: string }> {
  if (!isStaffRole(actor.role)) throw new AppError("FORBIDDEN", "只有工会工作人员可以催办");
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await findProblem(tx, problemScope(actor), problemId);
    if (!row) throw notFound("难题");
    const p = row.problem;
    const status = p.status as ProblemStatus;
    if (!isOpenProblemStatus(status)) throw new AppError("CONFLICT", `难题状态为“${problemStatusLabels[status]}”，无需催办`);
    if (!p.ownerExpertId) throw new AppError("CONFLICT", "该难题尚未指派负责专家，请先指派专家");
    const [expert] = await tx
      .select({ name: experts.name, userId: experts.userId, phoneEnc: experts.phoneEnc, phoneMasked: experts.phoneMasked })
      .from(experts)
      .where(eq(experts.id, p.ownerExpertId));
    if (!expert) throw notFound("负责专家");
    const code = problemCode(p.no, p.createdAt);
    const text = `难题${code}“${p.title}”(${row.enterpriseName})久无进展，请尽快推进并记录进展`;
    if (expert.userId) {
      await raiseTodo(tx, { kind: "urge", title: text, link: `/problems/${p.id}`, to: { userId: expert.userId }, source: { programme, recordId: p.id }, at: now });
    }
    await notify(tx, {
      userIds: [],
      title: "催办",
      body: text,
      source: { programme, recordId: p.id },
      outside: [{ channel: "sms", recipient: { encrypted: expert.phoneEnc, masked: expert.phoneMasked }, text: `【浙江省总工会】${expert.name}您好，${text}。` }],
      at: now,
    });
    await writeAudit(tx, auditActorOf(actor), { action: "problem.urge", objectType: "problem", objectId: p.id, detail: { expertId: p.ownerExpertId, expertName: expert.name, status } });
    return { expertName: expert.name, urgedAt: now.toISOString() };
  });
}
