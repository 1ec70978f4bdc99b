import { and, asc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { queryRows } from "../../platform/db/queryRows";
import { unionEnterprises, unions } from "./tables";

export type UnionRow = typeof unions.$inferSelect;

/**
 * The union proposed to a worker and why (the shape of people's unionProposalSchema, plus `basis`
 * for code that branches on it).
 */
export type UnionProposal = { unionId: string; unionName: string; reason: string; basis: "enterprise" | "platform" | "regional" | "federation" };
const reasons = { enterprise: "所在企业的基层工会", platform: "所在平台的覆盖建会工会", regional: "所在地区的区域性工会", federation: "所在县(市、区)总工会" } as const;
const proposal = (u: UnionRow, basis: UnionProposal["basis"]): UnionProposal => ({ unionId: u.id, unionName: u.name, reason: reasons[basis], basis });

export async function findUnion(db: Db, id: string): Promise<UnionRow | undefined> {
  const [row] = await db.select().from(unions).where(eq(unions.id, id));
  return row;
}

/** The union and every union below it, at any depth (ids; the union itself first). Empty when it does not exist. */
export async function unionIdsUnder(db: Db, unionId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive sub(id, depth) as (
          select id, 0 from unions where id = ${unionId}
          union all
          select u.id, sub.depth + 1 from unions u join sub on u.parent_id = sub.id where sub.depth < 20
        ) select id from sub order by depth`,
  );
  return rows.map((r) => r.id);
}

/** From the top (省总工会) down to the union's parent. */
export async function unionAncestors(db: Db, unionId: string): Promise<{ id: string; name: string }[]> {
  const rows = await queryRows<{ id: string; name: string; depth: number }>(
    db,
    sql`with recursive up(id, name, parent_id, depth) as (
          select p.id, p.name, p.parent_id, 1 from unions u join unions p on p.id = u.parent_id where u.id = ${unionId}
          union all
          select p.id, p.name, p.parent_id, up.depth + 1 from unions p join up on p.id = up.parent_id where up.depth < 20
        ) select id, name, depth from up order by depth desc`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

/** The unions that cover an enterprise (usually one; a firm in a 区域建 union may also have its own). */
export async function unionsCoveringEnterprise(db: Db, enterpriseId: string): Promise<UnionRow[]> {
  return db
    .select({ u: unions })
    .from(unionEnterprises)
    .innerJoin(unions, eq(unions.id, unionEnterprises.unionId))
    .where(eq(unionEnterprises.enterpriseId, enterpriseId))
    .orderBy(asc(unions.name))
    .then((rows) => rows.map((r) => r.u));
}

/** The federation of a region (province, city or county code). */
export async function federationOf(db: Db, regionCode: string): Promise<UnionRow | undefined> {
  const [row] = await db
    .select()
    .from(unions)
    .where(and(eq(unions.regionCode, regionCode), inArray(unions.kind, ["provincial", "city", "county"])));
  return row;
}

const formationRank: Record<string, number> = { single: 0, joint: 1, coverage: 2, regional: 3 };

/**
 * The union a worker would join: the enterprise's own union (单独建 before 联合建 before the rest);
 * for a new-employment-form worker, a 覆盖建 union in the county named after the platform or its trade; else the
 * county's 区域建 union; else the county federation. null only when the county is unknown.
 */
export async function proposeUnionFor(db: Db, opts: { enterpriseId?: string; countyCode: string; platform?: string; sector?: string }): Promise<UnionProposal | null> {
  if (opts.enterpriseId) {
    const covering = (await unionsCoveringEnterprise(db, opts.enterpriseId)).filter((u) => u.kind === "grassroots");
    covering.sort((a, b) => (formationRank[a.formation ?? ""] ?? 9) - (formationRank[b.formation ?? ""] ?? 9));
    const own = covering[0];
    if (own) return proposal(own, "enterprise");
  }
  const inCounty = and(eq(unions.regionCode, opts.countyCode), eq(unions.kind, "grassroots"));
  // The platform's own 覆盖建 union first, then its trade's (a 快递物流 union for 顺丰 couriers).
  for (const term of [opts.platform?.trim(), opts.sector?.trim()]) {
    if (!term) continue;
    const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
    const [p] = await db
      .select()
      .from(unions)
      .where(and(inCounty, eq(unions.formation, "coverage"), ilike(unions.name, `%${escaped}%`)))
      .orderBy(asc(unions.name))
      .limit(1);
    if (p) return proposal(p, "platform");
  }
  const [regional] = await db
    .select()
    .from(unions)
    .where(and(inCounty, eq(unions.formation, "regional")))
    .orderBy(asc(unions.foundedOn), asc(unions.name))
    .limit(1);
  if (regional) return proposal(regional, "regional");
  const federation = await federationOf(db, opts.countyCode);
  return federation ? proposal(federation, "federation") : null;
}

/** What a union account is scoped to: its union, every union below it, and the county it sits in. */
export async function unionSubtree(db: Db, unionId: string): Promise<{ unionId: string; unionIds: string[]; countyCode: string } | null> {
  const union = await findUnion(db, unionId);
  if (!union) return null;
  return { unionId, unionIds: await unionIdsUnder(db, unionId), countyCode: union.regionCode };
}
