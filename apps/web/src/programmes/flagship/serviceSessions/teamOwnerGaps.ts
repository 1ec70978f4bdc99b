import type { Problem, ServiceSession } from "@jiangxin/domain";

/**
 * The session's problems whose owner is not on its team: someone assigned 郭红英 (杭州汽轮机) to a
 * problem and the visit took 郭红英 (宁波港) — compared by id, never by name.
 */
export function teamOwnerGaps(session: Pick<ServiceSession, "experts">, problems: readonly Problem[]): Problem[] {
  const team = new Set(session.experts.map((x) => x.id));
  return problems.filter((p) => p.ownerExpertId !== null && !team.has(p.ownerExpertId) && p.voided === null);
}
