import { and, count, gte, inArray, lt } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import type { IndicatorCounts, IndicatorQuery } from "../../platform/programme";
import { countNewMembers, countParticipation } from "../../masterData/members";
import { mealVouchers } from "./tables";

/** 普惠服务's 驾驶舱 figures per county, from members' records, the ledger and the vouchers. */
export async function countInclusiveIndicators(ctx: AppContext, q: IndicatorQuery): Promise<IndicatorCounts> {
  const { db } = ctx.database;
  const end = q.before && q.before < `${q.year + 1}-01-01` ? q.before : `${q.year + 1}-01-01`;
  const [fresh, participation, meals] = await Promise.all([
    countNewMembers(db, { year: q.year, before: q.before, counties: q.counties }),
    countParticipation(db, { year: q.year, before: q.before, counties: q.counties }),
    db
      .select({ county: mealVouchers.countyCode, n: count() })
      .from(mealVouchers)
      .where(and(gte(mealVouchers.redeemedOn, `${q.year}-01-01`), lt(mealVouchers.redeemedOn, end), q.counties ? inArray(mealVouchers.countyCode, q.counties) : undefined))
      .groupBy(mealVouchers.countyCode),
  ]);
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const newMembers = new Map<string, number>();
  for (const r of fresh) add(newMembers, r.countyCode, r.count);
  const participants = new Map<string, number>();
  const rows = new Map<string, number>();
  for (const r of participation) {
    if (r.itemCode === null) add(participants, r.countyCode, r.participants);
    else add(rows, r.countyCode, r.rows);
  }
  return new Map([
    ["inclusive.newMembers", newMembers],
    ["inclusive.participants", participants],
    ["inclusive.benefitRows", rows],
    ["inclusive.mealsRedeemed", new Map(meals.map((m) => [m.county, m.n]))],
  ]);
}
