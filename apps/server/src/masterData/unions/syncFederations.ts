import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import type { RegionDirectory } from "../../platform/regions/regionDirectory";
import { unions } from "./tables";

const provinceCode = "330000";

/** 浙江省总工会, 杭州市总工会, 淳安县总工会: a federation is named after its region. */
export function federationName(regionName: string, level: "province" | "city" | "county"): string {
  if (level === "province") return `${regionName.replace(/省$/, "")}省总工会`;
  return `${regionName}总工会`;
}

/**
 * Creates the provincial, city and county federations from the region directory, each under the one
 * above it, so every install has the tree every programme counts by. Idempotent: a federation that
 * exists (one per region, by unique index) is left as it is, so a renamed one keeps its name. Runs
 * on every start; when all exist it costs one count query.
 */
export async function syncFederations(db: Db, regions: RegionDirectory): Promise<number> {
  const province = regions.get(provinceCode);
  if (!province) return 0;
  const levels: { code: string; level: "province" | "city" | "county"; parentCode: string | null }[] = [{ code: provinceCode, level: "province", parentCode: null }];
  for (const city of regions.children(provinceCode)) {
    levels.push({ code: city.code, level: "city", parentCode: provinceCode });
    for (const county of regions.children(city.code)) levels.push({ code: county.code, level: "county", parentCode: city.code });
  }
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(unions)
    .where(sql`${unions.kind} in ('provincial', 'city', 'county')`);
  if (n >= levels.length) return 0;

  const kindOf = { province: "provincial", city: "city", county: "county" } as const;
  return db.transaction(async (tx) => {
    let created = 0;
    // Top down, so each level's parent exists; existing rows are looked up rather than re-created.
    const idOf = new Map<string, string>();
    const existing = await tx
      .select({ id: unions.id, regionCode: unions.regionCode })
      .from(unions)
      .where(sql`${unions.kind} in ('provincial', 'city', 'county')`);
    for (const e of existing) idOf.set(e.regionCode, e.id);
    for (const l of levels) {
      if (idOf.has(l.code)) continue;
      const region = regions.get(l.code);
      if (!region) continue;
      const [row] = await tx
        .insert(unions)
        .values({ name: federationName(region.name, l.level), kind: kindOf[l.level], regionCode: l.code, parentId: l.parentCode ? (idOf.get(l.parentCode) ?? null) : null })
        .onConflictDoNothing()
        .returning({ id: unions.id });
      if (row) {
        idOf.set(l.code, row.id);
        created += 1;
      }
    }
    return created;
  });
}
