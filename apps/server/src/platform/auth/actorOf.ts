import { scopeFor } from "../access";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import type { LoadedSession } from "./sessions";

/** Builds the request's actor from its session: who it is and what it may reach. */
export async function actorOf(ctx: AppContext, loaded: LoadedSession, ip: string): Promise<Actor> {
  const { user, session } = loaded;
  let enterpriseCounty: string | null = null;
  if (user.role === "enterprise" && user.enterpriseId) enterpriseCounty = await ctx.accounts.enterpriseCounty(ctx.database.db, user.enterpriseId);
  const expertId = user.role === "expert" ? await ctx.accounts.expertIdOfUser(ctx.database.db, user.id) : null;
  const union = user.role === "union" && user.unionId ? await ctx.accounts.unionSubtree(ctx.database.db, user.unionId) : null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    enterpriseId: user.enterpriseId,
    expertId,
    mustChangePassword: user.mustChangePassword,
    ip,
    scope: scopeFor(user, enterpriseCounty, ctx.regions, union),
    session: { tokenHash: session.tokenHash, csrfToken: session.csrfToken, lastSeenAt: session.lastSeenAt, absoluteExpiresAt: session.absoluteExpiresAt },
  };
}
