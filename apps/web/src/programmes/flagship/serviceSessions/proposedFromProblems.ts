import type { Problem } from "@jiangxin/domain";
import { expertLabel } from "../experts/expertLabel";

/**
 * A session proposed for a set of problems: their county, their firms, and their owners as the team —
 * the experts assigned to the problems, by id, so a namesake is never proposed instead.
 */
export function proposedFromProblems(problems: readonly Problem[]) {
  const owners = new Map<string, string>();
  for (const p of problems) if (p.ownerExpertId && p.ownerExpertName) owners.set(p.ownerExpertId, expertLabel(p.ownerExpertName, p.ownerExpertDetail));
  const firms = [...new Set(problems.map((p) => p.enterpriseId))];
  const firstFirm = problems[0]?.enterpriseName ?? "";
  return {
    countyCode: problems[0]?.countyCode,
    enterpriseIds: firms,
    expertIds: [...owners.keys()],
    expertNames: Object.fromEntries(owners),
    title: firms.length === 1 ? `${firstFirm}难题现场服务` : `${problems[0]?.countyName ?? ""}难题现场服务`,
  };
}
