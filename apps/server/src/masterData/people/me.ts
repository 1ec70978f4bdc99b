import { gigPlatformLabels, gigPlatformSectors, type Membership, type MyProfile, type UnionProposal } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { users } from "../../platform/auth/tables";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { proposeUnionFor } from "../unions";
import { startMembership } from "./memberships";
import { getForActor } from "./service";

/** The person a worker account is bound to (users.person_id), or null. */
export async function personIdOf(ctx: AppContext, actor: Actor): Promise<string | null> {
  if (actor.role !== "worker") return null;
  const [u] = await ctx.database.db.select({ personId: users.personId }).from(users).where(eq(users.id, actor.userId));
  return u?.personId ?? null;
}

/**
 * 我的: the worker's own record (masked as everywhere), its memberships, and — while it has no
 * current membership — the union proposed for it: its employer's union, a platform's coverage union,
 * the area's regional union, or the county federation.
 */
export async function myProfile(ctx: AppContext, actor: Actor): Promise<MyProfile> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) return { person: null, proposals: [] };
  const person = await getForActor(ctx, actor, personId);
  const proposals: UnionProposal[] = [];
  if (!person.membership) {
    const platform = person.platforms[0];
    const proposal = await proposeUnionFor(ctx.database.db, {
      countyCode: person.countyCode,
      ...(person.enterpriseId ? { enterpriseId: person.enterpriseId } : {}),
      ...(platform ? { platform: gigPlatformLabels[platform], sector: gigPlatformSectors[platform] ?? undefined } : {}),
    });
    if (proposal) proposals.push({ unionId: proposal.unionId, unionName: proposal.unionName, reason: proposal.reason });
  }
  return { person, proposals };
}

/** A worker asks to join a union: pending until the union (or county staff) confirms it. */
export async function requestToJoin(ctx: AppContext, actor: Actor, input: { unionId: string; note: string | null }): Promise<Membership> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) throw new AppError("NOT_FOUND", "您的账号未关联职工信息，请联系所在工会");
  return startMembership(ctx, actor, personId, input, "request");
}
