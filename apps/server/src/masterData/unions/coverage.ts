import { enterpriseSizeLabels, type UnionCoverage, type UnionCoverageQuery } from "@jiangxin/domain";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { visibleCounties } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import type { AppContext } from "../../platform/context";
import { enterprises } from "../enterprises";

/**
 * 建会率: of the enterprises of the chosen sizes registered in each county (enterprises.size), the share
 * covered by at least one grassroots union (a union_enterprises row of a union of kind grassroots),
 * counted from the records when asked. By county within the reader's scope, and in total.
 */
export async function unionCoverage(ctx: AppContext, actor: Actor, q: UnionCoverageQuery): Promise<UnionCoverage> {
  const visible = visibleCounties(actor);
  let counties: string[] | undefined = visible === "all" ? undefined : [...visible];
  if (q.regionCode) {
    ctx.regions.require(q.regionCode);
    const under = ctx.regions.countiesUnder(q.regionCode);
    counties = counties ? counties.filter((c) => under.includes(c)) : under;
  }
  const conditions: SQL[] = [inArray(enterprises.size, q.sizes)];
  if (q.nonPublicOnly) conditions.push(eq(enterprises.nonPublic, true));
  if (counties) conditions.push(counties.length > 0 ? inArray(enterprises.countyCode, counties) : sql`false`);
  const covered = sql`exists (select 1 from union_enterprises ue join unions u on u.id = ue.union_id where ue.enterprise_id = ${enterprises.id} and u.kind = 'grassroots')`;
  const rows = await ctx.database.db
    .select({
      countyCode: enterprises.countyCode,
      enterprises: sql<number>`count(*)::int`,
      covered: sql<number>`(count(*) filter (where ${covered}))::int`,
    })
    .from(enterprises)
    .where(and(...conditions))
    .groupBy(enterprises.countyCode)
    .orderBy(enterprises.countyCode);
  const share = (c: number, n: number) => (n > 0 ? Math.round((c / n) * 1000) / 1000 : null);
  const total = rows.reduce((a, r) => ({ enterprises: a.enterprises + Number(r.enterprises), covered: a.covered + Number(r.covered) }), { enterprises: 0, covered: 0 });
  const sizeText = q.sizes.map((s) => enterpriseSizeLabels[s]).join("、");
  return {
    definition: `建会率 = 已被基层工会覆盖(单独建、联合建、区域建或覆盖建)的${sizeText}${q.nonPublicOnly ? "非公" : ""}企业数 ÷ 已登记的${sizeText}${q.nonPublicOnly ? "非公" : ""}企业数；按企业所在县(市、区)统计，只计您辖区内的企业，按查询时的记录计算。`,
    sizes: q.sizes,
    nonPublicOnly: q.nonPublicOnly,
    total: { ...total, share: share(total.covered, total.enterprises) },
    rows: rows.map((r) => {
      const { countyName, cityName } = ctx.regions.placeOf(r.countyCode);
      return { countyCode: r.countyCode, countyName, cityName, enterprises: Number(r.enterprises), covered: Number(r.covered), share: share(Number(r.covered), Number(r.enterprises)) };
    }),
    computedAt: ctx.now().toISOString(),
  };
}
