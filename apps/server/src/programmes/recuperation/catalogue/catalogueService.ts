import {
  addDays,
  todayInChina,
  type RecuperationBase,
  type RecuperationBaseInput,
  type RecuperationGroup,
  type RecuperationRoute,
  type RecuperationRouteInput,
  type RecuperationSession,
  type RecuperationSessionInput,
} from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { queryRows } from "../../../platform/db/queryRows";
import { AppError } from "../../../platform/errors";

export async function listBases(ctx: AppContext): Promise<RecuperationBase[]> {
  const year = Number(todayInChina(ctx.now()).slice(0, 4));
  const rows = await queryRows<{
    id: string;
    code: string;
    name: string;
    county_code: string;
    kind: string;
    capacity: number;
    price_per_day: number;
    certified_from: string;
    certified_until: string;
    stays: number;
    spent: number;
  }>(
    ctx.database.db,
    sql`select b.id, b.code, b.name, b.county_code, b.kind, b.capacity, b.price_per_day, b.certified_from::text, b.certified_until::text,
          coalesce(st.stays, 0)::int as stays, coalesce(st.spent, 0)::float8 as spent
        from recuperation_bases b
        left join (select base_id, count(*) as stays, sum(amount_yuan) as spent from recuperation_stays
                   where starts_on >= make_date(${year}, 1, 1) and starts_on < make_date(${year + 1}, 1, 1) group by base_id) st on st.base_id = b.id
        order by b.code`,
  );
  return rows.map((r) => {
    const county = ctx.regions.get(r.county_code);
    const city = county?.parentCode ? ctx.regions.get(county.parentCode) : undefined;
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      countyCode: r.county_code,
      countyName: county?.name ?? r.county_code,
      cityName: city?.name ?? "",
      kind: r.kind,
      capacity: r.capacity,
      pricePerDay: r.price_per_day,
      certifiedFrom: r.certified_from,
      certifiedUntil: r.certified_until,
      staysThisYear: r.stays,
      spentThisYear: r.spent,
    };
  });
}

