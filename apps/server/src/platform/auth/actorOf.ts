import { eq } from "drizzle-orm";
import { enterprises } from "../../masterData/enterprises/tables";
import { experts } from "../../masterData/experts/tables";
import { scopeFor } from "../access";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import type { LoadedSession } from "./sessions";

/** Builds the request's actor from its session: who it is and what it may reach. */
export async function actorOf(ctx: AppContext, loaded: LoadedSession, ip: string): Promise<Actor> {
  const { user, session } = loaded;
  let enterpriseCounty: string | null = null;
  if (user.role === "enterprise" && user.enterpriseId) {
    const [e] = await ctx.database.db.select({ county: enterprises.countyCode }).from(enterprises).where(eq(enterprises.id, user.enterpriseId));
    enterpriseCounty = e?.county ?? null;
  }
  let expertId: string | null = null;
  if (user.role === "expert") {
    const [x] = await ctx.database.db.select({ id: experts.id }).from(experts).where(eq(experts.userId, user.id));
    expertId = x?.id ?? null;
  }
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
    scope: scopeFor(user, enterpriseCounty, ctx.regions),
    session: { tokenHash: session.tokenHash, csrfToken: session.csrfToken, lastSeenAt: session.lastSeenAt, absoluteExpiresAt: session.absoluteExpiresAt },
  };
}
