import { todayInChina } from "@jiangxin/domain";
import type { ExpertSuggestion, ExpertSuggestionQuery } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { scopeCondition } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { notFound } from "../../../platform/errors";
import { requireNotVoided } from "../corrections/recordCorrection";
import { problems } from "../problems/tables";
import { distanceKm } from "../../../platform/regions/distanceKm";
import { toExpert } from "../../../masterData/experts";
import { loadSuggestionCandidates } from "./loadSuggestionCandidates";
import { defaultSuggestionLimit, rankExperts, searchSuggestionLimit } from "./rankExperts";

/**
 * Ranked experts for one problem. Only the county column is given to the scope, so the problem must
 * lie in a staff member's region: enterprises and experts, who do not assign, get 404.
 */
export async function suggestExperts(ctx: AppContext, actor: Actor, problemId: string, query: ExpertSuggestionQuery = { sort: "score" }): Promise<ExpertSuggestion[]> {
  const { db } = ctx.database;
  const [problem] = await db
    .select({ id: problems.id, enterpriseId: problems.enterpriseId, countyCode: problems.countyCode, trade: problems.trade, ownerExpertId: problems.ownerExpertId, voidedAt: problems.voidedAt })
    .from(problems)
    .where(and(scopeCondition(actor, { county: problems.countyCode }), eq(problems.id, problemId)));
  if (!problem) throw notFound("难题");
  // Nobody is assigned to a voided problem: suggesting experts for it could only be refused.
  requireNotVoided(problem, "难题");

  const seat = ctx.regions.get(problem.countyCode);
  const rows = await loadSuggestionCandidates(db, problem);
  const q = query.q?.toLowerCase();
  const candidates = rows.filter((row) => !q || row.name.toLowerCase().includes(q) || row.employer.toLowerCase().includes(q)).map((row) => {
    const home = ctx.regions.get(row.homeCountyCode);
    const km =
      seat?.lng != null && seat.lat != null && home?.lng != null && home.lat != null
        ? distanceKm({ lng: home.lng, lat: home.lat }, { lng: seat.lng, lat: seat.lat })
        : null;
    return { expert: toExpert(row, ctx.regions), distanceKm: km, helpedBefore: row.helpedBefore };
  });
  const priority = ctx.regions.priorityOn(problem.countyCode, todayInChina(ctx.now()));
  const limit = q || query.sort === "distance" ? searchSuggestionLimit : defaultSuggestionLimit;
  return rankExperts({ trade: problem.trade, countyCode: problem.countyCode, priority }, candidates, limit, query.sort);
}
