import type { Actor } from "./actor";
import { visibleCounties } from "./access";
import { AppError } from "./errors";
import type { RegionDirectory } from "./regions/regionDirectory";

/**
 * The county-level units a statistic covers: the region asked for, cut down to what the actor may see.
 * `undefined` means "all counties" (the province asking for the province), so queries skip the filter.
 */
export function countiesFor(actor: Actor, regions: RegionDirectory, regionCode: string | undefined): string[] | undefined {
  const visible = visibleCounties(actor);
  if (regionCode !== undefined) regions.require(regionCode);
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
