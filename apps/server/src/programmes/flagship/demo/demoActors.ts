import type { AppContext } from "../../../platform/context";
import { expertDetail } from "../corrections/expertIdentities";
import type { Population } from "./provincePopulation";

/**
 * Who the demo's timelines name: the county's own federation (淳安县总工会), the firm by its name, the
 * owning expert by name with its identity (work unit · home county · level) as unit, since demo events
 * carry no account to join the pool by — never a bare role ("县总工会（企业）", "企业（企业）").
 */
export function demoActors(ctx: AppContext, population: Population) {
  const experts = new Map(population.expertRows.map((e) => [e.id, e]));
  return {
    union: (countyCode: string) => ({ byName: `${ctx.regions.get(countyCode)?.name ?? ""}总工会`, byRole: "county" as const, byUnit: null }),
    firm: (enterpriseId: string) => ({ byName: population.firmName.get(enterpriseId) ?? "企业", byRole: "enterprise" as const, byUnit: null }),
    expert: (expertId: string | null | undefined) => {
      const e = expertId ? experts.get(expertId) : undefined;
      return { byName: e?.name ?? "劳模工匠", byRole: "expert" as const, byUnit: e ? expertDetail(ctx.regions, e) : null };
    },
  };
}
export type DemoActors = ReturnType<typeof demoActors>;
