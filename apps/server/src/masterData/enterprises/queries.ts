import type { Enterprise } from "@jiangxin/domain";
import { and, asc, count, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import type { RegionDirectory } from "../../platform/regions/regionDirectory";
import { enterprises } from "./tables";

type Row = typeof enterprises.$inferSelect;

export function toEnterprise(row: Row, regions: RegionDirectory): Enterprise {
  const place = regions.placeOf(row.countyCode);
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    industry: row.industry as Enterprise["industry"],
    countyCode: row.countyCode,
    countyName: place.countyName,
    cityCode: place.cityCode,
    cityName: place.cityName,
    size: row.size,
    nonPublic: row.nonPublic,
    contactName: row.contactName,
    contactPhoneMasked: row.contactPhoneMasked,
    address: row.address,
    createdAt: row.createdAt.toISOString(),
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listEnterprises(
  db: Db,
  opts: { scope: SQL; q?: string; counties?: string[]; page: number; pageSize: number },
): Promise<{ rows: Row[]; total: number }> {
  const conditions: SQL[] = [opts.scope];
  if (opts.q) {
    const pattern = `%${escapeLike(opts.q)}%`;
    const match = or(ilike(enterprises.name, pattern), ilike(enterprises.uscc, pattern), ilike(enterprises.contactName, pattern));
    if (match) conditions.push(match);
  }
  if (opts.counties) conditions.push(inArray(enterprises.countyCode, opts.counties));
  const where = and(...conditions);
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(enterprises).where(where).orderBy(asc(enterprises.name), asc(enterprises.id)).limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize),
    db.select({ total: count() }).from(enterprises).where(where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function findEnterprise(db: Db, scope: SQL, id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(enterprises).where(and(scope, eq(enterprises.id, id)));
  return row;
}
