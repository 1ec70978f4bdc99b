import { addDays, amenityKeys, chinaMidnight, maskPhone, reportKindLabels, upgradeRule, type Amenity, type AmenityKey, type HostKind } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import { queryRows } from "../../../platform/db/queryRows";
import { raiseTodos } from "../../../platform/inbox";
import type { ProgrammeDemo } from "../../../platform/programme";
import { stationChecks, stationReports, stations } from "../tables";


/** A PostgreSQL array literal of text, numbers and nulls: one parameter however many rows. */
function pgArray(values: readonly (string | number | null | undefined)[]): string {
  const item = (v: string | number | null | undefined) => (v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  return `{${values.map(item).join(",")}}`;
}

/** Deterministic: the same demo on every first start. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hoursMix: [string, number][] = [
  ["Mo-Su 08:00-20:00", 30],
  ["Mo-Fr 08:30-17:30; Sa,Su 09:00-17:00", 20],
  ["Mo-Su 07:00-21:00; PH 09:00-17:00", 20],
  ["Mo-Fr 09:00-17:00; PH off", 12],
  ["24/7", 10],
  ["", 8],
];
const roads = ["解放路", "人民路", "中山路", "环城北路", "文三路", "建设路", "新华路", "江南大道", "滨江路", "学院路", "体育场路", "工业大道"];
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾".split("");
const given = ["建国", "丽华", "志强", "秀英", "海波", "晓燕", "伟", "静", "军", "敏", "国平", "春梅", "文斌", "雪芳"];
const banks = ["工商银行", "农业银行", "中国银行", "建设银行", "农商银行", "邮储银行"];

/** Stations per county: city districts have most riders and couriers, then county-level cities, then counties. */
const perCounty = (name: string) => (name.endsWith("区") ? 56 : name.endsWith("市") ? 36 : 24);

/**
 * The stations demo: about 3,600 stations over the 90 counties (scale 1), last year's 1,239 counted
 * upgrades (plus a few claimed that fail the rule), this year's progress to date toward 1,500, visits of the
 * last 14 days and a few open reports as county to-dos. Rows are built here and inserted 500 to a statement.
 */
async function load(ctx: AppContext, { scale, today }: { scale: number; today: string }): Promise<string[]> {
  const t0 = performance.now();
  const rnd = mulberry32(12);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const now = ctx.now();
  const year = Number(today.slice(0, 4));
  const yearShare = Math.min(1, Math.max(0.05, (now.getTime() - chinaMidnight(`${year}-01-01`).getTime()) / (365 * 86_400_000)));
  const db = ctx.database.db;
  const federations = new Map(
    (await queryRows<{ id: string; region_code: string }>(db, sql`select id, region_code from unions where kind = 'county'`)).map((r) => [r.region_code, r.id]),
  );
  const counties = ctx.regions.countiesUnder("330000").flatMap((code) => {
    const r = ctx.regions.get(code);
    const unionId = federations.get(code);
    return r && r.lng !== null && r.lat !== null && unionId ? [{ code, name: r.name, cityName: r.parentCode ? (ctx.regions.get(r.parentCode)?.name ?? "") : "", lng: r.lng, lat: r.lat, unionId }] : [];
  });
  const totalHoursWeight = hoursMix.reduce((s, [, w]) => s + w, 0);
  const hoursOf = () => {
    let x = rnd() * totalHoursWeight;
    for (const [h, w] of hoursMix) if ((x -= w) < 0) return h;
    return hoursMix[0]?.[0] ?? "";
  };

  type Row = typeof stations.$inferInsert & { id: string };
  const rows: Row[] = [];
  for (const c of counties) {
    const n = Math.max(1, Math.round(perCounty(c.name) * scale));
    for (let i = 1; i <= n; i++) {
      const kind = pick(["union", "bank", "bank", "postOffice", "petrolStation", "shop", "community", "community", "other"] as const satisfies readonly HostKind[]);
      const hostOrg = {
        union: `${c.name}总工会职工服务中心`,
        bank: `${pick(banks)}${c.name}${i}号网点`,
        postOffice: `中国邮政${c.name}第${i}营业所`,
        petrolStation: `中国石化${c.name}第${i}加油站`,
        shop: `${c.name}便民超市${i}号店`,
        community: `${c.name}${pick(["城东", "城西", "城南", "城北", "新城"])}街道${i}社区`,
        other: `${c.name}${pick(["物业服务中心", "公交首末站", "城管驿站"])}`,
      }[kind];
      const phone = `13${String(Math.floor(rnd() * 1e9)).padStart(9, "0")}`;
      // Spread around the county seat; districts are denser.
      const spread = c.name.endsWith("区") ? 0.05 : 0.09;
      const openingHours = hoursOf();
      rows.push({
        id: crypto.randomUUID(),
        name: `${hostOrg}暖心驿站`,
        hostKind: kind,
        hostOrg,
        address: `浙江省${c.cityName}${c.name}${pick(roads)}${1 + Math.floor(rnd() * 600)}号`,
        lng: c.lng + (rnd() - 0.5) * 2 * spread,
        lat: c.lat + (rnd() - 0.5) * 2 * spread * 0.85,
        countyCode: c.code,
        unionId: c.unionId,
        managerName: `${pick(surnames)}${pick(given)}`,
        managerPhoneEnc: ctx.cipher.encrypt(phone),
        managerPhoneMasked: maskPhone(phone),
        status: rnd() < 0.02 ? "closed" : "open",
        closedUntil: null,
        openingHours,
        is24h: openingHours === "24/7",
        hoursVerifiedAt: openingHours === "" ? null : new Date(now.getTime() - Math.floor(rnd() * 200) * 86_400_000),
        amenities: [],
        localItems: rnd() < 0.4 ? [pick(["热饭", "雨具", "打气筒", "针线包", "老花镜", "免费茶水"])] : [],
        createdAt: new Date(`${year - 2}-06-01T00:00:00+08:00`),
        updatedAt: now,
      });
    }
  }
  for (const r of rows) if (r.status === "closed") r.closedUntil = addDays(today, 3 + Math.floor(rnd() * 20));

  // Upgrades: last year's 1,239 counted (checked in its last 80 days) and a few claimed that fail; this year's to date.
  const shuffled = [...rows].sort(() => rnd() - 0.5);
  const lastCounted = Math.round(1239 * scale);
  const lastFailing = Math.round(41 * scale);
  const thisClaimed = Math.round(1500 * yearShare * 0.95 * scale);
  const checks: (typeof stationChecks.$inferInsert)[] = [];
  const full = [...upgradeRule.requiredAmenities] as AmenityKey[];
  const amenityList = (keys: AmenityKey[], at: Date | null): Amenity[] =>
    keys.map((key) => ({ key, water: key === "water" ? (rnd() < 0.7 ? "drinkable" : "refill") : null, verifiedAt: at?.toISOString() ?? null, verifiedBy: at ? "县总工会核查员" : null }));
  const yearEnd = (y: number) => chinaMidnight(`${y + 1}-01-01`).getTime();
  let k = 0;
  // A 24-hour station is the likelier upgrade (the article: 80 of 1,500 open round the clock).
  shuffled.sort((a, b) => Number(b.is24h && rnd() < 0.6) - Number(a.is24h && rnd() < 0.6));
  for (const r of shuffled.slice(k, (k += lastCounted))) {
    const at = new Date(yearEnd(year - 1) - (1 + Math.floor(rnd() * 80)) * 86_400_000);
    r.upgradeClaimedYear = year - 1;
    r.amenities = amenityList(full, at);
    checks.push({ stationId: r.id, checkedAt: at, amenities: full });
  }
  for (const r of shuffled.slice(k, (k += lastFailing))) {
    const at = new Date(yearEnd(year - 1) - (120 + Math.floor(rnd() * 90)) * 86_400_000);
    r.upgradeClaimedYear = year - 1;
    r.amenities = amenityList(full, at);
    checks.push({ stationId: r.id, checkedAt: at, amenities: full });
  }
  for (const [i, r] of shuffled.slice(k, (k += thisClaimed)).entries()) {
    // One in twenty was last checked too long ago: claimed, not counted.
    const daysAgo = i % 20 === 0 ? 100 + Math.floor(rnd() * 60) : Math.floor(rnd() * 80);
    const at = new Date(now.getTime() - daysAgo * 86_400_000);
    r.upgradeClaimedYear = year;
    r.amenities = amenityList(full, at);
    checks.push({ stationId: r.id, checkedAt: at, amenities: full });
  }
  for (const r of shuffled.slice(k)) {
    const keys = amenityKeys.filter(() => rnd() < 0.6);
    const at = rnd() < 0.5 ? new Date(now.getTime() - Math.floor(rnd() * 300) * 86_400_000) : null;
    r.amenities = amenityList(keys.length > 0 ? keys : ["water", "seating"], at);
    if (at) checks.push({ stationId: r.id, checkedAt: at, amenities: r.amenities.map((a) => a.key) });
  }

  // Reports: answered ones through the year, a few open (one a lock report on a station claimed this year).
  const reports: (typeof stationReports.$inferInsert)[] = [];
  const claimedNow = shuffled.slice(lastCounted + lastFailing, k);
  const chunan = rows.filter((r) => r.countyCode === "330127");
  const openTargets = [claimedNow[3], claimedNow[17], chunan[0], chunan[1], ...shuffled.slice(k + 5, k + 12)].filter((r): r is Row => Boolean(r));
  const kinds = ["locked", "amenityMissing", "closed", "wrongLocation", "other"] as const;
  openTargets.forEach((r, i) => {
    const reportedAt = new Date(now.getTime() - (1 + (i % 4)) * 86_400_000 + 3_600_000 * (i % 5));
    const kind = i < 2 ? "locked" : (kinds[i % kinds.length] ?? "other");
    reports.push({ receiptCode: `DEMO${String(i).padStart(6, "0")}`, stationId: r.id, countyCode: r.countyCode, kind, amenity: kind === "amenityMissing" ? "charging" : null, note: kind === "locked" ? "晚上十点来，门锁着，牌子上写24小时" : "", observedAt: reportedAt, reportedAt, dueDate: addDays(today, i % 3 === 0 ? -1 : 2) });
  });
  const answeredCount = Math.round(60 * scale);
  for (let i = 0; i < answeredCount; i++) {
    const r = shuffled[(i * 37) % shuffled.length];
    if (!r) continue;
    const reportedAt = new Date(now.getTime() - (5 + Math.floor(rnd() * 300)) * 86_400_000);
    const kind = kinds[i % kinds.length] ?? "other";
    reports.push({
      receiptCode: `DEMA${String(i).padStart(6, "0")}`, stationId: r.id, countyCode: r.countyCode, kind, amenity: kind === "amenityMissing" ? "water" : null, note: "", observedAt: reportedAt, reportedAt,
      dueDate: addDays(today, -5), outcome: i % 4 === 0 ? "unfounded" : "resolved", answer: i % 4 === 0 ? "经现场核实，站点当时正常开放。" : "已联系站点负责人整改，现已恢复。",
      answeredAt: new Date(reportedAt.getTime() + (4 + Math.floor(rnd() * 60)) * 3_600_000),
    });
  }

    await db.transaction(async (tx) => {
    // One statement each, every column as one array parameter (unnest): binding 100,000 parameters, or parsing
    // megabytes of JSON, costs seconds on PGlite; the amenities' JSON is built by the database from a key list.
    const col = (f: (r: Row) => string | number | null | undefined) => pgArray(rows.map(f));
    await tx.execute(sql`
      insert into stations (id, name, host_kind, host_org, address, lng, lat, county_code, union_id, manager_name, manager_phone_enc, manager_phone_masked,
                            status, closed_until, amenities, local_items, opening_hours, is_24h, hours_verified_at, upgrade_claimed_year, created_at, updated_at)
      select id, name, host_kind, host_org, address, lng, lat, county_code, union_id, manager_name, phone_enc, phone_masked, status, closed_until,
             (select coalesce(jsonb_agg(jsonb_build_object('key', k, 'water', case when k = 'water' then water end, 'verifiedAt', to_jsonb(verified_at),
                                                           'verifiedBy', case when verified_at is not null then '县总工会核查员' end)), '[]'::jsonb)
              from unnest(string_to_array(keys, ',')) as k),
             case when local_item is null then '{}'::text[] else array[local_item] end, opening_hours, opening_hours = '24/7', hours_verified_at, claimed, ${rows[0]?.createdAt ?? now}::timestamptz, ${now}::timestamptz
      from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.name)}::text[], ${col((r) => r.hostKind)}::text[], ${col((r) => r.hostOrg)}::text[], ${col((r) => r.address)}::text[],
                  ${col((r) => r.lng)}::float8[], ${col((r) => r.lat)}::float8[], ${col((r) => r.countyCode)}::text[], ${col((r) => r.unionId)}::uuid[], ${col((r) => r.managerName)}::text[],
                  ${col((r) => r.managerPhoneEnc)}::text[], ${col((r) => r.managerPhoneMasked)}::text[], ${col((r) => r.status ?? "open")}::text[], ${col((r) => r.closedUntil ?? null)}::date[],
                  ${col((r) => (r.amenities ?? []).map((a) => a.key).join(","))}::text[], ${col((r) => (r.amenities ?? []).find((a) => a.key === "water")?.water ?? null)}::text[],
                  ${col((r) => (r.amenities ?? [])[0]?.verifiedAt ?? null)}::timestamptz[], ${col((r) => r.localItems?.[0] ?? null)}::text[], ${col((r) => r.openingHours ?? "")}::text[],
                  ${col((r) => r.hoursVerifiedAt?.toISOString() ?? null)}::timestamptz[], ${col((r) => r.upgradeClaimedYear ?? null)}::int[])
        as x(id, name, host_kind, host_org, address, lng, lat, county_code, union_id, manager_name, phone_enc, phone_masked, status, closed_until, keys, water, verified_at,
             local_item, opening_hours, hours_verified_at, claimed)`);
    // The hours history the 24 h figure reads: each station's hours since it was set up, verified when they carry a check date.
    await tx.execute(sql`
      insert into station_hours_history (station_id, recorded_at, opening_hours, is_24h, verified)
      select id, created_at, opening_hours, is_24h, hours_verified_at is not null from stations where id = any(${col((r) => r.id)}::uuid[])`);
    await tx.execute(sql`
      insert into station_checks (station_id, checked_at, amenities)
      select station_id, checked_at, string_to_array(keys, ',')
      from unnest(${pgArray(checks.map((c) => c.stationId))}::uuid[], ${pgArray(checks.map((c) => c.checkedAt.toISOString()))}::timestamptz[], ${pgArray(checks.map((c) => c.amenities.join(",")))}::text[])
        as x(station_id, checked_at, keys)`);
    const inserted = await tx.insert(stationReports).values(reports).returning({ id: stationReports.id, countyCode: stationReports.countyCode, kind: stationReports.kind, answeredAt: stationReports.answeredAt, dueDate: stationReports.dueDate, reportedAt: stationReports.reportedAt });
    await raiseTodos(
      tx,
      inserted
        .filter((r) => !r.answeredAt)
        .map((r) => ({ kind: "toAccept" as const, title: `服务站问题报告(${reportKindLabels[r.kind]})`, link: `/stations/reports/${r.id}`, to: { role: "county" as const, regionCode: r.countyCode }, source: { programme: "stations", recordId: r.id }, dueDate: r.dueDate, at: r.reportedAt })),
    );
    // Visits of the last 14 days: a tenth of the stations, two occupation/hour cells a day each, in one statement.
    await tx.execute(sql`
      insert into station_visits (station_id, day, hour, occupation, count)
      select s.id, (${today}::date - d), h.hour, h.occ, 1 + floor(random() * 12)::int
      from (select id from stations where status = 'open' order by id limit ${Math.round(rows.length / 10)}) s
      cross join generate_series(0, 13) d
      cross join lateral (values (8 + (d % 4) * 3, (array['courier','rider','sanitation','construction','driver','other'])[1 + (d % 6)]),
                                 (12 + (d % 3), (array['rider','courier','sanitation'])[1 + (d % 3)])) as h(hour, occ)
      on conflict do nothing`);
  });
  const claimedThisYear = thisClaimed;
  return [`户外劳动者服务站: ${rows.length} stations, ${lastCounted} upgrades counted last year (+${lastFailing} claimed failing the rule), ${claimedThisYear} claimed this year, ${reports.length} reports (${openTargets.length} open) in ${((performance.now() - t0) / 1000).toFixed(2)} s`];
}

export const stationsDemo: ProgrammeDemo = { load };
