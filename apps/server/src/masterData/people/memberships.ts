import { todayInChina } from "@jiangxin/domain";
import type { Membership, MembershipDecision, MembershipStatus } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { closeTodos, notify, raiseTodo, type TodoAddressee } from "../../platform/inbox";
import { users } from "../../platform/auth/tables";
import type { Db } from "../../platform/db/database";
import { findUnion, type UnionRow } from "../unions";
import { currentMembershipOf, mayManageInCounty, personScope, unionScopeCondition } from "./personScope";
import { findPerson, membershipsOf } from "./queries";
import { unionMemberships } from "./tables";

/** Workers join grassroots unions; where none exists yet, the county federation takes them directly. */
async function joinableUnion(ctx: AppContext, unionId: string): Promise<UnionRow> {
  const union = await findUnion(ctx.database.db, unionId);
  if (!union || (union.kind !== "grassroots" && union.kind !== "county")) {
    throw new AppError("VALIDATION_FAILED", "请选择基层工会或县(市、区)总工会", { unionId: "请选择基层工会或县(市、区)总工会" });
  }
  return union;
}

/** Inbox records of a membership (its to-do for the union, the worker's notification) name it so. */
const sourceOf = (membershipId: string) => ({ programme: "people", recordId: membershipId });

/** Who confirms a request: the union's own accounts when it has any, else its county's staff. */
export async function decidersOf(db: Db, union: UnionRow): Promise<TodoAddressee> {
  if (union.kind === "grassroots") {
    const [account] = await db.select({ id: users.id }).from(users).where(and(eq(users.unionId, union.id), eq(users.disabled, false))).limit(1);
    if (account) return { unionId: union.id };
  }
  return { role: "county", regionCode: union.regionCode };
}

const uniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "23505" || (err as { cause?: { code?: string } } | null)?.cause?.code === "23505";
const alreadyCurrent = () => new AppError("CONFLICT", "已有在会或待确认的会籍，请先办理转出或等待工会确认", { unionId: "已有在会或待确认的会籍" });

/**
 * A membership starts: a worker's own request is pending until the union confirms it; staff (or the
 * union) entering it directly make it active from today. One current membership per person: a second
 * request is refused (the partial unique index holds the line under concurrency too).
 */
export async function startMembership(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: { unionId: string; note: string | null },
  how: "request" | "enter",
): Promise<Membership> {
  const { db } = ctx.database;
  const person = await findPerson(db, personScope(actor), personId);
  if (!person) throw notFound("职工");
  const union = await joinableUnion(ctx, input.unionId);
  if (how === "enter" && !mayManageInCounty(actor, union.regionCode)) {
    throw new AppError("FORBIDDEN", "只能为本辖区的工会办理入会", { unionId: "该工会不在您的辖区内" });
  }
  const [current] = await db.select({ id: unionMemberships.id }).from(unionMemberships).where(currentMembershipOf(personId));
  if (current) throw alreadyCurrent();
  const now = ctx.now();
  const status: MembershipStatus = how === "request" ? "pending" : "active";
  const deciders = how === "request" ? await decidersOf(db, union) : undefined;
  try {
    await db.transaction(async (tx) => {
      const [m] = await tx
        .insert(unionMemberships)
        .values({
          personId,
          unionId: union.id,
          status,
          since: status === "active" ? todayInChina(now) : null,
          requestedAt: now,
          note: input.note,
          decidedAt: status === "active" ? now : null,
          decidedBy: status === "active" ? actor.userId : null,
        })
        .returning({ id: unionMemberships.id });
      await writeAudit(tx, auditActorOf(actor), {
        action: how === "request" ? "membership.request" : "membership.create",
        objectType: "membership",
        objectId: m?.id,
        detail: { personId, unionId: union.id, status },
      });
      // A request waits in the union's (or the county's) 待办 until someone decides it.
      if (m && deciders) {
        await raiseTodo(tx, { kind: "toReview", title: `入会申请：${person.name}`, link: `/people/${personId}`, to: deciders, source: sourceOf(m.id), at: now });
      }
    });
  } catch (err) {
    if (uniqueViolation(err)) throw alreadyCurrent();
    throw err;
  }
  const [created] = (await membershipsOf(db, personId)).filter((m) => m.status === status && m.unionId === union.id);
  if (!created) throw notFound("会籍");
  return created;
}

/** Which moves a decision may make: a request is confirmed or declined; an active membership ends. */
const allowedFrom: Record<MembershipDecision["status"], MembershipStatus> = {
  active: "pending",
  declined: "pending",
  transferred: "active",
  lapsed: "active",
  left: "active",
};

/**
 * The union (or county staff over its county) decides. A conditional update: two people deciding the
 * same request at once, one wins and the other is told it was already decided.
 */
export async function decideMembership(ctx: AppContext, actor: Actor, membershipId: string, decision: { status: MembershipDecision["status"]; note: string | null }): Promise<Membership> {
  const { db } = ctx.database;
  const [row] = await db
    .select()
    .from(unionMemberships)
    .where(and(eq(unionMemberships.id, membershipId), unionScopeCondition(actor)));
  const union = row ? await findUnion(db, row.unionId) : undefined;
  if (!row || !union || !mayManageInCounty(actor, union.regionCode)) throw notFound("会籍");
  const from = allowedFrom[decision.status];
  if (row.status !== from) {
    throw new AppError("CONFLICT", row.status === "pending" ? "该入会申请尚未确认，不能办理转出或退会" : "该会籍已处理，请刷新后查看", {
      status: "当前状态不能这样处理",
    });
  }
  const now = ctx.now();
  const today = todayInChina(now);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(unionMemberships)
      .set({
        status: decision.status,
        since: decision.status === "active" ? today : row.since,
        until: decision.status === "active" ? null : today,
        decidedAt: now,
        decidedBy: actor.userId,
        note: decision.note ?? row.note,
      })
      .where(and(eq(unionMemberships.id, membershipId), eq(unionMemberships.status, from)))
      .returning({ id: unionMemberships.id });
    if (!updated) throw new AppError("CONFLICT", "该会籍已被他人处理，请刷新后查看");
    await closeTodos(tx, { source: sourceOf(membershipId), at: now });
    if (from === "pending") {
      const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.personId, row.personId));
      const accepted = decision.status === "active";
      if (account) {
        await notify(tx, {
          userIds: [account.id],
          title: accepted ? "入会申请已通过" : "入会申请未通过",
          body: accepted ? `您已加入${union.name}。` : `${union.name}未通过您的入会申请${decision.note ? `：${decision.note}` : "。"}`,
          link: "/me",
          source: sourceOf(membershipId),
          at: now,
        });
      }
    }
    await writeAudit(tx, auditActorOf(actor), {
      action: "membership.decide",
      objectType: "membership",
      objectId: membershipId,
      detail: { personId: row.personId, unionId: row.unionId, from, to: decision.status },
    });
  });
  const [after] = (await membershipsOf(db, row.personId)).filter((m) => m.id === membershipId);
  if (!after) throw notFound("会籍");
  return after;
}
