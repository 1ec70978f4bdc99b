import { maskPersonName, mealVoucherValueCents, todayInChina, type DailyRedemptions, type MyVouchers, type VoucherRedeemResult } from "@jiangxin/domain";
import { and, count, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { scopeCondition, visibleCounties } from "../../platform/access";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import { queryRows } from "../../platform/db/queryRows";
import { AppError } from "../../platform/errors";
import { isMember, recordBenefit } from "../../masterData/members";
import { people, personIdOf } from "../../masterData/people";
import { mealVouchers, redemptionPoints } from "./tables";

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The members a union (its own union and below) or staff (people working in their counties) issue to. */
function memberScope(actor: Actor) {
  const s = actor.scope;
  if (s.kind === "union") return s.unionIds.length ? sql`m.union_id in (${sql.join(s.unionIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  const counties = visibleCounties(actor);
  if (counties === "all") return sql`true`;
  return counties.length ? sql`p.county_code in (${sql.join(counties.map((c) => sql`${c}`), sql`, `)})` : sql`false`;
}

/**
 * Issues meal vouchers to every active member in the actor's reach, `perMember` each, valid from today:
 * one INSERT … SELECT (a county's members are thousands), codes random (48 bits) and unique by index.
 */
export async function issueVouchers(ctx: AppContext, actor: Actor, input: { perMember: number; validDays: number }) {
  const today = todayInChina(ctx.now());
  const validUntil = addDays(today, input.validDays - 1);
  return ctx.database.db.transaction(async (tx) => {
    const rows = await queryRows<{ members: number; vouchers: number }>(
      tx,
      sql`with issued as (
            insert into inclusive_meal_vouchers (code, person_id, union_id, county_code, issued_on, valid_until, value_cents, issued_by)
            select upper(substr(md5(random()::text || clock_timestamp()::text || m.person_id::text || g::text), 1, 12)),
                   m.person_id, m.union_id, p.county_code, ${today}::date, ${validUntil}::date, ${mealVoucherValueCents}, ${actor.userId}::uuid
            from union_memberships m join people p on p.id = m.person_id cross join generate_series(1, ${input.perMember}) g
            where m.status = 'active' and ${memberScope(actor)}
            returning person_id)
          select count(distinct person_id)::int as members, count(*)::int as vouchers from issued`,
    );
    const result = rows[0] ?? { members: 0, vouchers: 0 };
    await writeAudit(tx, auditActorOf(actor), { action: "inclusive.voucherIssue", objectType: "mealVoucher", detail: { ...result, perMember: input.perMember, validUntil } });
    return result;
  });
}

/** 我的餐券: the worker's vouchers, unused first. */
export async function myVouchers(ctx: AppContext, actor: Actor): Promise<MyVouchers> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) return { vouchers: [], isMember: false };
  const { db } = ctx.database;
  const rows = await db
    .select({ v: mealVouchers, pointName: redemptionPoints.name })
    .from(mealVouchers)
    .leftJoin(redemptionPoints, eq(redemptionPoints.id, mealVouchers.pointId))
    .where(eq(mealVouchers.personId, personId))
    .orderBy(sql`${mealVouchers.redeemedAt} is not null`, desc(mealVouchers.issuedOn), mealVouchers.code)
    .limit(100);
  return {
    isMember: await isMember(db, personId, todayInChina(ctx.now())),
    vouchers: rows.map(({ v, pointName }) => ({
      id: v.id,
      code: v.code,
      issuedOn: v.issuedOn,
      validUntil: v.validUntil,
      valueCents: v.valueCents,
      redeemedAt: v.redeemedAt?.toISOString() ?? null,
      redeemedAtPoint: pointName,
    })),
  };
}

/**
 * A scan at a partner canteen or station, by the account of the union running it. One conditional
 * UPDATE (unused and in date) claims the voucher; the ledger row (item `meal`, keyed by the voucher)
 * and the audit row commit with it. A second scan — or a racing one — updates nothing and is told
 * when and where the voucher was used.
 */
export async function redeemVoucher(ctx: AppContext, actor: Actor, code: string): Promise<VoucherRedeemResult> {
  const s = actor.scope;
  if (s.kind !== "union") throw new AppError("FORBIDDEN", "只有合作食堂、驿站所属工会的账号可以核销餐券");
  const { db } = ctx.database;
  const [point] = await db.select().from(redemptionPoints).where(eq(redemptionPoints.unionId, s.unionId)).limit(1);
  if (!point) throw new AppError("CONFLICT", "本工会尚未设立合作食堂或驿站，不能核销餐券");
  const now = ctx.now();
  const today = todayInChina(now);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(mealVouchers)
      .set({ redeemedAt: now, redeemedOn: today, pointId: point.id, redeemedBy: actor.userId })
      .where(and(eq(mealVouchers.code, code), isNull(mealVouchers.redeemedAt), gte(mealVouchers.validUntil, today), sql`${mealVouchers.issuedOn} <= ${today}::date`))
      .returning();
    if (!claimed) {
      const [v] = await tx.select({ redeemedAt: mealVouchers.redeemedAt, pointName: redemptionPoints.name, validUntil: mealVouchers.validUntil }).from(mealVouchers).leftJoin(redemptionPoints, eq(redemptionPoints.id, mealVouchers.pointId)).where(eq(mealVouchers.code, code));
      if (!v) throw new AppError("NOT_FOUND", "餐券不存在，请核对餐券码", { code: "餐券不存在" });
      if (v.redeemedAt) {
        const when = v.redeemedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
        throw new AppError("CONFLICT", `该餐券已于${when}在${v.pointName ?? "其他网点"}使用，不能重复核销`, { code: "该餐券已使用" });
      }
      throw new AppError("CONFLICT", `该餐券已过期(有效期至${v.validUntil})`, { code: "该餐券已过期" });
    }
    await recordBenefit(tx, {
      personId: claimed.personId,
      itemCode: "meal",
      occurredOn: today,
      programme: "inclusive",
      sourceKey: `inclusive:voucher:${claimed.id}`,
      amountCents: claimed.valueCents,
      note: point.name,
      actor: auditActorOf(actor),
    });
    await writeAudit(tx, auditActorOf(actor), { action: "inclusive.voucherRedeem", objectType: "mealVoucher", objectId: claimed.id, detail: { pointId: point.id } });
    const [person] = await tx.select({ name: people.name }).from(people).where(eq(people.id, claimed.personId));
    return { memberNameMasked: maskPersonName(person?.name ?? ""), pointName: point.name, redeemedAt: now.toISOString() };
  });
}

/** Meals per day over the last `days` days, and per point: a union sees its own vouchers', staff their counties'. */
export async function dailyRedemptions(ctx: AppContext, actor: Actor, days = 30): Promise<DailyRedemptions> {
  const { db } = ctx.database;
  const today = todayInChina(ctx.now());
  const from = addDays(today, -(days - 1));
  const s = actor.scope;
  const scope =
    s.kind === "union" ? (s.unionIds.length ? inArray(mealVouchers.unionId, [...s.unionIds]) : sql`false`) : scopeCondition(actor, { county: mealVouchers.countyCode });
  const day = sql<string>`to_char(${mealVouchers.redeemedOn}, 'YYYY-MM-DD')`;
  const inWindow = and(scope, gte(mealVouchers.redeemedOn, from));
  const [daysRows, totals, pointRows] = await Promise.all([
    db.select({ day, count: count() }).from(mealVouchers).where(inWindow).groupBy(day),
    db.select({ issued: count(), redeemed: count(mealVouchers.redeemedAt) }).from(mealVouchers).where(scope),
    db
      .select({ name: redemptionPoints.name, kind: redemptionPoints.kind, countyCode: redemptionPoints.countyCode, count: count() })
      .from(mealVouchers)
      .innerJoin(redemptionPoints, eq(redemptionPoints.id, mealVouchers.pointId))
      .where(inWindow)
      .groupBy(redemptionPoints.id, redemptionPoints.name, redemptionPoints.kind, redemptionPoints.countyCode)
      .orderBy(desc(count()))
      .limit(50),
  ]);
  const byDay = new Map(daysRows.map((r) => [r.day, r.count]));
  return {
    days: Array.from({ length: days }, (_, i) => addDays(from, i)).map((d) => ({ day: d, count: byDay.get(d) ?? 0 })),
    points: pointRows.map((p) => ({ name: p.name, kind: p.kind, countyName: ctx.regions.get(p.countyCode)?.name ?? p.countyCode, count: p.count })),
    issued: totals[0]?.issued ?? 0,
    redeemed: totals[0]?.redeemed ?? 0,
  };
}
