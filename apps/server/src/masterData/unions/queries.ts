import type { Union } from "@jiangxin/domain";
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/database";
import type { RegionDirectory } from "../../platform/regions/regionDirectory";
import { enterprises } from "../enterprises";
import { unionEnterprises, unions } from "./tables";

const parents = alias(unions, "parent_unions");

const kindOrder = sql`case ${unions.kind} when 'provincial' then 0 when 'city' then 1 when 'county' then 2 when 'industry' then 3 else 4 end`;

const listColumns = {
  u: unions,
  parentName: parents.name,
  enterpriseCount: sql<number>`(select count(*)::int from union_enterprises ue where ue.union_id = ${unions.id})`,
  childCount: sql<number>`(select count(*)::int from unions c where c.parent_id = ${unions.id})`,
};

type ListRow = { u: typeof unions.$inferSelect; parentName: string | null; enterpriseCount: number; childCount: number };

export function toUnion(r: ListRow, regions: RegionDirectory): Union {
  return {
    id: r.u.id,
    name: r.u.name,
    kind: r.u.kind,
    formation: r.u.formation,
    regionCode: r.u.regionCode,
    regionName: regions.get(r.u.regionCode)?.name ?? r.u.regionCode,
    parentId: r.u.parentId,
    parentName: r.parentName,
    foundedOn: r.u.foundedOn,
    chairName: r.u.chairName,
    memberCount: r.u.memberCount,
    enterpriseCount: Number(r.enterpriseCount),
    childCount: Number(r.childCount),
    updatedAt: r.u.updatedAt.toISOString(),
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type UnionFilter = { scope: SQL; q?: string; regionCodes?: string[]; kind?: Union["kind"]; formation?: NonNullable<Union["formation"]>; parentId?: string };

function whereOf(f: UnionFilter): SQL | undefined {
  const conditions: SQL[] = [f.scope];
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    const match = or(ilike(unions.name, pattern), ilike(unions.chairName, pattern));
    if (match) conditions.push(match);
  }
  if (f.regionCodes) conditions.push(f.regionCodes.length > 0 ? inArray(unions.regionCode, f.regionCodes) : sql`false`);
  if (f.kind) conditions.push(eq(unions.kind, f.kind));
  if (f.formation) conditions.push(eq(unions.formation, f.formation));
  if (f.parentId) conditions.push(eq(unions.parentId, f.parentId));
  return and(...conditions);
}

export async function listUnions(db: Db, f: UnionFilter, page: { page: number; pageSize: number }): Promise<{ rows: ListRow[]; total: number }> {
  const where = whereOf(f);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(listColumns)
      .from(unions)
      .leftJoin(parents, eq(parents.id, unions.parentId))
      .where(where)
      .orderBy(kindOrder, asc(unions.regionCode), asc(unions.name), asc(unions.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(unions).where(where),
  ]);
  return { rows, total: Number(totalRow?.total ?? 0) };
}

export async function findUnionRow(db: Db, scope: SQL, id: string): Promise<ListRow | undefined> {
  const [row] = await db.select(listColumns).from(unions).leftJoin(parents, eq(parents.id, unions.parentId)).where(and(scope, eq(unions.id, id)));
  return row;
}

export async function childrenOf(db: Db, id: string): Promise<ListRow[]> {
  return db.select(listColumns).from(unions).leftJoin(parents, eq(parents.id, unions.parentId)).where(eq(unions.parentId, id)).orderBy(kindOrder, asc(unions.name)).limit(500);
}

export async function enterprisesCoveredBy(db: Db, id: string) {
  return db
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, size: enterprises.size, countyCode: enterprises.countyCode })
    .from(unionEnterprises)
    .innerJoin(enterprises, eq(enterprises.id, unionEnterprises.enterpriseId))
    .where(eq(unionEnterprises.unionId, id))
    .orderBy(asc(enterprises.name))
    .limit(500);
}
