import { gigPlatformLabels, gigPlatformSectors, todayInChina, type GigPlatform, type PersonCategory } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { raiseTodo } from "../../platform/inbox";
import { findUnion, proposeUnionFor } from "../unions";
import { matchEnterprise } from "./matchEnterprise";
import { decidersOf } from "./memberships";
import { mayManageInCounty, personScope } from "./personScope";
import { findPerson } from "./queries";
import { checkCounty } from "./service";
import { people, unionMemberships } from "./tables";

export type MoveInput = { countyCode: string; platform: GigPlatform | null; employerName: string | null; occupation: string | null };
export type MoveResult = { membershipId: string; unionId: string; unionName: string; reason: string; pending: boolean };

const uniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "23505" || (err as { cause?: { code?: string } } | null)?.cause?.code === "23505";

/**
 * A member moves (a new platform, employer or city): in one transaction the person's work details
 * change, the active union period ends as `transferred` today and a new one starts with the union
 * proposed for the new place — pending (a to-do for that union) when the worker asks, active when
 * staff over the new county enter it. The same person, the same member number: one more period of
 * history, never a second member. Used by masterData/members (会员转会).
 */
export async function moveMembership(ctx: AppContext, actor: Actor, personId: string, input: MoveInput, how: "request" | "enter"): Promise<MoveResult> {
  const { db } = ctx.database;
  checkCounty(ctx, null, input.countyCode);
  if (how === "enter" && !mayManageInCounty(actor, input.countyCode)) {
    throw new AppError("FORBIDDEN", "只能转入本辖区", { countyCode: "转入地不在您的辖区内" });
  }
  const person = await findPerson(db, personScope(actor), personId);
  if (!person) throw notFound("会员");
  const [active] = await db.select().from(unionMemberships).where(and(eq(unionMemberships.personId, personId), eq(unionMemberships.status, "active")));
  if (!active) {
    const pending = person.membership?.status === "pending";
    throw new AppError("CONFLICT", pending ? "已有待工会确认的入会或转入申请，请等待确认后再办理" : "没有在会的会籍可以转出，请先申请入会", { countyCode: "当前会籍不能转出" });
  }
  // As at registration: an employer named as registered in the new county is that enterprise.
  const enterpriseId = !input.platform && input.employerName ? await matchEnterprise(db, input.countyCode, input.employerName) : null;
  const proposal = await proposeUnionFor(db, { countyCode: input.countyCode, ...(enterpriseId ? { enterpriseId } : {}), ...(input.platform ? { platform: gigPlatformLabels[input.platform], sector: gigPlatformSectors[input.platform] ?? undefined } : {}) });
  const union = proposal ? await findUnion(db, proposal.unionId) : undefined;
  if (!proposal || !union) throw new AppError("CONFLICT", "转入地暂无可加入的工会，请联系当地总工会", { countyCode: "转入地暂无可加入的工会" });
  if (union.id === active.unionId) throw new AppError("CONFLICT", "新的工作地仍属原工会，无需转会", { countyCode: "仍属原工会" });

  const categories: PersonCategory[] = input.platform
    ? [...new Set<PersonCategory>([...person.categories.filter((c) => c !== "frontLine"), "newEmployment"])]
    : person.categories.filter((c) => c !== "newEmployment").length > 0
      ? person.categories.filter((c) => c !== "newEmployment")
      : ["frontLine"];
  const now = ctx.now();
  const today = todayInChina(now);
  const pending = how === "request";
  const deciders = pending ? await decidersOf(db, union) : undefined;
  try {
    const membershipId = await db.transaction(async (tx) => {
      const [ended] = await tx
        .update(unionMemberships)
        .set({ status: "transferred", until: today, decidedAt: now, decidedBy: actor.userId })
        .where(and(eq(unionMemberships.id, active.id), eq(unionMemberships.status, "active")))
        .returning({ id: unionMemberships.id });
      if (!ended) throw new AppError("CONFLICT", "会籍已被他人处理，请刷新后查看");
      await tx
        .update(people)
        .set({
          countyCode: input.countyCode,
          enterpriseId,
          employerName: input.employerName ?? (input.platform ? gigPlatformLabels[input.platform] : null),
          occupation: input.occupation ?? person.occupation,
          platforms: input.platform ? [input.platform] : [],
          categories,
          updatedAt: now,
        })
        .where(eq(people.id, personId));
      const [m] = await tx
        .insert(unionMemberships)
        .values({
          personId,
          unionId: union.id,
          status: pending ? "pending" : "active",
          since: pending ? null : today,
          requestedAt: now,
          note: "转会",
          decidedAt: pending ? null : now,
          decidedBy: pending ? null : actor.userId,
        })
        .returning({ id: unionMemberships.id });
      if (!m) throw new Error("insert returned no row");
      await writeAudit(tx, auditActorOf(actor), {
        action: "membership.transfer",
        objectType: "membership",
        objectId: m.id,
        detail: { personId, fromUnionId: active.unionId, toUnionId: union.id, fromCounty: person.countyCode, toCounty: input.countyCode, pending },
      });
      if (deciders) {
        await raiseTodo(tx, { kind: "toReview", title: `转会申请：${person.name}`, link: `/people/${personId}`, to: deciders, source: { programme: "people", recordId: m.id }, at: now });
      }
      return m.id;
    });
    return { membershipId, unionId: union.id, unionName: union.name, reason: proposal.reason, pending };
  } catch (err) {
    if (uniqueViolation(err)) throw new AppError("CONFLICT", "会籍已被他人处理，请刷新后查看");
    throw err;
  }
}
