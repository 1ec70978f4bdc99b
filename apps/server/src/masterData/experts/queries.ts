import { type Expert, type SkillLevel, type TradeCode } from "@jiangxin/domain";
import { and, arrayContains, asc, count, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import type { RegionDirectory } from "../../platform/regions/regionDirectory";
import { experts } from "./tables";

export type ExpertRow = typeof experts.$inferSelect;
export type ExpertRowWithLoad = ExpertRow & { openProblems: number };


export function toExpert(row: ExpertRowWithLoad, regions: RegionDirectory): Expert {
  const place = regions.placeOf(row.homeCountyCode);
  return {
    id: row.id,
    name: row.name,
    phoneMasked: row.phoneMasked,
    residentIdMasked: row.residentIdMasked,
    employer: row.employer,
    homeCountyCode: row.homeCountyCode,
    homeCountyName: place.countyName,
    homeCityName: place.cityName,
    skillLevel: row.skillLevel as SkillLevel,
    trades: row.trades as TradeCode[],
    honours: row.honours,
    availability: row.availability,
    maxOpenProblems: row.maxOpenProblems,
    openProblems: Number(row.openProblems),
    active: row.active,
    userId: row.userId,
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type ExpertFilter = {
  scope: SQL;
  q?: string;
  trade?: TradeCode;
  counties?: string[];
  availability?: ExpertRow["availability"];
  active?: boolean;
};

function whereOf(f: ExpertFilter): SQL | undefined {
  const conditions: SQL[] = [f.scope];
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    const match = or(ilike(experts.name, pattern), ilike(experts.employer, pattern));
    if (match) conditions.push(match);
  }
  // `@>` on the trades array uses the GIN index.
  if (f.trade) conditions.push(arrayContains(experts.trades, [f.trade]));
  if (f.counties) conditions.push(inArray(experts.homeCountyCode, f.counties));
  if (f.availability) conditions.push(eq(experts.availability, f.availability));
  if (f.active !== undefined) conditions.push(eq(experts.active, f.active));
  return and(...conditions);
}

/** `load`: the open tasks each expert serves (ctx.expertWorkload(experts.id)), counted against maxOpenProblems. */
export async function listExperts(db: Db, load: SQL<number>, f: ExpertFilter & { page: number; pageSize: number }): Promise<{ rows: ExpertRowWithLoad[]; total: number }> {
  const where = whereOf(f);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({ expert: experts, openProblems: load })
      .from(experts)
      .where(where)
      .orderBy(asc(experts.name), asc(experts.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(experts).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.expert, openProblems: r.openProblems })), total: totalRow?.total ?? 0 };
}

export async function findExpert(db: Db, load: SQL<number>, scope: SQL, id: string): Promise<ExpertRowWithLoad | undefined> {
  const [row] = await db.select({ expert: experts, openProblems: load }).from(experts).where(and(scope, eq(experts.id, id)));
  return row ? { ...row.expert, openProblems: row.openProblems } : undefined;
}
