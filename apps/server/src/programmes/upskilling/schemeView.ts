import { chinaYearOf, schemeOfYear, type UpskillingSchemeView } from "@jiangxin/domain";
import type { AppContext } from "../../platform/context";
import { notFound } from "../../platform/errors";

/** The round as an applicant reads it before applying: who may apply, the quotas, and the overflow rule. */
export function schemeView(ctx: AppContext, year: number | undefined): UpskillingSchemeView {
  const scheme = schemeOfYear(year ?? chinaYearOf(ctx.now()));
  if (!scheme) throw notFound("补助方案");
  return {
    year: scheme.year,
    title: scheme.title,
    amountYuan: scheme.amountYuan,
    target: scheme.target,
    opensOn: scheme.opensOn,
    closesOn: scheme.closesOn,
    whoMayApply: [...scheme.whoMayApply],
    priorityGroups: scheme.priorityGroups.map((g) => g.label),
    overflowRule: scheme.overflowRule,
    doubleFundingRule: scheme.doubleFundingRule,
    exclusiveSubsidies: [...scheme.exclusiveSubsidies],
    cityQuotas: Object.entries(scheme.cityQuotas).map(([cityCode, quota]) => ({ cityCode, cityName: ctx.regions.get(cityCode)?.name ?? cityCode, quota })),
  };
}
