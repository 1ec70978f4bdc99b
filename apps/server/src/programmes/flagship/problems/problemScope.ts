import { scopeCondition } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { demandLists, problems } from "./tables";

/** Staff see their region's problems, an enterprise its own, an expert those it owns or serves on as 协助专家. */
export const problemScope = (actor: Actor) =>
  scopeCondition(actor, { county: problems.countyCode, enterprise: problems.enterpriseId, expert: problems.ownerExpertId, problemTeam: problems.id });

/** Demand lists are the enterprise's and its county's; an expert reaches problems, not lists. */
export const demandListScope = (actor: Actor) => scopeCondition(actor, { county: demandLists.countyCode, enterprise: demandLists.enterpriseId });
