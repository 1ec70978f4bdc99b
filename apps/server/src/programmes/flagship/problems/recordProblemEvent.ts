import { roleLabels, type ProblemStatus } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { problemEvents } from "./tables";

type EventActor = Pick<Actor, "userId" | "displayName" | "role"> & Partial<Pick<Actor, "enterpriseId" | "expertId">>;

/**
 * The actor's unit as the timeline shows it beside the name: an enterprise account's firm, an
 * expert's employer, a union's own name for staff (their display name is usually the union already,
 * and then no unit is repeated).
 */
async function unitOf(tx: Db, actor: EventActor): Promise<string | null> {
  if (actor.role === "enterprise" && actor.enterpriseId) {
    const [firm] = await tx.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, actor.enterpriseId));
    return firm?.name ?? null;
  }
  if (actor.role === "expert" && actor.expertId) {
    const [expert] = await tx.select({ employer: experts.employer }).from(experts).where(eq(experts.id, actor.expertId));
    return expert?.employer ?? null;
  }
  return actor.displayName.includes("工会") ? null : roleLabels[actor.role];
}

/** One line of a problem's timeline: who (with their unit), in which role, when, from which status to which, and why. */
export async function recordProblemEvent(
  tx: Db,
  actor: EventActor,
  e: { problemId: string; at: Date; from: ProblemStatus | null; to: ProblemStatus; note?: string | null },
): Promise<void> {
  const byUnit = await unitOf(tx, actor);
  await tx.insert(problemEvents).values({
    problemId: e.problemId,
    at: e.at,
    fromStatus: e.from,
    toStatus: e.to,
    byUserId: actor.userId,
    byName: actor.displayName,
    byRole: actor.role,
    byUnit: byUnit === actor.displayName ? null : byUnit,
    note: e.note ?? null,
  });
}
