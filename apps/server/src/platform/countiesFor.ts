import type { Actor } from "../../../platform/actor";
import { visibleCounties } from "../../../platform/access";
import { AppError } from "../../../platform/errors";
import type { RegionDirectory } from "../../../platform/regions/regionDirectory";

/**
 * The county-level units a statistic covers: the region asked for, cut down to what the actor may see.
 * `undefined` means "all counties" (the province asking for the province), so queries skip the filter.
 */
export function countiesFor(actor: Actor, regions: RegionDirectory, regionCode: string | undefined): string[] | undefined {
  const visible = visibleCounties(actor);
  if (regionCode !== undefined && !regions.get(regionCode)) {
    throw new AppError("VALIDATION_FAILED", "区划代码不存在", { regionCode: "区划代码不存在" });
  }
  if (regionCode === undefined || regionCode === "330000") {
    return visible === "all" ? undefined : [...visible];
  }
  const asked = regions.countiesUnder(regionCode);
  if (visible === "all") return asked;
  const allowed = new Set(visible);
  const both = asked.filter((c) => allowed.has(c));
  if (both.length === 0) throw new AppError("NOT_FOUND", "该区域不在您的辖区内");
  return both;
}
