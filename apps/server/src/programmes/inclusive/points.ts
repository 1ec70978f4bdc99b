import { eq } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { redemptionPoints } from "./tables";

export type PointInput = { name: string; kind: "canteen" | "station" };

/** The redemption points a union account runs (its own union's). */
export async function myPoints(ctx: AppContext, actor: Actor) {
  const s = actor.scope;
  if (s.kind !== "union") return [];
  const rows = await ctx.database.db.select().from(redemptionPoints).where(eq(redemptionPoints.unionId, s.unionId));
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, countyName: ctx.regions.get(r.countyCode)?.name ?? r.countyCode }));
}

/** A union registers the canteen or station it runs (in its own county). */
export async function addPoint(ctx: AppContext, actor: Actor, input: PointInput) {
  const s = actor.scope;
  if (s.kind !== "union") throw new AppError("FORBIDDEN", "合作食堂、驿站由所属基层工会的账号登记");
  await ctx.database.db.transaction(async (tx) => {
    const [p] = await tx.insert(redemptionPoints).values({ name: input.name, kind: input.kind, countyCode: s.countyCode, unionId: s.unionId }).returning({ id: redemptionPoints.id });
    await writeAudit(tx, auditActorOf(actor), { action: "inclusive.pointCreate", objectType: "redemptionPoint", objectId: p?.id, detail: { name: input.name, kind: input.kind } });
  });
  return myPoints(ctx, actor);
}