export async function createBase(ctx: AppContext, actor: Actor, input: RecuperationBaseInput): Promise<string> {
  ctx.regions.require(input.countyCode, "countyCode");
  if (input.certifiedUntil < input.certifiedFrom) throw new AppError("VALIDATION_FAILED", "认定期限的结束日期早于开始日期", { certifiedUntil: "结束日期早于开始日期" });
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into recuperation_bases (code, name, county_code, kind, capacity, price_per_day, certified_from, certified_until)
          values (${input.code}, ${input.name}, ${input.countyCode}, ${input.kind}, ${input.capacity}, ${input.pricePerDay}, ${input.certifiedFrom}, ${input.certifiedUntil})
          on conflict (code) do nothing returning id`,
    );
    if (!row) throw new AppError("CONFLICT", "基地编号已存在", { code: "基地编号已存在" });
    await writeAudit(tx, auditActorOf(actor), { action: "recuperation.base.create", objectType: "recuperationBase", objectId: row.id, detail: input });
    return row.id;
  });
}

/** Edits a base; its code stays unique. Stays already recorded keep the price they were counted at. */
export async function updateBase(ctx: AppContext, actor: Actor, id: string, input: RecuperationBaseInput): Promise<void> {
  ctx.regions.require(input.countyCode, "countyCode");
  if (input.certifiedUntil < input.certifiedFrom) throw new AppError("VALIDATION_FAILED", "认定期限的结束日期早于开始日期", { certifiedUntil: "结束日期早于开始日期" });
  await ctx.database.db.transaction(async (tx) => {
    const [clash] = await queryRows<{ id: string }>(tx, sql`select id from recuperation_bases where code = ${input.code} and id <> ${id}`);
    if (clash) throw new AppError("CONFLICT", "基地编号已存在", { code: "基地编号已存在" });
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`update recuperation_bases set code = ${input.code}, name = ${input.name}, county_code = ${input.countyCode}, kind = ${input.kind}, capacity = ${input.capacity},
            price_per_day = ${input.pricePerDay}, certified_from = ${input.certifiedFrom}, certified_until = ${input.certifiedUntil} where id = ${id} returning id`,
    );
    if (!row) throw new AppError("NOT_FOUND", "基地不存在");
    await writeAudit(tx, auditActorOf(actor), { action: "recuperation.base.update", objectType: "recuperationBase", objectId: id, detail: input });
  });
}

export async function listRoutes(ctx: AppContext): Promise<RecuperationRoute[]> {
  const rows = await queryRows<{ id: string; name: string; theme: string; days: number; bases: RecuperationRoute["bases"] | null }>(
    ctx.database.db,
    sql`select r.id, r.name, r.theme, r.days,
          (select json_agg(json_build_object('baseId', b.id, 'baseName', b.name, 'days', rb.days) order by rb.position)
             from recuperation_route_bases rb join recuperation_bases b on b.id = rb.base_id where rb.route_id = r.id) as bases
        from recuperation_routes r order by r.name`,
  );
  return rows.map((r) => ({ ...r, bases: r.bases ?? [] }));
}

export async function createRoute(ctx: AppContext, actor: Actor, input: RecuperationRouteInput): Promise<string> {
  const days = input.bases.reduce((s, b) => s + b.days, 0);
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(tx, sql`insert into recuperation_routes (name, theme, days) values (${input.name}, ${input.theme}, ${days}) returning id`);
    const known = await queryRows<{ id: string }>(tx, sql`select id from recuperation_bases where id in (${sql.join(input.bases.map((b) => sql`${b.baseId}::uuid`), sql`, `)})`);
    if (known.length !== new Set(input.bases.map((b) => b.baseId)).size) throw new AppError("VALIDATION_FAILED", "基地不存在", { bases: "基地不存在" });
    for (const [i, b] of input.bases.entries()) {
      await tx.execute(sql`insert into recuperation_route_bases (route_id, base_id, days, position) values (${row!.id}, ${b.baseId}, ${b.days}, ${i + 1})`);
    }
    await writeAudit(tx, auditActorOf(actor), { action: "recuperation.route.create", objectType: "recuperationRoute", objectId: row!.id, detail: input });
    return row!.id;
  });
}

/**
 * Edits a route: name, theme and its bases in order. Its sessions that have not started take the new
 * length (ends_on); stays already recorded keep their rows.
 */
export async function updateRoute(ctx: AppContext, actor: Actor, id: string, input: RecuperationRouteInput): Promise<void> {
  const days = input.bases.reduce((s, b) => s + b.days, 0);
  const today = todayInChina(ctx.now());
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(tx, sql`update recuperation_routes set name = ${input.name}, theme = ${input.theme}, days = ${days} where id = ${id} returning id`);
    if (!row) throw new AppError("NOT_FOUND", "线路不存在");
    const known = await queryRows<{ id: string }>(tx, sql`select id from recuperation_bases where id in (${sql.join(input.bases.map((b) => sql`${b.baseId}::uuid`), sql`, `)})`);
    if (known.length !== new Set(input.bases.map((b) => b.baseId)).size) throw new AppError("VALIDATION_FAILED", "基地不存在", { bases: "基地不存在" });
    await tx.execute(sql`delete from recuperation_route_bases where route_id = ${id}`);
    const values = input.bases.map((b, i) => sql`(${id}::uuid, ${b.baseId}::uuid, ${b.days}::int, ${i + 1}::int)`);
    await tx.execute(sql`insert into recuperation_route_bases (route_id, base_id, days, position) values ${sql.join(values, sql`, `)}`);
    await tx.execute(sql`update recuperation_sessions set ends_on = starts_on + ${days - 1}::int where route_id = ${id} and starts_on > ${today}::date`);
    await writeAudit(tx, auditActorOf(actor), { action: "recuperation.route.update", objectType: "recuperationRoute", objectId: id, detail: input });
  });
}

export async function listSessions(ctx: AppContext, year: number): Promise<RecuperationSession[]> {
  const rows = await queryRows<{
    id: string;
    code: string;
    route_id: string;
    route_name: string;
    theme: string;
    year: number;
    starts_on: string;
    ends_on: string;
    days: number;
    capacity: number;
    taken: number;
    base_names: string[] | null;
  }>(
    ctx.database.db,
    sql`select s.id, s.code, s.route_id, r.name as route_name, r.theme, s.year, s.starts_on::text, s.ends_on::text, r.days, s.capacity,
          (select count(*)::int from recuperation_offers o where o.session_id = s.id and o.status in ('offered', 'accepted', 'stayed')) as taken,
          (select array_agg(b.name order by rb.position) from recuperation_route_bases rb join recuperation_bases b on b.id = rb.base_id where rb.route_id = r.id) as base_names
        from recuperation_sessions s join recuperation_routes r on r.id = s.route_id where s.year = ${year} order by s.starts_on, s.code`,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    routeId: r.route_id,
    routeName: r.route_name,
    theme: r.theme,
    year: r.year,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    days: r.days,
    capacity: r.capacity,
    taken: r.taken,
    baseNames: r.base_names ?? [],
  }));
}

export async function createSession(ctx: AppContext, actor: Actor, input: RecuperationSessionInput): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    const [route] = await queryRows<{ days: number }>(tx, sql`select days from recuperation_routes where id = ${input.routeId}`);
    if (!route) throw new AppError("VALIDATION_FAILED", "线路不存在", { routeId: "线路不存在" });
    const endsOn = addDays(input.startsOn, route.days - 1);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into recuperation_sessions (code, route_id, year, starts_on, ends_on, capacity)
          values (${input.code}, ${input.routeId}, ${Number(input.startsOn.slice(0, 4))}, ${input.startsOn}, ${endsOn}, ${input.capacity})
          on conflict (code) do nothing returning id`,
    );
    if (!row) throw new AppError("CONFLICT", "期次编号已存在", { code: "期次编号已存在" });
    await writeAudit(tx, auditActorOf(actor), { action: "recuperation.session.create", objectType: "recuperationSession", objectId: row.id, detail: input });
    return row.id;
  });
}

