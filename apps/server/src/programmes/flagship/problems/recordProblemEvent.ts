import type { ProblemStatus } from "@jiangxin/domain";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { problemEvents } from "./tables";

/** One line of a problem's timeline: who, in which role, when, from which status to which, and why. */
export async function recordProblemEvent(
  tx: Db,
  actor: Pick<Actor, "userId" | "displayName" | "role">,
  e: { problemId: string; at: Date; from: ProblemStatus | null; to: ProblemStatus; note?: string | null },
): Promise<void> {
  await tx.insert(problemEvents).values({
    problemId: e.problemId,
    at: e.at,
    fromStatus: e.from,
    toStatus: e.to,
    byUserId: actor.userId,
    byName: actor.displayName,
    byRole: actor.role,
    note: e.note ?? null,
  });
}
