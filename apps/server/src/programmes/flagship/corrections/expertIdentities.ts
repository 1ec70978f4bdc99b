import { expertDetailOf, skillLevelLabels, type ExpertIdentity, type SkillLevel } from "@jiangxin/domain";
import { inArray } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import type { RegionDirectory } from "../../../platform/regions/regionDirectory";
import { experts } from "../../../masterData/experts";

/** The columns that tell an expert apart, for a select beside the name. */
export const expertIdentityColumns = { employer: experts.employer, homeCountyCode: experts.homeCountyCode, skillLevel: experts.skillLevel };

/** Work unit · home county · skill level of one expert row. */
export function expertDetail(regions: RegionDirectory, r: { employer: string; homeCountyCode: string; skillLevel: string }): string {
  return expertDetailOf({ employer: r.employer, homeCountyName: regions.get(r.homeCountyCode)?.name ?? "", skillLevelLabel: skillLevelLabels[r.skillLevel as SkillLevel] ?? "" });
}

/** Identities of a set of experts, in one query. */
export async function expertIdentities(db: Db, regions: RegionDirectory, ids: readonly string[]): Promise<Map<string, ExpertIdentity>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: experts.id, name: experts.name, ...expertIdentityColumns }).from(experts).where(inArray(experts.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, detail: expertDetail(regions, r) }]));
}