/**
 * Edits a session. Places may not drop below those already offered or taken; a session with places
 * offered keeps its route and date (the people holding them were offered that departure); the year
 * may not change while applications name it (they belong to a round of that year).
 */
export async function updateSession(ctx: AppContext, actor: Actor, id: string, input: RecuperationSessionInput): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [current] = await queryRows<{ route_id: string; starts_on: string; year: number; taken: number; chosen: boolean }>(
      tx,
      sql`select s.route_id, s.starts_on::text, s.year,
            (select count(*)::int from recuperation_offers o where o.session_id = s.id and o.status in ('offered', 'accepted', 'stayed')) as taken,
            exists (select 1 from recuperation_applications a where a.choice1 = s.id or a.choice2 = s.id or a.choice3 = s.id) as chosen
          from recuperation_sessions s where s.id = ${id} for update`,
    );
    if (!current) throw new AppError("NOT_FOUND", "期次不存在");
    if (input.capacity < current.taken) throw new AppError("VALIDATION_FAILED", `已分配${current.taken}个名额，名额不能少于${current.taken}`, { capacity: `不能少于已分配的${current.taken}个` });
    if (current.taken > 0 && input.routeId !== current.route_id) throw new AppError("VALIDATION_FAILED", "已有分配名额的期次不能更换线路", { routeId: "已有分配名额，不能更换线路" });
    if (current.taken > 0 && input.startsOn !== current.starts_on) throw new AppError("VALIDATION_FAILED", "已有分配名额的期次不能改出发日期", { startsOn: "已有分配名额，不能改日期" });
    const year = Number(input.startsOn.slice(0, 4));
    if (current.chosen && year !== current.year) throw new AppError("VALIDATION_FAILED", `已有职工申请该期次，出发日期须在${current.year}年内`, { startsOn: `须在${current.year}年内` });
    const [route] = await queryRows<{ days: number }>(tx, sql`select days from recuperation_routes where id = ${input.routeId}`);
    if (!route) throw new AppError("VALIDATION_FAILED", "线路不存在", { routeId: "线路不存在" });
    const [clash] = await queryRows<{ id: string }>(tx, sql`select id from recuperation_sessions where code = ${input.code} and id <> ${id}`);
    if (clash) throw new AppError("CONFLICT", "期次编号已存在", { code: "期次编号已存在" });
    await tx.execute(
      sql`update recuperation_sessions set code = ${input.code}, route_id = ${input.routeId}, year = ${year}, starts_on = ${input.startsOn}, ends_on = ${addDays(input.startsOn, route.days - 1)}, capacity = ${input.capacity} where id = ${id}`,
    );
    await writeAudit(tx, auditActorOf(actor), { action: "recuperation.session.update", objectType: "recuperationSession", objectId: id, detail: input });
  });
}

export async function listGroups(ctx: AppContext): Promise<RecuperationGroup[]> {
  return queryRows<RecuperationGroup>(ctx.database.db, sql`select rank, label, category from recuperation_groups order by rank`);
}
