import { maskPhone, type Amenity, type Station, type StationInput, type StationListQuery } from "@jiangxin/domain";
import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { coversCounty, scopeCondition } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { findUnion } from "../../masterData/unions";
import { unions } from "../../masterData/unions";
import { isAroundTheClock, parseOpeningHours } from "./finder/openingHours";
import { refreshStation } from "./finder/finderOf";
import { announceStationChange } from "./finder/finderSync";
import { recordHours } from "./hoursHistory";
import { stationChecks, stations } from "./tables";

type StationRow = typeof stations.$inferSelect;

export function toStation(ctx: AppContext, row: StationRow, unionName: string): Station {
  return {
    id: row.id,
    name: row.name,
    hostKind: row.hostKind,
    hostOrg: row.hostOrg,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    countyCode: row.countyCode,
    countyName: ctx.regions.get(row.countyCode)?.name ?? row.countyCode,
    unionId: row.unionId,
    unionName,
    managerName: row.managerName,
    managerPhoneMasked: row.managerPhoneMasked,
    status: row.status,
    closedUntil: row.closedUntil,
    removedReason: row.removedReason,
    amenities: row.amenities,
    localItems: row.localItems,
    openingHours: row.openingHours,
    is24h: row.is24h,
    hoursVerifiedAt: row.hoursVerifiedAt?.toISOString() ?? null,
    upgradeClaimedYear: row.upgradeClaimedYear,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const scopeOf = (actor: Actor) => scopeCondition(actor, { county: stations.countyCode });

async function findRow(ctx: AppContext, actor: Actor, id: string) {
  const [r] = await ctx.database.db
    .select({ s: stations, unionName: unions.name })
    .from(stations)
    .innerJoin(unions, eq(unions.id, stations.unionId))
    .where(and(eq(stations.id, id), scopeOf(actor)));
  return r;
}

export async function getStation(ctx: AppContext, actor: Actor, id: string): Promise<Station> {
  const r = await findRow(ctx, actor, id);
  if (!r) throw notFound("服务站");
  return toStation(ctx, r.s, r.unionName);
}

export async function listStations(ctx: AppContext, actor: Actor, q: StationListQuery) {
  const conds: (SQL | undefined)[] = [scopeOf(actor)];
  if (q.countyCode) {
    ctx.regions.require(q.countyCode, "countyCode");
    conds.push(sql`${stations.countyCode} in ${ctx.regions.countiesUnder(q.countyCode).concat(q.countyCode)}`);
  }
  if (q.status) conds.push(eq(stations.status, q.status));
  if (q.q) conds.push(or(ilike(stations.name, `%${q.q}%`), ilike(stations.address, `%${q.q}%`), ilike(stations.hostOrg, `%${q.q}%`)));
  const where = and(...conds);
  const db = ctx.database.db;
  const [rows, [total]] = await Promise.all([
    db
      .select({ s: stations, unionName: unions.name })
      .from(stations)
      .innerJoin(unions, eq(unions.id, stations.unionId))
      .where(where)
      .orderBy(asc(stations.countyCode), asc(stations.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(stations).where(where),
  ]);
  return { items: rows.map((r) => toStation(ctx, r.s, r.unionName)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Checks what zod cannot: the county is a county-level unit in the actor's region, the union exists, the hours parse. */
async function checkInput(ctx: AppContext, actor: Actor, input: StationInput) {
  const county = ctx.regions.get(input.countyCode);
  if (!county || county.level !== "county") throw new AppError("VALIDATION_FAILED", "请选择县(市、区)一级的区划", { countyCode: "请选择县(市、区)一级的区划" });
  if (!coversCounty(actor, input.countyCode)) throw new AppError("FORBIDDEN", "只能登记或修改本辖区的服务站", { countyCode: `“${county.name}”不在您的辖区内` });
  const union = await findUnion(ctx.database.db, input.unionId);
  if (!union) throw new AppError("VALIDATION_FAILED", "负责的工会不存在", { unionId: "负责的工会不存在" });
  let is24h = false;
  if (input.openingHours !== "") {
    const parsed = parseOpeningHours(input.openingHours);
    if (!parsed.ok) throw new AppError("VALIDATION_FAILED", parsed.message, { openingHours: parsed.message });
    is24h = isAroundTheClock(parsed.value, ctx.now());
  }
  return { is24h };
}

/** The amenities as stored: a checked one is stamped now by the editor, an unchecked one keeps its last check. */
function amenitiesOf(input: StationInput, previous: Amenity[], actor: Actor, now: Date): Amenity[] {
  return input.amenities.map((a) => {
    const before = previous.find((p) => p.key === a.key);
    const same = before && before.water === a.water;
    return {
      key: a.key,
      water: a.water,
      verifiedAt: a.verify ? now.toISOString() : same ? before.verifiedAt : null,
      verifiedBy: a.verify ? actor.displayName : same ? before.verifiedBy : null,
    };
  });
}

export async function createStation(ctx: AppContext, actor: Actor, input: StationInput): Promise<Station> {
  const { is24h } = await checkInput(ctx, actor, input);
  if (!input.managerPhone) throw new AppError("VALIDATION_FAILED", "请填写负责人手机号", { managerPhone: "请填写负责人手机号" });
  const phone = input.managerPhone;
  const now = ctx.now();
  const id = await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stations)
      .values({
        ...plain(input),
        is24h,
        managerPhoneEnc: ctx.cipher.encrypt(phone),
        managerPhoneMasked: maskPhone(phone),
        amenities: amenitiesOf(input, [], actor, now),
        hoursVerifiedAt: input.verifyHours && input.openingHours !== "" ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: stations.id });
    if (!row) throw new Error("insert returned no row");
    await recordCheck(tx, row.id, input, actor, now);
    await recordHours(tx, row.id, { openingHours: input.openingHours, is24h, verified: hoursVerified(input) }, hoursVerified(input), now);
    await announceStationChange(ctx, tx, row.id);
    await writeAudit(tx, auditActorOf(actor), { action: "station.create", objectType: "station", objectId: row.id, detail: { name: input.name, countyCode: input.countyCode } });
    return row.id;
  });
  await refreshStation(ctx, id);
  return getStation(ctx, actor, id);
}

export async function updateStation(ctx: AppContext, actor: Actor, id: string, input: StationInput): Promise<Station> {
  const existing = await findRow(ctx, actor, id);
  if (!existing) throw notFound("服务站");
  const { is24h } = await checkInput(ctx, actor, input);
  const now = ctx.now();
  const prev = existing.s;
  const hoursChanged = prev.openingHours !== input.openingHours;
  const hoursVerifiedAt = hoursVerified(input) ? now : hoursChanged ? null : prev.hoursVerifiedAt;
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(stations)
      .set({
        ...plain(input),
        is24h,
        ...(input.managerPhone ? { managerPhoneEnc: ctx.cipher.encrypt(input.managerPhone), managerPhoneMasked: maskPhone(input.managerPhone) } : {}),
        amenities: amenitiesOf(input, prev.amenities, actor, now),
        hoursVerifiedAt,
        updatedAt: now,
      })
      .where(eq(stations.id, id));
    await recordCheck(tx, id, input, actor, now);
    await recordHours(tx, id, { openingHours: input.openingHours, is24h, verified: hoursVerifiedAt !== null }, hoursVerified(input), now);
    await announceStationChange(ctx, tx, id);
    await writeAudit(tx, auditActorOf(actor), {
      action: "station.update",
      objectType: "station",
      objectId: id,
      detail: { status: input.status, upgradeClaimedYear: input.upgradeClaimedYear, verified: input.amenities.filter((a) => a.verify).map((a) => a.key), verifyHours: input.verifyHours },
    });
  });
  await refreshStation(ctx, id);
  return getStation(ctx, actor, id);
}

function plain(input: StationInput) {
  return {
    name: input.name,
    hostKind: input.hostKind,
    hostOrg: input.hostOrg,
    address: input.address,
    lng: input.lng,
    lat: input.lat,
    countyCode: input.countyCode,
    unionId: input.unionId,
    managerName: input.managerName,
    status: input.status,
    closedUntil: input.status === "closed" ? input.closedUntil : null,
    removedReason: input.status === "removed" ? input.removedReason : null,
    localItems: input.localItems,
    openingHours: input.openingHours,
    upgradeClaimedYear: input.upgradeClaimedYear,
  };
}

/** The save confirms the hours on site (核实开放时间 ticked, and there are hours to confirm). */
const hoursVerified = (input: StationInput) => input.verifyHours && input.openingHours !== "";

/** A save that confirms amenities on site is a check: the history the upgrade rule counts by. */
async function recordCheck(tx: Parameters<Parameters<AppContext["database"]["db"]["transaction"]>[0]>[0], stationId: string, input: StationInput, actor: Actor, now: Date) {
  const confirmed = input.amenities.filter((a) => a.verify).map((a) => a.key);
  if (confirmed.length === 0) return;
  await tx.insert(stationChecks).values({ stationId, checkedAt: now, checkedBy: actor.userId, amenities: confirmed });
}

/** The manager's full phone; each read leaves an audit row. */
export async function readManagerPhone(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  const r = await findRow(ctx, actor, id);
  if (!r) throw notFound("服务站");
  const phone = ctx.cipher.decrypt(r.s.managerPhoneEnc);
  await ctx.database.db.transaction((tx) => writeAudit(tx, auditActorOf(actor), { action: "station.readPhone", objectType: "station", objectId: id }));
  return phone;
}
